package dev.mantis.robot.ros.master;

/**
 * A topic and its message type as the master knows it.
 *
 * @param topic the topic name, e.g. {@code /joint_states}
 * @param type the message type, e.g. {@code sensor_msgs/JointState}
 */
public record TopicType(String topic, String type) {
}
