package dev.mantis.robot.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.kinematics.KinematicTree;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.robot.urdf.MeshResolver;
import dev.mantis.robot.urdf.UrdfLoader;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mounting the hand on an arm gives one model whose kinematics compose the two. */
class ModelMountTest {

    private static RobotModel load(String id) {
        return new UrdfLoader(new MeshResolver(List.of()))
                .load(dev.mantis.assets.BundledRobots.find(id).orElseThrow().url());
    }

    @Test
    void handOnArmComposesTheFlangeAndTheHandKinematics() {
        RobotModel arm = load("ur5e");
        RobotModel hand = load("allegro_right");
        Transform T_tool0_mount = Transform.fromXyzRpy(new Vec3(0, 0, 0.01), new Vec3(0, 0, Math.PI / 2));
        RobotModel both = ModelMount.mount("ur5e_allegro", arm, "tool0", hand, T_tool0_mount);
        KinematicTree tree = KinematicTree.of(both);
        KinematicTree armTree = KinematicTree.of(arm);
        KinematicTree handTree = KinematicTree.of(hand);
        assertEquals(22, tree.dof());
        assertEquals("base_link", both.rootLink().name());
        Random rng = new Random(5);
        for (int trial = 0; trial < 100; trial++) {
            double[] q = new double[22];
            for (int v = 0; v < 22; v++) {
                q[v] = tree.lower(v) + rng.nextDouble() * (tree.upper(v) - tree.lower(v));
            }
            double[] qArm = java.util.Arrays.copyOfRange(q, 0, 6);
            double[] qHand = java.util.Arrays.copyOfRange(q, 6, 22);
            Transform expected = armTree.linkPose(qArm, "tool0").compose(T_tool0_mount)
                    .compose(handTree.linkPose(qHand, "link_15.0_tip"));
            Transform actual = tree.linkPose(q, "link_15.0_tip");
            assertTrue(expected.inverse().compose(actual).translation().norm() < 1e-12);
        }
    }

    @Test
    void clashingNamesAreRefused() {
        RobotModel arm = load("ur5e");
        var e = assertThrows(IllegalArgumentException.class,
                () -> ModelMount.mount("twice", arm, "tool0", arm, Transform.IDENTITY));
        assertEquals("cannot mount 'ur5e' on 'ur5e': both have a link 'base_link'", e.getMessage());
        var missing = assertThrows(IllegalArgumentException.class,
                () -> ModelMount.mount("x", arm, "flange", load("allegro_right"), Transform.IDENTITY));
        assertEquals("robot 'ur5e' has no link 'flange' to mount 'allegro_right' on", missing.getMessage());
    }
}
