package dev.mantis.robot.kinematics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Damped-least-squares IK on the bundled arms. */
class InverseKinematicsTest {

    @ParameterizedTest
    @CsvSource({
        "panda, panda_hand_tcp, '0,-0.785,0,-2.356,0,1.571,0.785'",
        "ur5e, tool0, '0,-1.571,1.571,-1.571,-1.571,0'"})
    void reachesRandomReachableTargetsWithinLimits(String id, String tip, String start) {
        KinematicTree tree = KinematicTree.of(TestRobots.load(id));
        double[] qStart = parse(start, tree);
        InverseKinematics ik = new InverseKinematics(tree, tip, IkSettings.DEFAULT);
        IkWorkspace ws = ik.newWorkspace();
        KinematicsWorkspace fk = tree.newWorkspace();
        double[] target = new double[12];
        double[] q = new double[tree.dof()];
        double[] reached = new double[12];
        double[] rotErr = new double[3];
        Random rng = new Random(5);
        int ok = 0;
        int trials = 1000;
        for (int trial = 0; trial < trials; trial++) {
            tree.forward(TestRobots.randomConfiguration(tree, rng), fk);
            fk.copyPose(tree.linkIndex(tip), target, 0);
            IkResult result = ik.solve(target, qStart, qStart, ws, q);
            for (int v = 0; v < q.length; v++) {
                assertTrue(q[v] >= tree.lower(v) && q[v] <= tree.upper(v),
                        tree.variableName(v) + " = " + q[v] + " outside its limits");
            }
            // verify independently of the solver's own report
            tree.forward(q, fk);
            fk.copyPose(tree.linkIndex(tip), reached, 0);
            double dp = Math.sqrt(sq(reached[9] - target[9]) + sq(reached[10] - target[10])
                    + sq(reached[11] - target[11]));
            dev.mantis.robot.spatial.Rotations.rotationError(target, 0, reached, 0, rotErr);
            double dr = Math.sqrt(sq(rotErr[0]) + sq(rotErr[1]) + sq(rotErr[2]));
            boolean within = dp < 1e-3 && dr < 1e-3;
            if (within) {
                ok++;
            }
            if (result.converged()) {
                assertTrue(within, "converged but " + dp + " m, " + dr + " rad away");
            }
        }
        assertTrue(ok >= 0.99 * trials, id + ": reached " + ok + " of " + trials);
    }

    @Test
    void unreachableTargetIsAFailureNotAnException() {
        KinematicTree tree = KinematicTree.of(TestRobots.load("panda"));
        InverseKinematics ik = new InverseKinematics(tree, "panda_hand_tcp", IkSettings.DEFAULT);
        double[] target = {1, 0, 0, 0, 1, 0, 0, 0, 1, 2.0, 0.5, 0.4};
        double[] q = new double[tree.dof()];
        double[] start = tree.neutralConfiguration();
        IkResult result = ik.solve(target, start, start, ik.newWorkspace(), q);
        assertFalse(result.converged());
        assertTrue(result.positionError() > 0.9, "best effort is still ~1 m short: " + result.positionError());
        for (int v = 0; v < q.length; v++) {
            assertTrue(q[v] >= tree.lower(v) && q[v] <= tree.upper(v));
        }
    }

    @Test
    void positionOnlyIgnoresOrientation() {
        KinematicTree tree = KinematicTree.of(TestRobots.load("panda"));
        InverseKinematics ik = new InverseKinematics(tree, "panda_hand_tcp", IkSettings.DEFAULT.positionOnly());
        // an orientation no configuration reaches together with this point would not matter
        double[] target = {0, 1, 0, -1, 0, 0, 0, 0, 1, 0.5, 0.1, 0.3};
        double[] q = new double[tree.dof()];
        double[] start = tree.neutralConfiguration();
        IkResult result = ik.solve(target, start, start, ik.newWorkspace(), q);
        assertTrue(result.converged(), result.toString());
        var p = tree.linkPose(q, "panda_hand_tcp").translation();
        assertTrue(Math.abs(p.x() - 0.5) < 1e-4 && Math.abs(p.y() - 0.1) < 1e-4 && Math.abs(p.z() - 0.3) < 1e-4);
    }

    private static double sq(double x) {
        return x * x;
    }

    private static double[] parse(String csv, KinematicTree tree) {
        String[] parts = csv.split(",");
        double[] q = tree.neutralConfiguration();
        for (int i = 0; i < parts.length; i++) {
            q[i] = Double.parseDouble(parts[i]);
        }
        return q;
    }
}
