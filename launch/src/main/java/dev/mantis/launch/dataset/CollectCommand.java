package dev.mantis.launch.dataset;

import dev.mantis.launch.InputException;
import dev.mantis.launch.policy.PolicySource;
import dev.mantis.launch.ros.MasterOption;
import dev.mantis.launch.task.EvalCommand;
import dev.mantis.launch.task.ProgressBar;
import dev.mantis.launch.task.RunOptions;
import dev.mantis.launch.task.SparkRun;
import dev.mantis.launch.task.TaskSource;
import dev.mantis.robot.dataset.DatasetSpec;
import dev.mantis.robot.dataset.DatasetWriter;
import dev.mantis.robot.dataset.video.VideoCodec;
import dev.mantis.robot.dataset.video.VideoSettings;
import dev.mantis.sim.record.Collection;
import dev.mantis.sim.record.RecordedCameras;
import dev.mantis.sim.record.TaskRecording;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.EpisodeSafety;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;
import dev.mantis.sim.task.TaskSummary;
import dev.mantis.spark.SparkCollection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mantis collect}: run episodes of a task or suite and record them as a LeRobot v3.0 dataset. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Run episodes of a task or a suite with a policy and record them as a LeRobot v3.0 dataset "
                + "(crash-safe: a killed run leaves whole episodes; --resume continues it).",
        footer = {"", "Examples:", "  mantis collect --suite core --policy oracle --episodes 20 --out data/core",
            "  mantis collect --task pick_place --episodes 500 --seed 7 --out data/pp --only-success",
            "  mantis collect --suite core --episodes 20 --out data/core --resume",
            "  mantis collect --suite core --episodes 20 --out data/core --spark local[4]",
            "  mantis collect --task push --episodes 20 --cameras front,wrist --image-size 128 --out data/push-rgb",
            "  mantis collect --robot ros:franka --autonomous --task push --policy push_bc.onnx --episodes 500 --out data/auto",
            "  mantis collect --robot ros:franka --autonomous --task push --policy push_bc.onnx --success push_success.onnx "
                    + "--episodes 500 --out data/auto",
            "  mantis collect --robot ros:franka --autonomous --task push --policy push_bc.onnx --success key --episodes 50 "
                    + "--out data/labelled"})
public final class CollectCommand implements Callable<Integer> {

    @CommandLine.Mixin
    RunOptions run;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dataset directory (new, or "
            + "the one to resume).")
    Path out;

    @Option(names = "--resume", description = "Continue the run recorded in --out: skip its episodes, run the rest.")
    boolean resume;

    @Option(names = "--only-success", description = "Record only successful episodes.")
    boolean onlySuccess;

    @Option(names = "--spark-staging", paramLabel = "DIR", description = "With --spark: where shards stage their "
            + "episodes before the driver commits them; on a cluster, a directory every executor and the driver see "
            + "(default: OUT.staging beside --out).")
    Path staging;

    @Option(names = "--cameras", split = ",", paramLabel = "NAME", description = "Record these task cameras as "
            + "MP4 videos: observation.images.NAME every frame and observation.goal.images.NAME (the goal rendered). "
            + "Every task has front, top and wrist; its YAML may add more. Needs an X display (Xvfb) and ffmpeg.")
    List<String> cameras = new ArrayList<>();

    @Option(names = "--image-size", paramLabel = "N|WxH", description = "Camera image size in pixels (default: "
            + "each camera's own, 128x128 for the defaults).")
    String imageSize;

    @Option(names = "--video-codec", paramLabel = "CODEC", defaultValue = "av1", description = "av1 (SVT-AV1, "
            + "LeRobot's default) or h264 (default: ${DEFAULT-VALUE}).")
    String videoCodec;

    @Option(names = "--crf", paramLabel = "N", description = "Video quality, lower is better and bigger "
            + "(default: 30 for av1, 23 for h264).")
    Integer crf;

    @Option(names = "--gop", paramLabel = "FRAMES", defaultValue = "2", description = "Frames between video key "
            + "frames; small is quick to seek (default: ${DEFAULT-VALUE}).")
    int gop;

    @Option(names = "--robot", paramLabel = "sim:ID|ros:PROFILE", description = "Where episodes run: the simulator "
            + "(sim:ID, the task's robot; the default) or a robot over ROS (ros:PROFILE, with --autonomous). With "
            + "--autonomous, sim:ID serves the simulated robot over ROS in this process (a private roscore unless "
            + "--master) and drives it as a real one.")
    String robot;

    @Option(names = "--autonomous", description = "With --robot ros:PROFILE or sim:ID: collect unattended on the robot "
            + "(checked resets, success labels from --success, waits when the robot is lost; --resume continues).")
    boolean autonomous;

    @Option(names = "--success", paramLabel = "predicate|FILE.onnx|key", defaultValue = "predicate",
            description = "With --autonomous: what labels an episode a success: the cell's predicate (ends the episode "
                    + "when it holds), a success classifier (mantis train success; scores the episode's last frame, "
                    + "or ends the episode at its first confident frame if trained with --early-stop), or a person "
                    + "(key: after each episode 'success? [y/n]' on standard input) (default: ${DEFAULT-VALUE}).")
    String success;

    @CommandLine.Mixin
    MasterOption master;

    @Option(names = "--urdf", paramLabel = "FILE", description = "With --robot ros:...: the robot's URDF, for "
            + "profiles of robots Mantis does not bundle.")
    String urdf;

    @Option(names = "--state-timeout", paramLabel = "S", description = "With --robot ros:...: seconds to wait for "
            + "each joint state before the robot counts as late (default: the profile's).")
    Double stateTimeout;

    @Option(names = "--reset", paramLabel = "cell|scripted|FILE.onnx", defaultValue = "cell", description = "With "
            + "--autonomous, before each episode: cell (the cell resets the scene; the simulator's own reset), "
            + "scripted (the profile's reset routine moves the robot) or FILE.onnx (a reset policy brings the object "
            + "back); with the last two the objects stay where they are. Either way the scene must then be in its "
            + "start region. Default: ${DEFAULT-VALUE}.")
    String reset;

    @Option(names = "--goals", paramLabel = "FILE", description = "With --autonomous: a goal set, one goal state per "
            + "line (the task's observation.goal.state: x y z per target point, metres); each episode takes the one "
            + "its seed picks. Default: the task's goal sampler.")
    Path goals;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The cameras to record, from the camera flags. */
    RecordedCameras recordedCameras() {
        if (cameras.isEmpty()) {
            if (imageSize != null) {
                throw new InputException("--image-size needs --cameras NAME,...");
            }
            return RecordedCameras.NONE;
        }
        int w = 0;
        int h = 0;
        if (imageSize != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,4})(?:x(\\d{1,4}))?")
                    .matcher(imageSize);
            if (!m.matches()) {
                throw new InputException("--image-size '" + imageSize + "': give N (square) or WxH pixels, e.g. 128 "
                        + "or 160x120");
            }
            w = Integer.parseInt(m.group(1));
            h = m.group(2) == null ? w : Integer.parseInt(m.group(2));
            if (w < 2 || h < 2 || w % 2 != 0 || h % 2 != 0 || w > 4096 || h > 4096) {
                throw new InputException("--image-size " + imageSize + ": width and height must be even, 2..4096 "
                        + "(yuv420p video)");
            }
        }
        VideoSettings settings;
        try {
            VideoCodec codec = VideoCodec.of(videoCodec);
            settings = new VideoSettings(codec, crf == null ? codec.defaultCrf() : crf, codec.defaultPreset(), gop);
        } catch (IllegalArgumentException e) {
            throw new InputException("--video-codec/--crf/--gop: " + e.getMessage());
        }
        try {
            return new RecordedCameras(cameras, w, h, settings, RecordedCameras.FrameObserver.NONE);
        } catch (IllegalArgumentException e) {
            throw new InputException("--cameras: " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        if (robot != null && robot.startsWith("ros:") || autonomous) {
            return autonomous();
        }
        if (!success.equals("predicate")) {
            throw new InputException("--success " + success + " needs --robot ros:PROFILE --autonomous; in simulation "
                    + "the task's predicate labels episodes");
        }
        if (!reset.equals("cell") || goals != null) {
            throw new InputException((goals != null ? "--goals" : "--reset " + reset) + " applies to --autonomous "
                    + "runs on a robot over ROS; simulated collection draws goals and resets the scene itself");
        }
        int episodes = run.episodes(1_000_000);
        int threads = run.threads();
        List<String> ids = run.taskIds();
        Map<String, String> yamlById = new LinkedHashMap<>();
        List<TaskSpec> tasks = new ArrayList<>();
        for (String id : ids) {
            TaskSpec t = TaskSource.task(id);
            if (robot != null && !robot.equals("sim:" + t.robot())) {
                throw new InputException("--robot " + robot + ": task '" + t.id() + "' runs robot '" + t.robot()
                        + "'; give --robot sim:" + t.robot() + ", or ros:PROFILE with --autonomous");
            }
            tasks.add(t);
            yamlById.put(t.id(), TaskSource.yaml(id));
        }
        PrintWriter err = spec.commandLine().getErr();
        PolicySource policies = PolicySource.of(run.policy(), run.device(), err);
        RunManifest manifest = new RunManifest(tasks.stream().map(TaskSpec::id).toList(), episodes, run.seed(),
                run.policy(), onlySuccess, run.safetyName());
        EpisodeSafety safety = run.safety(tasks, err);
        RecordedCameras recorded = recordedCameras();
        if (recorded.any() && run.spark() != null) {
            throw new InputException("--cameras with --spark: Spark executors have no display to render on; "
                    + "collect camera datasets without --spark");
        }
        DatasetSpec datasetSpec = datasetSpec(tasks, safety.enabled(), recorded);
        try (policies) {
            policies.checkAll(tasks);
            return collect(tasks, yamlById, manifest, datasetSpec, recorded, policies, safety, threads, err);
        }
    }

    /** {@code --robot ros:PROFILE --autonomous}: unattended collection over ROS. */
    private int autonomous() throws Exception {
        if (robot == null || !(robot.startsWith("ros:") || robot.startsWith("sim:")) || !autonomous) {
            throw new InputException("--robot ros:PROFILE runs autonomously: give --robot ros:PROFILE --autonomous, "
                    + "or --robot sim:ID --autonomous for the simulator served over ROS in this process");
        }
        if (run.spark() != null || !cameras.isEmpty() || onlySuccess) {
            throw new InputException("--autonomous records every episode of one robot: drop --spark, --cameras and "
                    + "--only-success");
        }
        List<String> ids = run.taskIds();
        if (ids.size() != 1) {
            throw new InputException("--autonomous runs one task on one robot; give --task, not --suite");
        }
        if (!success.equals("predicate") && !success.equals("key") && !success.endsWith(".onnx")) {
            throw new InputException("--success " + success + ": give predicate, key or a FILE.onnx success classifier");
        }
        if (success.endsWith(".onnx") && !java.nio.file.Files.isRegularFile(Path.of(success))) {
            throw new InputException("--success " + success + ": no such model file; train one with mantis train "
                    + "success");
        }
        TaskSpec task = TaskSource.task(ids.get(0));
        PrintWriter err = spec.commandLine().getErr();
        var settings = new dev.mantis.launch.deploy.AutonomousCollection.Settings(robot, urdf, master.uri(), task,
                TaskSource.yaml(ids.get(0)), run.policy(), run.episodes(1_000_000), run.seed(), out,
                resume, 10, stateTimeout, success, reset, run.device(), goals);
        var labels = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8));
        try (PolicySource policies = PolicySource.of(run.policy(), run.device(), err)) {
            return dev.mantis.launch.deploy.AutonomousCollection.run(settings, run.safety(List.of(task), err),
                    run.safetyName(), run.safetyYamlText(), policies, labels, spec.commandLine().getOut(), err);
        }
    }

    private int collect(List<TaskSpec> tasks, Map<String, String> yamlById, RunManifest manifest,
            DatasetSpec datasetSpec, RecordedCameras recorded, PolicySource policies, EpisodeSafety safety,
            int threads, PrintWriter err)
            throws java.io.IOException {
        int episodes = run.episodes(1_000_000);
        DatasetWriter writer;
        if (resume) {
            RunManifest before = RunManifest.read(out);
            if (before != null && !before.equals(manifest)) {
                throw new InputException(out + ": was collected with " + before + "; this run asks for " + manifest
                        + "; resume with the same --suite/--task, --episodes, --seed, --policy, --only-success and "
                        + "--safety");
            }
            writer = DatasetWriter.resume(out, datasetSpec);
        } else {
            writer = DatasetWriter.create(out, datasetSpec);
        }
        manifest.write(out, yamlById, run.safetyYamlText());
        ProgressBar bar = new ProgressBar(err, true, "episodes");
        long start = System.nanoTime();
        Collection.Summary summary;
        int workers = threads;
        double seconds;
        try (writer) {
            if (run.spark() != null) {
                // the rate is the job's and the dataset's close, without Spark's start-up and stop
                try (SparkRun spark = SparkRun.start(run.spark())) {
                    start = System.nanoTime();
                    workers = spark.parallelism();
                    summary = spark.collect(run.taskIds(), episodes, run.seed(), run.policy(), run.device(),
                            policies.id(), safety.enabled() ? run.safetyYamlText() : null, run.safetyName(),
                            onlySuccess, staging != null ? staging : SparkCollection.defaultStaging(out), writer, bar);
                    writer.close();
                    seconds = (System.nanoTime() - start) / 1e9;
                }
            } else {
                summary = Collection.run(tasks, episodes, run.seed(), threads, policies.id(), policies, onlySuccess,
                        safety, recorded, writer, bar::update);
                writer.close();
                seconds = (System.nanoTime() - start) / 1e9;
            }
        }
        bar.finish();
        PrintWriter stdout = spec.commandLine().getOut();
        printSummary(stdout, tasks, summary, writer, seconds, workers);
        if (safety.enabled() && !summary.results().isEmpty()) {
            List<TaskSummary> summaries = new ArrayList<>();
            for (TaskSpec t : tasks) {
                List<EpisodeResult> mine = summary.results().stream().filter(r -> r.task().equals(t.id())).toList();
                if (!mine.isEmpty()) {
                    summaries.add(TaskSummary.of(t.id(), mine));
                }
            }
            EvalCommand.printSafety(stdout, summaries, run.safetyName());
            stdout.flush();
        }
        return 0;
    }

    private static DatasetSpec datasetSpec(List<TaskSpec> tasks, boolean safety, RecordedCameras recorded) {
        Task first = new Task(tasks.get(0));
        try (Scene scene = Scene.build(first.sceneSpec())) {
            return TaskRecording.spec(tasks, scene.robot(0), safety, recorded);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }

    private void printSummary(PrintWriter stdout, List<TaskSpec> tasks, Collection.Summary summary,
            DatasetWriter writer, double seconds, int threads) {
        if (!summary.results().isEmpty()) {
            stdout.printf(Locale.ROOT, "%-16s %8s %9s %10s  %s%n", "task", "episodes", "success", "mean steps",
                    "failures");
            for (TaskSpec t : tasks) {
                List<EpisodeResult> mine = summary.results().stream().filter(r -> r.task().equals(t.id())).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                TaskSummary s = TaskSummary.of(t.id(), mine);
                stdout.printf(Locale.ROOT, "%-16s %8d %8.1f%% %10.1f  %s%n", s.id(), s.episodes(),
                        100 * s.successRate(), s.meanSteps(), s.failures().isEmpty() ? "-" : s.failures().toString());
            }
        }
        int ran = summary.results().size();
        stdout.printf(Locale.ROOT, "ran %d episode%s in %.1f s (%.2f/s on %d worker%s)%s; recorded %d; %s holds %d "
                + "episodes, %d frames%n", ran, ran == 1 ? "" : "s", seconds, ran / Math.max(seconds, 1e-9), threads,
                threads == 1 ? "" : "s", summary.skipped() > 0 ? ", " + summary.skipped() + " already recorded" : "",
                summary.recorded(), out, writer.episodeCount(), writer.frameCount());
        stdout.flush();
    }
}
