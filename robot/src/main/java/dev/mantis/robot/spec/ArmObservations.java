package dev.mantis.robot.spec;

import dev.mantis.robot.spatial.Rotations;
import java.util.List;

/**
 * The observation features of an arm (with its gripper or hand), the same for a simulated robot and
 * one driven over ROS: {@code observation.state} (joint positions, then the gripper width if any;
 * rad, m), {@code observation.velocity}, {@code observation.effort} and {@code observation.ee_pose}
 * (end-effector position and quaternion x, y, z, w in the robot base frame).
 */
public final class ArmObservations {

    private ArmObservations() {
    }

    /** The spec for joints (and gripper width) {@code names} with position bounds {@code lower..upper}. */
    public static ObservationSpec spec(List<String> names, double[] lower, double[] upper) {
        return new ObservationSpec(List.of(
                FeatureSpec.vector("observation.state", names, "rad or m", lower, upper),
                FeatureSpec.vector("observation.velocity", names, "rad/s or m/s"),
                FeatureSpec.vector("observation.effort", names, "N·m or N"),
                FeatureSpec.vector("observation.ee_pose", List.of("ee.x", "ee.y", "ee.z", "ee.qx", "ee.qy", "ee.qz",
                        "ee.qw"), "m; quaternion xyzw (base frame)")));
    }

    /** {@code observation.ee_pose} of the pose T_base_ee (12 numbers: rotation row-major, then metres). */
    public static double[] eePose(double[] T_base_ee) {
        double[] pose = new double[7];
        pose[0] = T_base_ee[9];
        pose[1] = T_base_ee[10];
        pose[2] = T_base_ee[11];
        double[] quaternion = new double[4];
        Rotations.toQuaternion(T_base_ee, 0, quaternion);
        System.arraycopy(quaternion, 0, pose, 3, 4);
        return pose;
    }
}
