package dev.mantis.launch.sim;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mantis sim}: verbs about the simulator itself. */
@Command(name = "sim", mixinStandardHelpOptions = true, description = "Simulator tools.",
        footer = {"", "Examples:", "  mantis sim bench --objects 50 --json", "  mantis sim serve-ros --robot panda --profile franka --task reach"},
        subcommands = {SimBenchCommand.class, ServeRosCommand.class})
public final class SimCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing verb; see 'mantis sim --help'");
    }
}
