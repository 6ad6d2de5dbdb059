package dev.mantis.sim.control;

import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.sim.articulation.Articulation;
import dev.mantis.sim.articulation.JointDrives;
import dev.mantis.sim.robot.RobotJoints;

/**
 * {@code pd_joint_vel}: the action holds arm joint velocities (rad/s or m/s, bounded by the URDF
 * velocity limits). The drive tracks a position target integrated from the commanded velocity
 * at the physics rate, with the velocity as feed-forward.
 */
public final class JointVelocityController extends ArmController {

    private final FeatureSpec feature;
    private final double[] velocity;
    private final double[] target;

    /** A velocity controller for the arm joints. */
    public JointVelocityController(Articulation articulation, JointDrives drives, RobotJoints joints) {
        super(articulation, drives, joints);
        int n = joints.armCount();
        velocity = new double[n];
        target = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int k = 0; k < n; k++) {
            double v = drives.maxVelocity(joints.armDof(k));
            lower[k] = -v;
            upper[k] = v;
        }
        feature = feature(joints.armNames(), "rad/s or m/s", lower, upper);
    }

    @Override
    public String name() {
        return "pd_joint_vel";
    }

    @Override
    public FeatureSpec actionFeature() {
        return feature;
    }

    @Override
    public void reset() {
        super.reset();
        java.util.Arrays.fill(velocity, 0);
        for (int k = 0; k < target.length; k++) {
            target[k] = articulation.position(joints.armDof(k));
        }
    }

    @Override
    public void command(double[] action) {
        for (int k = 0; k < velocity.length; k++) {
            velocity[k] = action[k];
            target[k] = articulation.position(joints.armDof(k));
        }
        commandGripper(action);
    }

    @Override
    public void beforePhysicsStep(double dt) {
        for (int k = 0; k < velocity.length; k++) {
            int dof = joints.armDof(k);
            target[k] = Math.max(drives.lower(dof), Math.min(drives.upper(dof), target[k] + velocity[k] * dt));
            drives.setTarget(dof, target[k], velocity[k]);
        }
    }
}
