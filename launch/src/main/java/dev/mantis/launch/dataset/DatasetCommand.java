package dev.mantis.launch.dataset;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mantis dataset}: look at recorded datasets. */
@Command(name = "dataset", mixinStandardHelpOptions = true, description = "Inspect, export and relabel LeRobot v3.0 datasets.",
        subcommands = {DatasetInfoCommand.class, DatasetExportCommand.class, DatasetRelabelCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Example:", "  mantis dataset info data/core"})
public final class DatasetCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand; see 'mantis dataset --help'");
    }
}
