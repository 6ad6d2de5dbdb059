package dev.mantis.robot.kinematics;

/** Reusable scratch memory of {@link InverseKinematics}. Not thread-safe: one per thread. */
public final class IkWorkspace {

    final KinematicsWorkspace fk;
    final double[] jacobian;
    final double[] q;
    final double[] best;
    final double[] dq;
    final double[] z;
    final double[] a = new double[36];
    final double[] e = new double[6];
    final double[] y = new double[6];
    final double[] rotErr = new double[3];
    long rng;

    IkWorkspace(KinematicTree tree) {
        int n = tree.dof();
        fk = tree.newWorkspace();
        jacobian = new double[6 * n];
        q = new double[n];
        best = new double[n];
        dq = new double[n];
        z = new double[n];
    }
}
