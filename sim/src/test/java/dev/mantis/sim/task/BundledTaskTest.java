package dev.mantis.sim.task;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.assets.BundledTasks;
import dev.mantis.sim.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled task (the core suite and the dexterous hand tasks): starts in its ranges without
 * overlaps, the oracle solves it (90% of seeds with the gripper, 80% with the hand), success is
 * false at reset, reward rises along the demo.
 */
class BundledTaskTest {

    static List<String> coreTasks() {
        return BundledTasks.suite("full").orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("coreTasks")
    void resetIsInBoundsAndAtRestAndTheRewardRisesAlongTheDemonstration(String id) {
        Task task = new Task(TaskSpecReader.read(BundledTasks.yaml(id).orElseThrow(), id + ".yaml"));
        double early = 0;
        double late = 0;
        try (Scene scene = Scene.build(task.sceneSpec())) {
            for (int k = 0; k < 10; k++) {
                long seed = EpisodeSeeds.of(1, id, k);
                scene.reset(seed);
                task.reset(scene, new java.util.SplittableRandom(seed));
                for (TaskFixture f : task.spec().fixtures()) {
                    var p = scene.fixturePose(f.name()).translation();
                    assertTrue(p.x() >= f.x()[0] - 1e-9 && p.x() <= f.x()[1] + 1e-9, f.name() + " x in range");
                    assertTrue(p.y() >= f.y()[0] - 1e-9 && p.y() <= f.y()[1] + 1e-9, f.name() + " y in range");
                }
                for (TaskObject o : task.spec().objects()) {
                    var p = scene.objectPose(o.name()).translation();
                    if (task.spec().goal() instanceof Goal.LiftOne l && o.name().equals(task.movedObject())) {
                        // the object to lift is set in the goal's ranges, the others wait in theirs
                        assertTrue(p.x() >= l.x()[0] - 1e-9 && p.x() <= l.x()[1] + 1e-9, o.name() + " x in range");
                        assertTrue(p.y() >= l.y()[0] - 1e-9 && p.y() <= l.y()[1] + 1e-9, o.name() + " y in range");
                        continue;
                    }
                    if (!o.onTable()) { // its ranges are in the frame of what it rests on
                        boolean onFixture = task.spec().fixtures().stream().anyMatch(f -> f.name().equals(o.on()));
                        p = (onFixture ? scene.fixturePose(o.on()) : scene.objectPose(o.on())).inverse().apply(p);
                    }
                    assertTrue(p.x() >= o.x()[0] - 1e-9 && p.x() <= o.x()[1] + 1e-9, o.name() + " x in range");
                    assertTrue(p.y() >= o.y()[0] - 1e-9 && p.y() <= o.y()[1] + 1e-9, o.name() + " y in range");
                }
                // no interpenetration: objects placed apart stay where they are when the world steps
                java.util.Map<String, dev.mantis.robot.spatial.Vec3> before = new java.util.HashMap<>();
                task.spec().objects().forEach(o -> before.put(o.name(), scene.objectPose(o.name()).translation()));
                Oracle oracle = task.oracle(scene);
                java.util.List<Double> rewards = new java.util.ArrayList<>();
                for (int step = 0; step < task.spec().horizon() && !task.success(scene); step++) {
                    if (step == 1) {
                        for (TaskObject o : task.spec().objects()) {
                            var now = scene.objectPose(o.name()).translation();
                            var then = before.get(o.name());
                            double moved = Math.hypot(now.x() - then.x(), now.y() - then.y());
                            assertTrue(moved < 1e-3 && Math.abs(now.z() - then.z()) < 1e-3,
                                    o.name() + " jumped " + moved + " m at reset: objects overlap");
                        }
                    }
                    scene.robot(0).act(oracle.act(scene));
                    scene.step();
                    rewards.add(task.reward(scene));
                }
                int half = rewards.size() / 2;
                early += rewards.subList(0, half).stream().mapToDouble(Double::doubleValue).average().orElse(0);
                late += rewards.subList(half, rewards.size()).stream().mapToDouble(Double::doubleValue).average()
                        .orElse(0);
            }
        }
        assertTrue(late > early, id + ": mean reward in the second half of demonstrations (" + late / 10
                + ") is not above the first half (" + early / 10 + ")");
    }

    @ParameterizedTest
    @MethodSource("coreTasks")
    void oracleSolvesAtLeastNinetyPercentOfSeedsOrEightyWithTheHand(String id) {
        Task task = new Task(TaskSpecReader.read(BundledTasks.yaml(id).orElseThrow(), id + ".yaml"));
        boolean hand = task.robot().hand();
        int episodes = hand ? 20 : 40; // a hand episode costs about four gripper episodes (960 Hz physics)
        int successes = 0;
        List<String> failures = new ArrayList<>();
        try (Scene scene = Scene.build(task.sceneSpec())) {
            for (int k = 0; k < episodes; k++) {
                long seed = EpisodeSeeds.of(0, id, k);
                scene.reset(seed);
                task.reset(scene, new java.util.SplittableRandom(seed));
                assertFalse(task.success(scene), id + " episode " + k + " is solved at reset");
                EpisodeResult r = EpisodeRunner.run(task, scene, k, seed, task::oracle);
                if (r.success()) {
                    successes++;
                } else {
                    failures.add("episode " + k + ": " + r.failure());
                }
            }
        }
        assertTrue(successes >= (hand ? 0.8 : 0.9) * episodes, id + ": oracle solved " + successes + "/" + episodes + "; "
                + failures.subList(0, Math.min(5, failures.size())));
    }
}
