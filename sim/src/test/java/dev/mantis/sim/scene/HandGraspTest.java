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
 * The 16-DoF hand on the 6-DoF arm power-grasps an object by friction, lifts it at least 15 cm and
 * holds it 5 s, over 100 seeded trials with the object's position jittered +-1 cm: a standing
 * 5 x 12 cm cylinder and a 6 cm sphere, each in at least 90 trials. The scripted grasps are
 * {@link HandGrasp}'s plans; each test takes about a minute on two idle cores (measured on the
 * shared two-core development machine: 2.5 to 3 minutes for the sphere, 4 to 6 for the cylinder).
 */
class HandGraspTest {

    private static final int TRIALS = 100;

    @Test
    void cylinderSidePowerGraspHoldsInAtLeastNinetyOfAHundredTrials() throws Exception {
        assertHeldAtLeast(90, HandGrasp.standingCylinder(0.15, 0.8), HandGrasp.CYLINDER_SIDE, "cylinder");
    }

    @Test
    void spherePowerGraspHoldsInAtLeastNinetyOfAHundredTrials() throws Exception {
        assertHeldAtLeast(90, HandGrasp.sphere(0.1, 1.0), HandGrasp.SPHERE_SIDE_PITCHED, "sphere");
    }

    /** Runs the plan on seeds 0..TRIALS-1, split over two threads (each with its own scene). */
    private static void assertHeldAtLeast(int required, ObjectSpec object, HandGrasp.Plan plan, String what)
            throws Exception {
        int threads = 2;
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    int ok = 0;
                    try (Scene scene = Scene.build(HandGrasp.spec(object, new ResetNoise(0, 0.01, 0), 960,
                            plan.gripJoints()))) {
                        HandGrasp grasp = new HandGrasp(scene, plan);
                        for (int seed = first; seed < TRIALS; seed += threads) {
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
            assertTrue(successes >= required, successes + "/" + TRIALS + " " + what + " grasps held; first failures: "
                    + failures.subList(0, Math.min(5, failures.size())));
        } finally {
            pool.shutdownNow();
        }
    }
}
