package dev.mantis.launch.deploy;

import dev.mantis.launch.InputException;
import dev.mantis.launch.policy.PolicySource;
import dev.mantis.launch.ros.MasterOption;
import dev.mantis.launch.task.EvalCommand;
import dev.mantis.launch.task.ProgressBar;
import dev.mantis.launch.task.RunOptions;
import dev.mantis.launch.task.TaskSource;
import dev.mantis.robot.dataset.DatasetWriter;
import dev.mantis.sim.record.FrameRecorder;
import dev.mantis.sim.record.TaskRecording;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.EpisodeSafety;
import dev.mantis.sim.task.EpisodeSeeds;
import dev.mantis.sim.task.TaskSpec;
import dev.mantis.sim.task.TaskSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mantis deploy}: a policy driving a robot over ROS, episode by episode, recorded if asked. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Drive a robot over ROS 1 with a policy, through its profile's topics and the safety layer, "
                + "exactly as a real robot: the cell (mantis sim serve-ros --task, or a real cell) resets each episode "
                + "and publishes the task status; deploy waits for each joint state, acts, and ends the episode on "
                + "success, the horizon or a safety stop. If the robot's state publishers disappear or fall silent, "
                + "nothing more is commanded and deploy stops (exit code 1), keeping what it recorded.",
        footer = {"", "Examples:",
            "  mantis sim serve-ros --robot panda --profile franka --task pick_place &",
            "  mantis deploy --robot ros:franka --task pick_place --policy oracle --episodes 20 --out runs/pp",
            "  mantis deploy --robot ros:franka --task reach --policy reach_bc.onnx --safety panda-safety.yaml"})
public final class DeployCommand implements Callable<Integer> {

    @Option(names = "--robot", required = true, paramLabel = "ros:PROFILE",
            description = "The robot: ros:NAME for a bundled profile (franka, ur5e, xarm7, allegro, leap, "
                    + "ur5e_allegro) or ros:FILE.yaml.")
    String robot;

    @CommandLine.Mixin
    RunOptions run;

    @Option(names = "--out", paramLabel = "DIR", description = "Record the episodes as a LeRobot v3 dataset (new directory).")
    Path out;

    @Option(names = "--urdf", paramLabel = "FILE", description = "The robot's URDF, for profiles of robots Mantis does not bundle.")
    String urdf;

    @CommandLine.Mixin
    MasterOption master;

    @Option(names = "--state-timeout", paramLabel = "S", description = "Seconds to wait for each joint state before "
            + "the robot counts as late and deploy stops (default: the profile's state_timeout).")
    Double stateTimeout;

    @Option(names = "--reset", paramLabel = "cell|scripted|FILE.onnx", defaultValue = "cell", description = "Before "
            + "each episode: cell (the cell resets the scene; the simulator's own reset), scripted (the profile's reset "
            + "routine moves the robot) or FILE.onnx (a reset policy brings the object back); with the last two the "
            + "objects stay where they are. Default: ${DEFAULT-VALUE}.")
    String reset;

    @Option(names = "--connect-timeout", paramLabel = "S", defaultValue = "10",
            description = "Seconds to wait for the robot's topics at start (default: ${DEFAULT-VALUE}).")
    double connectTimeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (run.spark() != null) {
            throw new InputException("--spark " + run.spark() + ": deploy drives one robot; drop --spark");
        }
        List<String> ids = run.taskIds();
        if (ids.size() != 1) {
            throw new InputException("deploy drives one robot through one task; give --task, not --suite");
        }
        if (!robot.startsWith("ros:")) {
            throw new InputException("--robot " + robot + ": deploy drives robots over ROS; give ros:PROFILE, e.g. "
                    + "ros:franka (simulated episodes run with mantis eval/collect)");
        }
        TaskSpec taskSpec = TaskSource.task(ids.get(0));
        RosSession.Target target = RosSession.target(robot, urdf, taskSpec);
        int episodes = run.episodes(1_000_000);
        double timeout = stateTimeout != null ? stateTimeout : target.profile().stateTimeout();
        if (!(timeout > 0) || !(connectTimeout > 0)) {
            throw new InputException("--state-timeout and --connect-timeout must be > 0 seconds");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        EpisodeSafety safetySettings = run.safety(List.of(taskSpec), err);
        List<EpisodeResult> results = new ArrayList<>();
        String stop = null;
        long start;
        DatasetWriter writer = null;
        try (PolicySource policies = PolicySource.of(run.policy(), run.device(), err);
                RosSession session = RosSession.open(target, taskSpec, master.uri(), policies, run.policy(), safetySettings,
                        connectTimeout)) {
            FrameRecorder recorder = null;
            if (out != null) {
                writer = DatasetWriter.create(out, TaskRecording.spec(List.of(taskSpec), session.robot,
                        session.safety.isPresent()));
                recorder = new FrameRecorder(session.task, writer.newBuffer(), session.robot.observationSpec());
            }
            Deployment deployment = session.deployment(recorder, timeout, status -> null,
                    session.reset(reset, run.device(), timeout, err));
            ProgressBar bar = new ProgressBar(err, true, "episodes");
            start = System.nanoTime();
            for (int e = 0; e < episodes && stop == null; e++) {
                DeployedEpisode d = deployment.run(e, EpisodeSeeds.of(run.seed(), taskSpec.id(), e), new double[0],
                        new PredicateDetector());
                results.add(d.result());
                stop = d.stop();
                if (stop != null) { // said at once; the recording is finished after
                    err.println();
                    err.println("mantis: deploy stopped: " + stop);
                    err.flush();
                }
                if (writer != null && d.result().steps() > 0) {
                    writer.writeEpisode(recorder.buffer(), d.instruction(),
                            d.extras(policies.id(), e, session.safety.isPresent()));
                    writer.commit();
                }
                bar.update(results.size(), (int) results.stream().filter(EpisodeResult::success).count(), episodes);
            }
            bar.finish();
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        EvalCommand.printTable(stdout, List.of(TaskSummary.of(taskSpec.id(), results)), results.size() / seconds, 1);
        if (!run.safetyName().equals("off")) {
            EvalCommand.printSafety(stdout, List.of(TaskSummary.of(taskSpec.id(), results)), run.safetyName());
        }
        if (writer != null) {
            stdout.printf(Locale.ROOT, "recorded %d episodes (%d frames) in %s%n", writer.episodeCount(),
                    writer.frameCount(), out);
        }
        stdout.flush();
        return stop == null ? 0 : 1;
    }
}
