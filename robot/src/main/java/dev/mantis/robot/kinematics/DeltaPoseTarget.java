package dev.mantis.robot.kinematics;

import dev.mantis.robot.spatial.Rotations;

/**
 * The kinematics of the {@code pd_ee_delta_pose} controller, shared by the simulated robot and
 * robots driven over ROS: an end-effector target pose (base frame) that each action moves by a
 * translation (m) and a rotation vector (rad), accumulated from the previous target so that
 * repeated steps trace straight lines, and the joint configuration inverse kinematics finds for
 * it from the current one (always within the joint limits). One instance per robot; not
 * thread-safe; it allocates nothing per step.
 */
public final class DeltaPoseTarget {

    private final KinematicTree tree;
    private final int ee;
    private final InverseKinematics ik;
    private final IkWorkspace ikWorkspace;
    private final KinematicsWorkspace fk;
    private final double[] T_base_target = new double[12];
    private final double[] delta = new double[9];
    private final double[] rotated = new double[9];

    /** The target of link {@code eeLink} of {@code tree}. */
    public DeltaPoseTarget(KinematicTree tree, String eeLink) {
        this.tree = tree;
        this.ee = tree.linkIndex(eeLink);
        this.ik = new InverseKinematics(tree, eeLink, new IkSettings(1e-5, 1e-5, 1.0, 50, 0, 1e-3, 0.0, 0.2, 1));
        this.ikWorkspace = ik.newWorkspace();
        this.fk = tree.newWorkspace();
    }

    /** Sets the target to the end-effector pose of configuration {@code q} (the tree's variables). */
    public void reset(double[] q) {
        tree.forward(q, fk);
        fk.copyPose(ee, T_base_target, 0);
    }

    /**
     * Moves the target by {@code action[0..2]} (m) and the rotation vector {@code action[3..5]}
     * (rad, applied in the base frame), then writes into {@code qOut} the configuration inverse
     * kinematics reaches for it starting from {@code q}.
     */
    public void step(double[] action, double[] q, double[] qOut) {
        T_base_target[9] += action[0];
        T_base_target[10] += action[1];
        T_base_target[11] += action[2];
        double angle = Math.sqrt(action[3] * action[3] + action[4] * action[4] + action[5] * action[5]);
        if (angle > 0) {
            Rotations.axisAngle(action[3] / angle, action[4] / angle, action[5] / angle, angle, delta, 0);
            Rotations.multiply(delta, 0, T_base_target, 0, rotated, 0);
            System.arraycopy(rotated, 0, T_base_target, 0, 9);
        }
        ik.solve(T_base_target, q, q, ikWorkspace, qOut);
    }
}
