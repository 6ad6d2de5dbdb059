package dev.mantis.sim.control;

import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.sim.articulation.Articulation;
import dev.mantis.sim.articulation.JointDrives;
import dev.mantis.sim.robot.RobotJoints;

/**
 * {@code pd_joint_pos}: the action holds absolute arm joint targets (radians or metres, bounded
 * by the joint limits); {@code pd_joint_delta_pos}: the action holds changes of the arm joints
 * from their current positions (bounded by {@link #MAX_DELTA}).
 */
public final class JointPositionController extends ArmController {

    /** Largest joint change of one {@code pd_joint_delta_pos} action, radians or metres. */
    public static final double MAX_DELTA = 0.1;

    private final boolean delta;
    private final FeatureSpec feature;

    /** A position controller; {@code delta} selects {@code pd_joint_delta_pos}. */
    public JointPositionController(Articulation articulation, JointDrives drives, RobotJoints joints, boolean delta) {
        super(articulation, drives, joints);
        this.delta = delta;
        int n = joints.armCount();
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int k = 0; k < n; k++) {
            int dof = joints.armDof(k);
            lower[k] = delta ? -MAX_DELTA : drives.lower(dof);
            upper[k] = delta ? MAX_DELTA : drives.upper(dof);
        }
        feature = feature(joints.armNames(), delta ? "rad or m per step" : "rad or m", lower, upper);
    }

    @Override
    public String name() {
        return delta ? "pd_joint_delta_pos" : "pd_joint_pos";
    }

    @Override
    public FeatureSpec actionFeature() {
        return feature;
    }

    @Override
    public void command(double[] action) {
        for (int k = 0; k < joints.armCount(); k++) {
            int dof = joints.armDof(k);
            double target = delta ? articulation.position(dof) + action[k] : action[k];
            drives.setTarget(dof, target, 0);
        }
        commandGripper(action);
    }
}
