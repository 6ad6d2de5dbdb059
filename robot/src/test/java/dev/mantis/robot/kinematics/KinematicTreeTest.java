package dev.mantis.robot.kinematics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mantis.robot.model.Joint;
import dev.mantis.robot.model.JointDynamics;
import dev.mantis.robot.model.JointLimits;
import dev.mantis.robot.model.JointType;
import dev.mantis.robot.model.Link;
import dev.mantis.robot.model.Mimic;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Variable layout and motion of every joint type, on small hand-built models. */
class KinematicTreeTest {

    private static final double EPS = 1e-12;

    @Test
    void floatingJointTranslatesThenRotatesAboutMovingAxes() {
        KinematicTree tree = KinematicTree.of(model(joint("free", JointType.FLOATING, "base", "body", Vec3.ZERO,
                new Vec3(1, 0, 0), Optional.empty())));
        assertEquals(6, tree.dof());
        assertEquals(List.of("free/x", "free/y", "free/z", "free/rx", "free/ry", "free/rz"), names(tree));
        double h = Math.PI / 2;
        Transform t = tree.linkPose(new double[] {1, 2, 3, h, 0, h}, "body");
        assertEquals(new Vec3(1, 2, 3), t.translation());
        // Rx(pi/2) * Rz(pi/2): the body x axis maps to world z, body y to world -x... check columns
        double[] expected = {0, -1, 0, 0, 0, -1, 1, 0, 0};
        assertArrayEquals(expected, round(t.rotationRowMajor()), EPS);
    }

    @Test
    void planarJointMovesInThePlaneNormalToItsAxis() {
        KinematicTree tree = KinematicTree.of(model(joint("slide", JointType.PLANAR, "base", "puck", Vec3.ZERO,
                new Vec3(0, 0, 1), Optional.empty())));
        assertEquals(List.of("slide/x", "slide/y", "slide/theta"), names(tree));
        Transform t = tree.linkPose(new double[] {0.3, -0.2, Math.PI}, "puck");
        assertEquals(0, t.translation().z(), EPS);
        assertEquals(Math.hypot(0.3, 0.2), Math.hypot(t.translation().x(), t.translation().y()), EPS);
        assertEquals(-1, t.rotation(0, 0), EPS);
        assertEquals(1, t.rotation(2, 2), EPS);
    }

    @Test
    void mimicChainComposesMultipliersAndOffsets() {
        Joint leader = joint("a", JointType.REVOLUTE, "base", "l1", new Vec3(0, 0, 0.1), new Vec3(0, 0, 1),
                Optional.empty());
        Joint middle = joint("b", JointType.REVOLUTE, "l1", "l2", new Vec3(0.1, 0, 0), new Vec3(0, 0, 1),
                Optional.of(new Mimic("a", 2, 0.1)));
        Joint last = joint("c", JointType.PRISMATIC, "l2", "l3", new Vec3(0.1, 0, 0), new Vec3(1, 0, 0),
                Optional.of(new Mimic("b", -0.5, 0.02)));
        KinematicTree tree = KinematicTree.of(model(leader, middle, last));
        assertEquals(List.of("a"), names(tree));
        double[] q = {0.3};
        assertEquals(0.7, tree.jointValue("b", q), EPS);
        assertEquals(-0.5 * 0.7 + 0.02, tree.jointValue("c", q), EPS);
        // Jacobian column of "a" sums the chain: d(l3)/da includes b's rotation (x2) and c's slide (x-1)
        KinematicsWorkspace ws = tree.newWorkspace();
        double[] J = new double[6];
        double h = 1e-6;
        tree.forward(q, ws);
        tree.jacobian(ws, tree.linkIndex("l3"), J);
        Vec3 p1 = tree.linkPose(new double[] {0.3 + h}, "l3").translation();
        Vec3 p0 = tree.linkPose(new double[] {0.3 - h}, "l3").translation();
        assertEquals((p1.x() - p0.x()) / (2 * h), J[0], 1e-8);
        assertEquals((p1.y() - p0.y()) / (2 * h), J[1], 1e-8);
        assertEquals(3.0, J[5], EPS, "angular rate: 1 from a, 2 from b");
    }

    @Test
    void wrongConfigurationLengthIsRejected() {
        KinematicTree tree = KinematicTree.of(model(joint("a", JointType.CONTINUOUS, "base", "l1", Vec3.ZERO,
                new Vec3(0, 0, 1), Optional.empty())));
        var e = assertThrows(IllegalArgumentException.class, () -> tree.forward(new double[2], tree.newWorkspace()));
        assertEquals("q has 2 values, robot 'test' has 1 degrees of freedom", e.getMessage());
    }

    private static List<String> names(KinematicTree tree) {
        List<String> out = new ArrayList<>();
        for (int v = 0; v < tree.dof(); v++) {
            out.add(tree.variableName(v));
        }
        return out;
    }

    private static double[] round(double[] a) {
        double[] r = a.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.abs(r[i]) < 1e-14 ? 0 : r[i];
        }
        return r;
    }

    private static Joint joint(String name, JointType type, String parent, String child, Vec3 xyz, Vec3 axis,
            Optional<Mimic> mimic) {
        JointLimits limits = type == JointType.REVOLUTE || type == JointType.PRISMATIC
                ? new JointLimits(-3, 3, 10, 1) : JointLimits.UNBOUNDED;
        return new Joint(name, type, parent, child, Transform.translation(xyz), axis, limits, JointDynamics.NONE,
                mimic, Optional.empty());
    }

    private static RobotModel model(Joint... joints) {
        List<Link> links = new ArrayList<>();
        links.add(new Link("base", Optional.empty(), List.of(), List.of()));
        for (Joint j : joints) {
            links.add(new Link(j.child(), Optional.empty(), List.of(), List.of()));
        }
        return new RobotModel("test", "test", links, List.of(joints), Map.of(), List.of());
    }
}
