package dev.mantis.robot.ros.driver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a profile's scripted reset routine, taking {@code seconds}: either named joints
 * driven in a straight line in joint space to their targets (the other joints hold), or, with
 * {@code lift} > 0 and no joints, the end effector raised straight up by {@code lift} metres in
 * the robot's base frame (clear of the objects before the arm swings home).
 *
 * @param joints target per joint name (radians or metres, as the driver's joint states give them)
 * @param lift how far to raise the end effector, metres (0 for a joint move)
 * @param seconds how long the move takes
 */
public record ResetMove(Map<String, Double> joints, double lift, double seconds) {

    public ResetMove {
        joints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(joints));
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("a reset move takes > 0 seconds, not " + seconds);
        }
        if (joints.isEmpty() == !(lift > 0)) {
            throw new IllegalArgumentException("a reset move either names joints or lifts by > 0 m, not both");
        }
    }
}
