package dev.mantis.sim.articulation;

/**
 * Eigen-decomposition of a symmetric 3x3 matrix (an inertia tensor) by cyclic Jacobi rotations:
 * {@code I = R diag(moments) R^T} with R a proper rotation (row-major) whose columns are the
 * principal axes.
 */
final class PrincipalAxes {

    final double[] rotation = new double[9];
    final double[] moments = new double[3];

    /** Decomposes the symmetric matrix given by its six distinct entries. */
    PrincipalAxes(double ixx, double ixy, double ixz, double iyy, double iyz, double izz) {
        double[] a = {ixx, ixy, ixz, ixy, iyy, iyz, ixz, iyz, izz};
        double[] v = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = a[1] * a[1] + a[2] * a[2] + a[5] * a[5];
            if (off < 1e-30 * (a[0] * a[0] + a[4] * a[4] + a[8] * a[8]) || off == 0) {
                break;
            }
            rotate(a, v, 0, 1);
            rotate(a, v, 0, 2);
            rotate(a, v, 1, 2);
        }
        moments[0] = a[0];
        moments[1] = a[4];
        moments[2] = a[8];
        System.arraycopy(v, 0, rotation, 0, 9);
        // make the axes a right-handed frame
        double det = v[0] * (v[4] * v[8] - v[5] * v[7]) - v[1] * (v[3] * v[8] - v[5] * v[6])
                + v[2] * (v[3] * v[7] - v[4] * v[6]);
        if (det < 0) {
            rotation[2] = -rotation[2];
            rotation[5] = -rotation[5];
            rotation[8] = -rotation[8];
        }
    }

    /** One Jacobi rotation zeroing a[p][q]; accumulates the rotation into v (columns = eigenvectors). */
    private static void rotate(double[] a, double[] v, int p, int q) {
        double apq = a[3 * p + q];
        if (apq == 0) {
            return;
        }
        double app = a[3 * p + p];
        double aqq = a[3 * q + q];
        double theta = (aqq - app) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < 3; k++) {
            double akp = a[3 * k + p];
            double akq = a[3 * k + q];
            a[3 * k + p] = c * akp - s * akq;
            a[3 * k + q] = s * akp + c * akq;
        }
        for (int k = 0; k < 3; k++) {
            double apk = a[3 * p + k];
            double aqk = a[3 * q + k];
            a[3 * p + k] = c * apk - s * aqk;
            a[3 * q + k] = s * apk + c * aqk;
        }
        for (int k = 0; k < 3; k++) {
            double vkp = v[3 * k + p];
            double vkq = v[3 * k + q];
            v[3 * k + p] = c * vkp - s * vkq;
            v[3 * k + q] = s * vkp + c * vkq;
        }
    }
}
