package dev.mantis.robot.kinematics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.model.RobotModel;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Forward kinematics of the bundled robots against independent references. */
class ForwardKinematicsTest {

    private static final double TOL = 1e-9;

    @ParameterizedTest
    @ValueSource(strings = {"panda", "ur5e", "allegro_right"})
    void everyLinkMatchesProductOfExponentialsAtRandomConfigurations(String id) {
        RobotModel model = TestRobots.load(id);
        KinematicTree tree = KinematicTree.of(model);
        ReferenceKinematics reference = new ReferenceKinematics(model, tree);
        KinematicsWorkspace ws = tree.newWorkspace();
        Random rng = new Random(1);
        double worst = 0;
        for (int trial = 0; trial < 1000; trial++) {
            double[] q = TestRobots.randomConfiguration(tree, rng);
            tree.forward(q, ws);
            for (int l = 0; l < tree.linkCount(); l++) {
                double[][] expected = reference.pose(tree.linkName(l), q);
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        worst = Math.max(worst, Math.abs(expected[r][c] - ws.pose(l, 3 * r + c)));
                    }
                    worst = Math.max(worst, Math.abs(expected[r][3] - ws.pose(l, 9 + r)));
                }
            }
        }
        assertTrue(worst < TOL, id + ": largest difference to the reference " + worst);
    }

    @Test
    void pandaFlangeMatchesModifiedDhTable() {
        // Franka's published modified-DH table: RotX(alpha) TransX(a) RotZ(theta) TransZ(d)
        double[] a = {0, 0, 0, 0.0825, -0.0825, 0, 0.088};
        double[] d = {0.333, 0, 0.316, 0, 0.384, 0, 0};
        double h = Math.PI / 2;
        double[] alpha = {0, -h, h, h, -h, h, h};
        KinematicTree tree = KinematicTree.of(TestRobots.load("panda"));
        Random rng = new Random(2);
        for (int trial = 0; trial < 1000; trial++) {
            double[] q = TestRobots.randomConfiguration(tree, rng);
            double[][] t = ReferenceKinematics.identity();
            for (int i = 0; i < 7; i++) {
                double theta = q[tree.variableIndex("panda_joint" + (i + 1))];
                t = ReferenceKinematics.mul(t, ReferenceKinematics.rotX(alpha[i]));
                t = ReferenceKinematics.mul(t, ReferenceKinematics.trans(a[i], 0, 0));
                t = ReferenceKinematics.mul(t, ReferenceKinematics.rotZ(theta));
                t = ReferenceKinematics.mul(t, ReferenceKinematics.trans(0, 0, d[i]));
            }
            t = ReferenceKinematics.mul(t, ReferenceKinematics.trans(0, 0, 0.107));
            assertPose(t, tree, q, "panda_link8");
        }
    }

    @Test
    void ur5eToolMatchesStandardDhTable() {
        // Universal Robots' published UR5e table: RotZ(theta) TransZ(d) TransX(a) RotX(alpha)
        double[] a = {0, -0.425, -0.3922, 0, 0, 0};
        double[] d = {0.1625, 0, 0, 0.1333, 0.0997, 0.0996};
        double h = Math.PI / 2;
        double[] alpha = {h, 0, 0, h, -h, 0};
        String[] joints = {"shoulder_pan_joint", "shoulder_lift_joint", "elbow_joint", "wrist_1_joint",
            "wrist_2_joint", "wrist_3_joint"};
        KinematicTree tree = KinematicTree.of(TestRobots.load("ur5e"));
        Random rng = new Random(3);
        for (int trial = 0; trial < 1000; trial++) {
            double[] q = TestRobots.randomConfiguration(tree, rng);
            double[][] t = ReferenceKinematics.identity();
            for (int i = 0; i < 6; i++) {
                t = ReferenceKinematics.mul(t, ReferenceKinematics.rotZ(q[tree.variableIndex(joints[i])]));
                t = ReferenceKinematics.mul(t, ReferenceKinematics.trans(a[i], 0, d[i]));
                t = ReferenceKinematics.mul(t, ReferenceKinematics.rotX(alpha[i]));
            }
            assertPose(t, tree, q, "tool0");
        }
    }

    @Test
    void pandaFingersFollowTheirMimicLeader() {
        KinematicTree tree = KinematicTree.of(TestRobots.load("panda"));
        double[] q = tree.neutralConfiguration();
        q[tree.variableIndex("panda_finger_joint1")] = 0.03;
        assertEquals(-1, tree.variableIndex("panda_finger_joint2"), "a mimic joint is not a variable");
        assertEquals(0.03, tree.jointValue("panda_finger_joint2", q), 0);
        double dy = tree.linkPose(q, "panda_leftfinger").inverse()
                .compose(tree.linkPose(q, "panda_rightfinger")).translation().norm();
        assertEquals(0.06, dy, 1e-12, "fingers 2 x 3 cm apart");
    }

    private static void assertPose(double[][] expected, KinematicTree tree, double[] q, String link) {
        var actual = tree.linkPose(q, link);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[r][c], actual.rotation(r, c), TOL, link + " R" + r + c);
            }
        }
        assertEquals(expected[0][3], actual.translation().x(), TOL, link + " x");
        assertEquals(expected[1][3], actual.translation().y(), TOL, link + " y");
        assertEquals(expected[2][3], actual.translation().z(), TOL, link + " z");
    }
}
