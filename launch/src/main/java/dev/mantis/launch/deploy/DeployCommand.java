package dev.mantis.launch.deploy;

import dev.mantis.launch.InputException;
import dev.mantis.launch.policy.PolicySource;
import dev.mantis.launch.ros.ProfileSource;
import dev.mantis.launch.task.EvalCommand;
import dev.mantis.launch.task.ProgressBar;
import dev.mantis.launch.task.RunOptions;
import dev.mantis.launch.task.TaskSource;
import dev.mantis.policies.Policy;
import dev.mantis.robot.dataset.DatasetWriter;
import dev.mantis.robot.dataset.EpisodeBuffer;
import dev.mantis.robot.ros.RosException;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.RosNodeConfig;
import dev.mantis.robot.ros.driver.RosProfile;
import dev.mantis.robot.ros.driver.RosRobot;
import dev.mantis.robot.safety.SafeRobot;
import dev.mantis.sim.record.EpisodeRecorder;
import dev.mantis.sim.record.FrameRecorder;
import dev.mantis.sim.record.TaskRecording;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.EpisodeSafety;
import dev.mantis.sim.task.EpisodeSeeds;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskRobot;
import dev.mantis.sim.task.TaskSpec;
import dev.mantis.sim.task.TaskSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;
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

    @Option(names = "--master", paramLabel = "URI",
            description = "The ROS master, e.g. http://localhost:11311/ (default: ROS_MASTER_URI).")
    String master;

    @Option(names = "--state-timeout", paramLabel = "S", description = "Seconds to wait for each joint state before "
            + "the robot counts as late and deploy stops (default: the profile's state_timeout).")
    Double stateTimeout;

    @Option(names = "--connect-timeout", paramLabel = "S", defaultValue = "10",
            description = "Seconds to wait for the robot's topics at start (default: ${DEFAULT-VALUE}).")
    double connectTimeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!robot.startsWith("ros:")) {
            throw new InputException("--robot " + robot + ": deploy drives robots over ROS; give ros:PROFILE, e.g. "
                    + "ros:franka (simulated episodes run with mantis eval/collect)");
        }
        RosProfile profile = ProfileSource.profile(robot.substring(4));
        List<String> ids = run.taskIds();
        if (run.spark() != null) {
            throw new InputException("--spark " + run.spark() + ": deploy drives one robot; drop --spark");
        }
        if (ids.size() != 1) {
            throw new InputException("deploy drives one robot through one task; give --task, not --suite");
        }
        TaskSpec taskSpec = TaskSource.task(ids.get(0));
        TaskRobot taskRobot = ProfileSource.robot(profile, Optional.ofNullable(urdf));
        if (!taskSpec.robot().equals(taskRobot.id())) {
            throw new InputException("--task " + ids.get(0) + ": the task is for robot '" + taskSpec.robot()
                    + "'; profile '" + profile.name() + "' drives '" + taskRobot.id() + "'");
        }
        int episodes = run.episodes(1_000_000);
        double timeout = stateTimeout != null ? stateTimeout : profile.stateTimeout();
        if (!(timeout > 0) || !(connectTimeout > 0)) {
            throw new InputException("--state-timeout and --connect-timeout must be > 0 seconds");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Task task = new Task(taskSpec);
        EpisodeSafety safetySettings = run.safety(List.of(taskSpec), err);
        List<String> args = new ArrayList<>();
        if (master != null) {
            args.add("__master:=" + master);
        }
        RosNode node;
        try {
            node = RosNode.start(RosNodeConfig.fromEnvironment("mantis_deploy", args));
        } catch (IllegalArgumentException | RosException e) {
            throw new InputException(e.getMessage());
        }
        List<EpisodeResult> results = new ArrayList<>();
        String stop = null;
        long start;
        DatasetWriter writer = null;
        try (node; PolicySource policies = PolicySource.of(run.policy(), run.device(), err);
                RosRobot rosRobot = new RosRobot(node, profile, taskRobot.model(), taskRobot.profile().eeLink(),
                        taskRobot.profile().gripperJoint(), taskSpec.controller(), Task.CONTROL_HZ);
                TaskStatusBoard status = new TaskStatusBoard(node)) {
            try {
                rosRobot.connect(connectTimeout);
            } catch (RosException e) {
                throw new InputException(e.getMessage());
            }
            double period = 1 / Task.CONTROL_HZ;
            DoubleSupplier clock = node.usesSimTime() ? () -> rosRobot.stateStamp() + period
                    : () -> System.currentTimeMillis() / 1e3;
            Optional<SafeRobot> safety = safetySettings.wrap(rosRobot, taskRobot.model(),
                    taskRobot.profile().eeLink(), clock, rosRobot.estop());
            boolean oracle = run.policy().equals("oracle");
            Policy policy = oracle ? null : policies.policy(task, taskRobot.id(), rosRobot.observationSpec(),
                    rosRobot.actionSpec());
            FrameRecorder recorder = null;
            if (out != null) {
                writer = DatasetWriter.create(out, TaskRecording.spec(List.of(taskSpec), rosRobot, safety.isPresent()));
                EpisodeBuffer buffer = writer.newBuffer();
                recorder = new FrameRecorder(task, buffer, rosRobot.observationSpec());
            }
            Deployment deployment = new Deployment(node, rosRobot, safety, task, policy,
                    policies.view(task, rosRobot.observationSpec()), recorder, status, Task.CONTROL_HZ, timeout);
            ProgressBar bar = new ProgressBar(err, true, "episodes");
            start = System.nanoTime();
            for (int e = 0; e < episodes && stop == null; e++) {
                DeployedEpisode d = deployment.run(e, EpisodeSeeds.of(run.seed(), taskSpec.id(), e));
                results.add(d.result());
                stop = d.stop();
                if (stop != null) { // said at once; the recording is finished after
                    err.println();
                    err.println("mantis: deploy stopped: " + stop);
                    err.flush();
                }
                if (writer != null && d.result().steps() > 0) {
                    writer.writeEpisode(recorder.buffer(), d.instruction(), EpisodeRecorder.extras(d.result(),
                            policies.id(), e, new double[0], d.safetyEvents().size(),
                            safety.isPresent() ? EpisodeRecorder.safetyLog(d.safetyEvents()) : null));
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
