package dev.mantis.robot.ros.driver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a real robot's ROS driver is spoken to: where its joint states come from, where each group
 * of joint targets goes and in which message type, how stale a state may be, and the e-stop
 * topic. Profiles are YAML files ({@code mantis/profiles/NAME.yaml}); {@link RosRobot} drives any
 * of them, and {@code mantis sim serve-ros} plays the driver's side for a simulated robot.
 *
 * @param name profile name, e.g. {@code franka}
 * @param robot the Mantis robot id whose model (URDF) the profile drives, e.g. {@code panda}, or
 *     {@value #URDF} for a robot whose URDF the user gives
 * @param eeLink the end-effector link, for {@value #URDF} robots (bundled robots know theirs)
 * @param gripperJoint a parallel gripper's leading joint, for {@value #URDF} robots
 * @param states the joint state topics
 * @param commands the command topics
 * @param stateTimeout seconds without a new joint state after which the robot counts as lost
 * @param estopTopic {@code std_msgs/Bool} topic: true engages the e-stop
 * @param reset the scripted reset routine run between episodes ({@code --reset scripted}): moves
 *     of command joints, in order; empty when the profile has none
 * @param description one line for listings
 */
public record RosProfile(String name, String robot, java.util.Optional<String> eeLink,
        java.util.Optional<String> gripperJoint, List<StateTopic> states, List<CommandChannel> commands,
        double stateTimeout, String estopTopic, List<ResetMove> reset, String description) {

    /** The {@code robot} of a profile whose robot model is a URDF file given at run time. */
    public static final String URDF = "urdf";

    public RosProfile {
        states = List.copyOf(states);
        commands = List.copyOf(commands);
        reset = List.copyOf(reset);
    }

    /** Every joint the state topics carry, in profile order, without repeats. */
    public List<String> stateJoints() {
        Set<String> out = new LinkedHashSet<>();
        states.forEach(s -> out.addAll(s.joints()));
        return new ArrayList<>(out);
    }

    /** Every joint the command topics carry, in profile order, without repeats. */
    public List<String> commandJoints() {
        Set<String> out = new LinkedHashSet<>();
        commands.forEach(c -> out.addAll(c.joints()));
        return new ArrayList<>(out);
    }
}
