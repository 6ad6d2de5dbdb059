package dev.mantis.robot.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a robot's movable joints are grouped for control and observation, the same for a simulated
 * robot and one driven over ROS: the arm joints (every movable non-mimic joint except the
 * gripper's, in URDF order) and the gripper's leading joint, whose opening width is
 * {@code widthScale * position} (the leader plus its mimic followers, e.g. 2 for two symmetric
 * fingers).
 *
 * @param arm arm joint names, in URDF order
 * @param gripper the gripper's leading joint, if the robot has one
 * @param widthScale opening width (m) per unit of the leader's position; 0 without a gripper
 */
public record ArmJoints(List<String> arm, Optional<String> gripper, double widthScale) {

    public ArmJoints {
        arm = List.copyOf(arm);
    }

    /**
     * The groups of {@code model} with {@code gripperJoint} as the gripper's leader.
     *
     * @throws IllegalArgumentException if the model has no such joint
     */
    public static ArmJoints of(RobotModel model, Optional<String> gripperJoint) {
        String leader = gripperJoint.orElse(null);
        List<String> arm = new ArrayList<>();
        double scale = 0;
        boolean found = false;
        for (Joint j : model.joints()) {
            if (j.type() == JointType.FIXED || j.type() == JointType.FLOATING || j.type() == JointType.PLANAR) {
                continue;
            }
            if (j.name().equals(leader)) {
                found = true;
                scale += 1;
            } else if (j.isMimic() && j.mimic().get().joint().equals(leader)) {
                scale += j.mimic().get().multiplier();
            } else if (!j.isMimic()) {
                arm.add(j.name());
            }
        }
        if (leader != null && !found) {
            throw new IllegalArgumentException("robot '" + model.name() + "' has no gripper joint '" + leader + "'");
        }
        return new ArmJoints(arm, gripperJoint, scale);
    }

    /** Whether the robot has a gripper. */
    public boolean hasGripper() {
        return gripper.isPresent();
    }
}
