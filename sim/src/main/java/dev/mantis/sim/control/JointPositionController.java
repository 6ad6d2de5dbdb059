package dev.mantis.sim.control;

import dev.mantis.robot.spec.ArmActions;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.sim.articulation.Articulation;
import dev.mantis.sim.articulation.JointDrives;
import dev.mantis.sim.robot.RobotJoints;

/**
 * {@code pd_joint_pos}: the action holds absolute arm joint targets (radians or metres, bounded
 * by the joint limits); {@code pd_joint_delta_pos}: the action holds changes of the arm joints
 * from their current positions (bounded by {@link ArmActions#MAX_JOINT_DELTA}).
 */
public final class JointPositionController extends ArmController {

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
            lower[k] = drives.lower(joints.armDof(k));
            upper[k] = drives.upper(joints.armDof(k));
        }
        feature = ArmActions.joint(joints.armNames(), lower, upper, delta, gripperBounds());
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
