package dev.mantis.launch.policy;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mantis policy}: look at ONNX policies. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Inspect ONNX policies.",
        subcommands = {PolicyInspectCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Example:", "  mantis policy inspect assets/policies/reach_bc.onnx"})
public final class PolicyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand; see 'mantis policy --help'");
    }
}
