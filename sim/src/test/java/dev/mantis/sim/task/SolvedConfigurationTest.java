package dev.mantis.sim.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.assets.BundledTasks;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.sim.scene.Scene;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every core task's solved configuration satisfies its success predicate once settled. */
class SolvedConfigurationTest {

    /** Control steps (0.1 s) the scene settles before success is asked. */
    private static final int SETTLE = 2;

    static List<String> coreTasks() {
        return BundledTasks.suite("core").orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("coreTasks")
    void solvedConfigurationSucceedsAfterSettlingForNineOfTenSeeds(String id) {
        Task task = new Task(TaskSpecReader.read(BundledTasks.yaml(id).orElseThrow(), id + ".yaml"));
        int solved = 0;
        try (Scene scene = Scene.build(task.sceneSpec())) {
            for (int k = 0; k < 10; k++) {
                long seed = EpisodeSeeds.of(1, id, k);
                scene.reset(seed);
                task.reset(scene, new SplittableRandom(seed));
                assertFalse(task.success(scene), id + " seed " + k + ": success before the solved configuration");
                SolvedConfiguration configuration = SolvedConfiguration.of(task, scene);
                configuration.apply(scene);
                for (int s = 0; s < SETTLE; s++) {
                    scene.step();
                }
                solved += task.success(scene) ? 1 : 0;
            }
        }
        assertTrue(solved >= 9, id + ": the solved configuration succeeds for " + solved + " of 10 seeds");
    }

    @ParameterizedTest
    @MethodSource("coreTasks")
    void objectsTheGoalDoesNotMoveStayWhereTheyAre(String id) {
        Task task = new Task(TaskSpecReader.read(BundledTasks.yaml(id).orElseThrow(), id + ".yaml"));
        try (Scene scene = Scene.build(task.sceneSpec())) {
            long seed = EpisodeSeeds.of(1, id, 0);
            scene.reset(seed);
            task.reset(scene, new SplittableRandom(seed));
            java.util.Map<String, Transform> before = new java.util.HashMap<>();
            task.spec().objects().forEach(o -> before.put(o.name(), scene.objectPose(o.name())));
            SolvedConfiguration configuration = SolvedConfiguration.of(task, scene);
            configuration.apply(scene);
            for (TaskObject o : task.spec().objects()) {
                if (!configuration.T_world_objects().containsKey(o.name())) {
                    assertEquals(before.get(o.name()), scene.objectPose(o.name()), id + ": " + o.name() + " moved");
                }
            }
            boolean movesNoFreeObject = task.spec().goal() instanceof Goal.Reach
                    || task.spec().goal() instanceof Goal.Articulate;
            assertEquals(movesNoFreeObject, configuration.T_world_objects().isEmpty(), id);
        }
    }
}
