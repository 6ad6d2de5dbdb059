package dev.mantis.sim.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.assets.BundledTasks;
import dev.mantis.robot.spec.Action;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.scene.SceneState;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Articulated objects (the bundled drawer and button) in task scenes: sampled poses and start
 * joint values, passive joints (damping, limits, the button's return spring), bit-identical
 * restore, and the reader's errors. The oracles' success rates are checked by
 * {@link BundledTaskTest} (the tasks are in the core suite).
 */
class ArticulatedTaskTest {

    private static Task task(String id) {
        return new Task(TaskSpecReader.read(BundledTasks.yaml(id).orElseThrow(), id + ".yaml"));
    }

    /** Steps {@code steps} control steps with the arm holding still and the gripper closed. */
    private static void hold(Scene scene, int steps) {
        for (int i = 0; i < steps; i++) {
            scene.robot(0).act(new Action(0, 0, 0, 0, 0, 0, 0));
            scene.step();
        }
    }

    @Test
    void theDrawerStartsInItsRangesAndStaysWhereItIsLeft() {
        Task task = task("close_drawer");
        try (Scene scene = Scene.build(task.sceneSpec())) {
            for (int k = 0; k < 5; k++) {
                long seed = EpisodeSeeds.of(3, "close_drawer", k);
                scene.reset(seed);
                task.reset(scene, new SplittableRandom(seed));
                var p = scene.articulatedPose("drawer").translation();
                assertTrue(p.x() >= 0 && p.x() <= 0.08 && p.y() >= -0.12 && p.y() <= 0.12, "drawer at " + p);
                double q = scene.objectJoint("drawer", "drawer");
                assertTrue(q >= 0.15 - 1e-6 && q <= 0.2 + 1e-6, "drawer starts " + q + " m open");
                assertFalse(task.success(scene));
                hold(scene, 20);
                assertEquals(q, scene.objectJoint("drawer", "drawer"), 1e-3, "an untouched drawer does not move");
            }
            // pushed past its stop, the drawer comes back inside its limits
            scene.setObjectJoint("drawer", "drawer", 0.05);
            hold(scene, 1);
            assertTrue(scene.objectJoint("drawer", "drawer") <= 0.2);
        }
    }

    @Test
    void theButtonSpringsBackAfterBeingPressed() {
        Task task = task("press_button");
        try (Scene scene = Scene.build(task.sceneSpec())) {
            long seed = EpisodeSeeds.of(0, "press_button", 0);
            scene.reset(seed);
            task.reset(scene, new SplittableRandom(seed));
            scene.setObjectJoint("button", "plunger", -0.012);
            assertTrue(task.success(scene), "fully pressed counts as pressed");
            hold(scene, 10);
            double q = scene.objectJoint("button", "plunger");
            assertTrue(q > -0.002 && q < 0.003, "the spring returns the plunger to its top stop, at " + q + " m");
            assertFalse(task.success(scene));
        }
    }

    @Test
    void aResetReplaysTheOracleBitForBitAndARestoreClosely() {
        Task task = task("open_drawer");
        try (Scene scene = Scene.build(task.sceneSpec())) {
            long seed = EpisodeSeeds.of(0, "open_drawer", 1);
            scene.reset(seed);
            task.reset(scene, new SplittableRandom(seed));
            SceneState start = scene.snapshot();
            double[] first = trace(task, scene);
            assertTrue(task.success(scene), "the oracle opens the drawer within 120 steps");
            scene.reset(seed);
            task.reset(scene, new SplittableRandom(seed));
            assertArrayEquals(first, trace(task, scene), "a reset with the same seed replays it bit for bit");
            // a restored robot is at Bullet's float precision: the replay is close, not identical
            scene.restore(start);
            double[] again = trace(task, scene);
            for (int i = 0; i < first.length; i++) {
                assertEquals(first[i], again[i], 1e-4, "step " + i + " after restore");
            }
        }
    }

    /** The drawer's joint position over 120 oracle steps. */
    private static double[] trace(Task task, Scene scene) {
        Oracle oracle = task.oracle(scene);
        double[] q = new double[120];
        for (int i = 0; i < q.length; i++) {
            scene.robot(0).act(oracle.act(scene));
            scene.step();
            q[i] = scene.objectJoint("drawer", "drawer");
        }
        return q;
    }

    @Test
    void aTaskNamingAnUnknownObjectOrJointIsRefused() {
        String yaml = BundledTasks.yaml("open_drawer").orElseThrow();
        var unknown = assertThrows(TaskSpecException.class, () -> TaskSpecReader.read(
                yaml.replace("urdf: drawer", "urdf: wardrobe"), "t.yaml"));
        assertTrue(unknown.getMessage().contains("no bundled object 'wardrobe'; use one of drawer, button"),
                unknown.getMessage());
        var joint = assertThrows(TaskSpecException.class, () -> TaskSpecReader.read(
                yaml.replace("joint: drawer", "joint: lid"), "t.yaml"));
        assertTrue(joint.getMessage().contains("'drawer' has no moving joint 'lid'"), joint.getMessage());
    }

    @Test
    void theSpecSurvivesAWriteAndARead() {
        for (String id : new String[] {"open_drawer", "close_drawer", "press_button"}) {
            TaskSpec spec = task(id).spec();
            TaskSpec again = TaskSpecReader.read(TaskSpecWriter.write(spec, java.util.Map.of()), id + ".yaml");
            assertEquals(TaskSpecWriter.write(spec, java.util.Map.of()), TaskSpecWriter.write(again, java.util.Map.of()));
            assertEquals(spec.articulated().get(0).springs(), again.articulated().get(0).springs());
        }
    }
}
