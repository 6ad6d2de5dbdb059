package dev.mantis.launch.ros;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mantis ros}: rostopic, rosparam and rosservice for people used to them, in Java. */
@Command(name = "ros", mixinStandardHelpOptions = true,
        description = "Talk to a ROS 1 graph: topics, parameters, services (ROS_MASTER_URI or --master).",
        footer = {"", "Examples:", "  mantis ros topic list",
            "  mantis ros topic echo /joint_states --count 1 --json",
            "  mantis ros param get /robot_description"},
        subcommands = {RosTopicCommand.class, RosParamCommand.class, RosServiceCommand.class})
public final class RosCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing verb; see 'mantis ros --help'");
    }
}
