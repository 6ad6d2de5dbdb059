package dev.mantis.robot.ros.driver;

import java.util.Arrays;
import java.util.List;

/** The message types a robot profile's command topics may take, as real ROS drivers accept them. */
public enum CommandType {
    /** {@code trajectory_msgs/JointTrajectory} with one point reached one control period later (ros_control trajectory controllers). */
    JOINT_TRAJECTORY("trajectory_msgs/JointTrajectory"),
    /** {@code std_msgs/Float64MultiArray} of positions in the channel's joint order (ros_control joint group position controllers). */
    FLOAT64_MULTI_ARRAY("std_msgs/Float64MultiArray"),
    /** {@code sensor_msgs/JointState} with names and positions (Allegro's and LEAP's command topics). */
    JOINT_STATE("sensor_msgs/JointState"),
    /** {@code franka_gripper/GraspActionGoal} sent to the grasp action's goal topic: width, speed, force. */
    FRANKA_GRASP("franka_gripper/GraspActionGoal");

    private final String rosType;

    CommandType(String rosType) {
        this.rosType = rosType;
    }

    /** The ROS message type name. */
    public String rosType() {
        return rosType;
    }

    /** The command type of a ROS message type name, if supported. */
    public static java.util.Optional<CommandType> ofRosType(String name) {
        return Arrays.stream(values()).filter(t -> t.rosType.equals(name)).findFirst();
    }

    /** The ROS type names supported, for error messages. */
    public static List<String> rosTypes() {
        return Arrays.stream(values()).map(CommandType::rosType).toList();
    }
}
