package dev.mantis.sim.scene;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The 16-DoF hand on the 6-DoF arm power-grasps a standing 5 x 12 cm cylinder by friction, lifts it
 * 15 cm and holds it 5 s, over 100 seeded trials with the cylinder's position jittered +-1 cm.
 * (The 6 cm sphere does not reach 90/100 yet: see {@link HandGrasp#SPHERE_SIDE_PITCHED}.)
 */
class HandGraspTest {

    @Test
    void cylinderSidePowerGraspHoldsInAtLeastNinetyOfAHundredTrials() throws Exception {
        int trials = 100;
        int threads = 2;
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    int ok = 0;
                    try (Scene scene = Scene.build(HandGrasp.spec(HandGrasp.standingCylinder(0.15, 0.8),
                            new ResetNoise(0, 0.01, 0), 960, HandGrasp.CYLINDER_SIDE.gripJoints()))) {
                        HandGrasp grasp = new HandGrasp(scene, HandGrasp.CYLINDER_SIDE);
                        for (int seed = first; seed < trials; seed += threads) {
                            scene.reset(seed);
                            String failure = grasp.graspOnce();
                            if (failure == null) {
                                ok++;
                            } else {
                                failures.add("seed " + seed + ": " + failure);
                            }
                        }
                    }
                    return ok;
                }));
            }
            int successes = 0;
            for (Future<Integer> part : parts) {
                successes += part.get();
            }
            assertTrue(successes >= 90, successes + "/" + trials + " cylinder grasps held; first failures: "
                    + failures.subList(0, Math.min(5, failures.size())));
        } finally {
            pool.shutdownNow();
        }
    }
}
