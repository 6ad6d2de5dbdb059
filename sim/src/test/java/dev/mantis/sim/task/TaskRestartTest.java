package dev.mantis.sim.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.assets.BundledTasks;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.scene.Scene;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Task#restart}: an episode started from the scene as it is (a real cell's reset), and
 * {@link Task#useGoal}: a goal given instead of drawn.
 */
class TaskRestartTest {

    private static Task task(String id) {
        return new Task(TaskSpecReader.read(BundledTasks.yaml(id).orElseThrow(), id + ".yaml"));
    }

    @Test
    void aRestartMovesNothingAndDrawsTheGoalFromWhereTheObjectIs() {
        Task push = task("push");
        Goal.Push goal = (Goal.Push) push.spec().goal();
        try (Scene scene = Scene.build(push.sceneSpec())) {
            scene.reset(3);
            push.reset(scene, new SplittableRandom(3));
            Transform moved = Transform.fromXyzRpy(new Vec3(0.07, -0.12, push.spec().object("block").restHeight()),
                    new Vec3(0, 0, 0.3));
            scene.setObjectPose("block", moved);
            for (long seed = 10; seed < 30; seed++) {
                push.restart(scene, new SplittableRandom(seed));
                assertArrayEquals(moved.translation().toArray(), scene.objectPose("block").translation().toArray(),
                        1e-12, "the block stays where it was");
                double[] g = push.goalState();
                assertTrue(Math.hypot(g[0] - 0.07, g[1] + 0.12) >= goal.minDistance() - 1e-12,
                        "the goal is drawn at least min_distance from where the block is now");
                assertTrue(g[0] >= goal.x()[0] && g[0] <= goal.x()[1] && g[1] >= goal.y()[0] && g[1] <= goal.y()[1]);
            }
        }
    }

    @Test
    void aRestartOfALiftOneTaskLiftsTheObjectFromWhereItIs() {
        Task lift = task("hand_lift");
        try (Scene scene = Scene.build(lift.sceneSpec())) {
            scene.reset(5);
            lift.reset(scene, new SplittableRandom(5));
            java.util.Map<String, Vec3> before = new java.util.HashMap<>();
            lift.spec().objects().forEach(o -> before.put(o.name(), scene.objectPose(o.name()).translation()));
            lift.restart(scene, new SplittableRandom(6));
            for (TaskObject o : lift.spec().objects()) {
                assertArrayEquals(before.get(o.name()).toArray(), scene.objectPose(o.name()).translation().toArray(),
                        1e-12, o.name() + " stays where it was");
            }
            Vec3 at = before.get(lift.movedObject());
            double[] g = lift.goalState();
            assertEquals(at.x(), g[0], 1e-12);
            assertEquals(at.y(), g[1], 1e-12);
            assertTrue(g[2] > at.z(), "the goal is above the object");
        }
    }

    @Test
    void aGivenGoalReplacesTheDrawnOneAndAWrongOneIsRefused() {
        Task push = task("push");
        try (Scene scene = Scene.build(push.sceneSpec())) {
            scene.reset(1);
            push.reset(scene, new SplittableRandom(1));
            push.useGoal(new double[] {0.05, 0.1, 0.025});
            assertArrayEquals(new double[] {0.05, 0.1, 0.025}, push.goalState());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> push.useGoal(new double[] {0.05, 0.1}));
            assertEquals("a goal of task 'push' has 3 values (push goal target points, x y z each), not 2",
                    e.getMessage());
        }
    }
}
