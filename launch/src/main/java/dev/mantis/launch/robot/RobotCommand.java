package dev.mantis.launch.robot;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mantis robot}: verbs about robot descriptions. */
@Command(name = "robot", mixinStandardHelpOptions = true, description = "Inspect robot descriptions.",
        footer = {"", "Example:", "  mantis robot inspect ur5e --json"},
        subcommands = {RobotInspectCommand.class})
public final class RobotCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing verb; see 'mantis robot --help'");
    }
}
