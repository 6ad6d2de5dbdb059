package dev.mantis.sim.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.mantis.assets.BundledTasks;
import dev.mantis.robot.spec.Observation;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.scene.SceneState;
import dev.mantis.sim.scene.Trajectories;
import dev.mantis.sim.task.EpisodeSeeds;
import dev.mantis.sim.task.Oracle;
import dev.mantis.sim.task.SolvedConfiguration;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpecReader;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The goal observation: the normal observation of the solved configuration, bit for bit, and
 * taking it leaves the episode bit-identical.
 */
class GoalObservationTest {

    private static final int STEPS = 120;

    static List<String> coreTasks() {
        return BundledTasks.suite("core").orElseThrow();
    }

    private static Task task(String id) {
        return new Task(TaskSpecReader.read(BundledTasks.yaml(id).orElseThrow(), id + ".yaml"));
    }

    @ParameterizedTest
    @MethodSource("coreTasks")
    void goalObservationIsTheObservationOfTheSolvedConfiguration(String id) {
        Task task = task(id);
        try (Scene scene = Scene.build(task.sceneSpec())) {
            TaskObservation view = new TaskObservation(task, scene.robot(0).observationSpec());
            long seed = EpisodeSeeds.of(3, id, 0);
            scene.reset(seed);
            task.reset(scene, new SplittableRandom(seed));
            Oracle oracle = task.oracle(scene);
            for (int step = 0; step < 30; step++) { // mid-episode: the robot's state is no longer float-exact
                scene.robot(0).act(oracle.act(scene));
                scene.step();
            }
            Observation now = view.observe(scene);
            Observation goal = view.goalObservation(scene);
            assertEquals(view.spec(), goal.spec());
            assertEquals(scene.time(), goal.timestamp());
            assertObservationEquals(now, view.observe(scene), id + ": the scene after the goal observation");
            SolvedConfiguration.of(task, scene).apply(scene);
            assertObservationEquals(view.observe(scene), goal, id + ": the scene put in the solved configuration");
            assertNotEquals(now.toString(), goal.toString(), id);
        }
    }

    @ParameterizedTest
    @MethodSource("coreTasks")
    void takingGoalObservationsLeavesTheEpisodeBitIdentical(String id) {
        Task task = task(id);
        try (Scene scene = Scene.build(task.sceneSpec())) {
            TaskObservation view = new TaskObservation(task, scene.robot(0).observationSpec());
            long seed = EpisodeSeeds.of(3, id, 1);
            long without = run(task, scene, view, seed, Integer.MAX_VALUE);
            assertEquals(without, run(task, scene, view, seed, Integer.MAX_VALUE), id + ": the episode replays");
            assertEquals(without, run(task, scene, view, seed, 7), id + ": goal observations after reset and "
                    + "every 7 steps changed the trajectory");
        }
    }

    /**
     * Hash of every state, reward and success along an oracle episode, taking a goal observation
     * after reset and every {@code every} steps.
     */
    private static long run(Task task, Scene scene, TaskObservation view, long seed, int every) {
        scene.reset(seed);
        task.reset(scene, new SplittableRandom(seed));
        if (every != Integer.MAX_VALUE) {
            view.goalObservation(scene);
        }
        Oracle oracle = task.oracle(scene);
        long h = 0xCBF29CE484222325L;
        for (int step = 1; step <= STEPS; step++) {
            scene.robot(0).act(oracle.act(scene));
            scene.step();
            SceneState s = scene.snapshot();
            h = Trajectories.hash(h, s);
            for (double[] r : s.objectRotations()) {
                h = 31 * h + java.util.Arrays.hashCode(r);
            }
            h = 31 * h + Double.hashCode(task.reward(scene)) + (task.success(scene) ? 1 : 0);
            if (step % every == 0) {
                view.goalObservation(scene);
            }
        }
        return h;
    }

    private static void assertObservationEquals(Observation expected, Observation actual, String what) {
        assertEquals(expected.spec(), actual.spec(), what);
        for (var f : expected.spec().features()) {
            assertArrayEquals(expected.get(f.name()), actual.get(f.name()), 0.0, what + ": " + f.name());
        }
    }
}
