package dev.mantis.robot.ros.driver;

import java.util.List;

/**
 * One {@code sensor_msgs/JointState} topic a robot's driver publishes, and the joints it carries
 * (a simulator serving the profile publishes exactly those; a robot reading it takes every joint it
 * knows from any of its state topics).
 *
 * @param topic the topic, e.g. {@code /joint_states}
 * @param joints URDF joint names published on it
 */
public record StateTopic(String topic, List<String> joints) {

    public StateTopic {
        joints = List.copyOf(joints);
    }
}
