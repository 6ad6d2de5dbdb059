package dev.mantis.robot.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The action features of the arm controllers (ManiSkill's names), the same for a simulated robot
 * and one driven over ROS: the arm part, then for a robot with a gripper its target opening width
 * ({@value #GRIPPER_WIDTH}, metres).
 */
public final class ArmActions {

    /** Name of the gripper element of every action. */
    public static final String GRIPPER_WIDTH = "gripper.width";
    /** Largest joint change of one {@code pd_joint_delta_pos} action, radians or metres. */
    public static final double MAX_JOINT_DELTA = 0.1;
    /** Largest translation of one {@code pd_ee_delta_pose} action, metres. */
    public static final double MAX_TRANSLATION = 0.1;
    /** Largest rotation of one {@code pd_ee_delta_pose} action, radians. */
    public static final double MAX_ROTATION = 0.1;

    private ArmActions() {
    }

    /**
     * The action feature: {@code armNames} with bounds, then, when {@code gripperBounds} is not
     * null ({lower, upper} width in metres), the gripper width.
     */
    public static FeatureSpec feature(List<String> armNames, String unit, double[] armLower, double[] armUpper,
            double[] gripperBounds) {
        List<String> names = new ArrayList<>(armNames);
        int n = armNames.size() + (gripperBounds != null ? 1 : 0);
        double[] lower = Arrays.copyOf(armLower, n);
        double[] upper = Arrays.copyOf(armUpper, n);
        if (gripperBounds != null) {
            names.add(GRIPPER_WIDTH);
            lower[n - 1] = gripperBounds[0];
            upper[n - 1] = gripperBounds[1];
            unit = unit + "; gripper.width: m";
        }
        return FeatureSpec.vector("action", names, unit, lower, upper);
    }

    /** {@code pd_joint_pos} (absolute targets within {@code lower..upper}) or {@code pd_joint_delta_pos}. */
    public static FeatureSpec joint(List<String> armNames, double[] lower, double[] upper, boolean delta,
            double[] gripperBounds) {
        int n = armNames.size();
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int k = 0; k < n; k++) {
            lo[k] = delta ? -MAX_JOINT_DELTA : lower[k];
            hi[k] = delta ? MAX_JOINT_DELTA : upper[k];
        }
        return feature(armNames, delta ? "rad or m per step" : "rad or m", lo, hi, gripperBounds);
    }

    /** {@code pd_ee_delta_pose}: translation and rotation vector of the end-effector target, base frame. */
    public static FeatureSpec eeDelta(double[] gripperBounds) {
        double t = MAX_TRANSLATION;
        double r = MAX_ROTATION;
        return feature(List.of("ee.dx", "ee.dy", "ee.dz", "ee.drx", "ee.dry", "ee.drz"), "m, rad (base frame)",
                new double[] {-t, -t, -t, -r, -r, -r}, new double[] {t, t, t, r, r, r}, gripperBounds);
    }
}
