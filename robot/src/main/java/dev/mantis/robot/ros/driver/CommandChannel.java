package dev.mantis.robot.ros.driver;

import java.util.List;

/**
 * One command topic of a robot profile: the joints whose position targets it carries, in the
 * message's order. A gripper's leading joint stands for the gripper (its target is the opening
 * width divided by the gripper's width scale, or the width itself for {@link CommandType#FRANKA_GRASP}).
 *
 * @param topic the topic, e.g. {@code /joint_group_pos_controller/command}
 * @param type the message type the driver takes
 * @param joints URDF joint names the message carries, in its order
 * @param onChange send only when a target changed (grippers whose actions block)
 * @param speed for grippers: closing speed, m/s
 * @param force for grippers: grasp force, N
 */
public record CommandChannel(String topic, CommandType type, List<String> joints, boolean onChange, double speed,
        double force) {

    public CommandChannel {
        joints = List.copyOf(joints);
    }
}
