package dev.mantis.launch;

import dev.mantis.launch.dataset.CollectCommand;
import dev.mantis.launch.dataset.DatasetCommand;
import dev.mantis.launch.deploy.DeployCommand;
import dev.mantis.launch.dataset.ReplayCommand;
import dev.mantis.launch.policy.PolicyCommand;
import dev.mantis.launch.policy.TrainCommand;
import dev.mantis.launch.robot.RobotCommand;
import dev.mantis.launch.ros.RosCommand;
import dev.mantis.launch.sim.SimCommand;
import dev.mantis.launch.task.EvalCommand;
import dev.mantis.launch.task.TasksCommand;
import dev.mantis.launch.view.RenderCommand;
import dev.mantis.launch.view.ViewCommand;
import dev.mantis.robot.urdf.UrdfException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code mantis} command: global options and the verbs. */
@Command(name = "mantis", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Mantis: robot manipulation in Java: robots, simulation, policies, datasets.",
        footer = {"", "Examples:", "  mantis robot inspect panda --q panda_joint4=-1.5",
            "  mantis eval --suite core --policy oracle --episodes 20",
            "  mantis collect --suite core --policy oracle --episodes 20 --out data/core"},
        subcommands = {RobotCommand.class, SimCommand.class, TasksCommand.class, EvalCommand.class,
            CollectCommand.class, ReplayCommand.class, ViewCommand.class, RenderCommand.class, DatasetCommand.class,
            PolicyCommand.class, TrainCommand.class, RosCommand.class, DeployCommand.class, CommandLine.HelpCommand.class})
public final class MantisCommand implements Runnable {

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing verb; see 'mantis --help'");
    }

    /**
     * Runs {@code mantis} with these arguments, printing to {@code out} and {@code err}.
     *
     * @return the exit code: 0 success, 1 internal failure, 2 bad input
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new MantisCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("mantis: " + ex.getMessage());
            if (debug) {
                ex.printStackTrace(err);
            }
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            boolean input = ex instanceof InputException || ex instanceof UrdfException
                    || ex instanceof dev.mantis.sim.task.TaskSpecException
                    || ex instanceof dev.mantis.robot.dataset.DatasetException
                    || ex instanceof dev.mantis.robot.dataset.parquet.ParquetException
                    || ex instanceof dev.mantis.robot.ros.RosException
                    || ex instanceof dev.mantis.robot.dataset.video.VideoException
                    || ex instanceof dev.mantis.sim.render.RenderException;
            err.println("mantis: " + (input ? ex.getMessage() : "internal error: " + ex));
            if (debug) {
                ex.printStackTrace(err);
            } else if (!input) {
                err.println("mantis: run again with --debug for the stack trace");
            }
            return input ? 2 : 1;
        });
        return cli.execute(args);
    }
}
