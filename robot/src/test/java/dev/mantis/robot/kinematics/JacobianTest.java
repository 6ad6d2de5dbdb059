package dev.mantis.robot.kinematics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.spatial.Rotations;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The geometric Jacobian against central finite differences of forward kinematics. */
class JacobianTest {

    @ParameterizedTest
    @CsvSource({"panda, panda_hand_tcp", "panda, panda_link4", "ur5e, tool0", "allegro_right, link_15.0_tip",
        "allegro_right, link_3.0_tip"})
    void matchesCentralDifferencesAtRandomConfigurations(String id, String link) {
        KinematicTree tree = KinematicTree.of(TestRobots.load(id));
        int n = tree.dof();
        int l = tree.linkIndex(link);
        KinematicsWorkspace ws = tree.newWorkspace();
        KinematicsWorkspace plus = tree.newWorkspace();
        KinematicsWorkspace minus = tree.newWorkspace();
        double[] J = new double[6 * n];
        double[] rp = new double[12];
        double[] rm = new double[12];
        double[] w = new double[3];
        double h = 1e-6;
        double worst = 0;
        Random rng = new Random(4);
        for (int trial = 0; trial < 1000; trial++) {
            double[] q = TestRobots.randomConfiguration(tree, rng);
            tree.forward(q, ws);
            tree.jacobian(ws, l, J);
            for (int v = 0; v < n; v++) {
                double[] qp = q.clone();
                double[] qm = q.clone();
                qp[v] += h;
                qm[v] -= h;
                tree.forward(qp, plus);
                tree.forward(qm, minus);
                plus.copyPose(l, rp, 0);
                minus.copyPose(l, rm, 0);
                Rotations.rotationError(rp, 0, rm, 0, w);
                for (int i = 0; i < 3; i++) {
                    double lin = (rp[9 + i] - rm[9 + i]) / (2 * h);
                    worst = Math.max(worst, Math.abs(lin - J[i * n + v]));
                    worst = Math.max(worst, Math.abs(w[i] / (2 * h) - J[(3 + i) * n + v]));
                }
            }
        }
        assertTrue(worst < 1e-6, id + " " + link + ": largest difference to finite differences " + worst);
    }
}
