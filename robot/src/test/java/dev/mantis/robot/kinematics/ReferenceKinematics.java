package dev.mantis.robot.kinematics;

import dev.mantis.robot.model.Joint;
import dev.mantis.robot.model.JointType;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.spatial.Transform;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent forward-kinematics reference in product-of-exponentials form, written with its
 * own 4x4 matrix arithmetic: T_root_link(q) = exp([S1] q1) ... exp([Sk] qk) M_link, with screw
 * axes S taken at the zero configuration. Handles revolute, continuous, prismatic, fixed and
 * mimic joints (what the bundled robots use).
 */
final class ReferenceKinematics {

    private final RobotModel model;
    private final KinematicTree tree;

    ReferenceKinematics(RobotModel model, KinematicTree tree) {
        this.model = model;
        this.tree = tree;
    }

    /** T_root_link as a 4x4 matrix. */
    double[][] pose(String link, double[] q) {
        List<Joint> path = new ArrayList<>();
        String cur = link;
        while (model.parentJoint(cur).isPresent()) {
            Joint j = model.parentJoint(cur).get();
            path.add(0, j);
            cur = j.parent();
        }
        double[][] zero = identity();
        double[][] result = identity();
        for (Joint j : path) {
            zero = mul(zero, matrix(j.origin()));
            if (j.type() == JointType.FIXED) {
                continue;
            }
            double[] axis = j.axis().toArray();
            double[] w = {
                zero[0][0] * axis[0] + zero[0][1] * axis[1] + zero[0][2] * axis[2],
                zero[1][0] * axis[0] + zero[1][1] * axis[1] + zero[1][2] * axis[2],
                zero[2][0] * axis[0] + zero[2][1] * axis[1] + zero[2][2] * axis[2]};
            double[] p = {zero[0][3], zero[1][3], zero[2][3]};
            double theta = value(j, q);
            result = mul(result, j.type() == JointType.PRISMATIC ? slide(w, theta) : screw(w, p, theta));
        }
        return mul(result, zero);
    }

    private double value(Joint j, double[] q) {
        if (j.isMimic()) {
            Joint leader = model.joint(j.mimic().get().joint()).orElseThrow();
            return j.mimic().get().multiplier() * value(leader, q) + j.mimic().get().offset();
        }
        return q[tree.variableIndex(j.name())];
    }

    static double[][] identity() {
        return new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    }

    static double[][] matrix(Transform t) {
        double[][] m = identity();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[r][c] = t.rotation(r, c);
            }
        }
        m[0][3] = t.translation().x();
        m[1][3] = t.translation().y();
        m[2][3] = t.translation().z();
        return m;
    }

    static double[][] mul(double[][] a, double[][] b) {
        double[][] c = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += a[i][k] * b[k][j];
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    /** Rotation by theta about the line through p with unit direction w: [R, (I - R) p]. */
    static double[][] screw(double[] w, double[] p, double theta) {
        double[][] r = rodrigues(w, theta);
        double[][] m = identity();
        for (int i = 0; i < 3; i++) {
            System.arraycopy(r[i], 0, m[i], 0, 3);
            m[i][3] = p[i] - (r[i][0] * p[0] + r[i][1] * p[1] + r[i][2] * p[2]);
        }
        return m;
    }

    static double[][] slide(double[] v, double d) {
        double[][] m = identity();
        m[0][3] = v[0] * d;
        m[1][3] = v[1] * d;
        m[2][3] = v[2] * d;
        return m;
    }

    /** I + sin(theta) [w] + (1 - cos(theta)) [w]^2 for a unit vector w. */
    static double[][] rodrigues(double[] w, double theta) {
        double[][] k = {{0, -w[2], w[1]}, {w[2], 0, -w[0]}, {-w[1], w[0], 0}};
        double s = Math.sin(theta);
        double c = 1 - Math.cos(theta);
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double kk = 0;
                for (int m = 0; m < 3; m++) {
                    kk += k[i][m] * k[m][j];
                }
                r[i][j] = (i == j ? 1 : 0) + s * k[i][j] + c * kk;
            }
        }
        return r;
    }

    /** Rotation about x then translation along x, z etc. for DH tables. */
    static double[][] rotX(double a) {
        return new double[][] {{1, 0, 0, 0}, {0, Math.cos(a), -Math.sin(a), 0}, {0, Math.sin(a), Math.cos(a), 0},
            {0, 0, 0, 1}};
    }

    static double[][] rotZ(double a) {
        return new double[][] {{Math.cos(a), -Math.sin(a), 0, 0}, {Math.sin(a), Math.cos(a), 0, 0}, {0, 0, 1, 0},
            {0, 0, 0, 1}};
    }

    static double[][] trans(double x, double y, double z) {
        double[][] m = identity();
        m[0][3] = x;
        m[1][3] = y;
        m[2][3] = z;
        return m;
    }
}
