package dev.mantis.launch.deploy;

import dev.mantis.launch.InputException;
import dev.mantis.launch.dataset.RunManifest;
import dev.mantis.launch.task.ProgressBar;
import dev.mantis.policies.PolicyException;
import dev.mantis.policies.onnx.SuccessClassifier;
import dev.mantis.robot.dataset.AtomicFiles;
import dev.mantis.robot.dataset.DatasetSpec;
import dev.mantis.robot.dataset.DatasetWriter;
import dev.mantis.robot.dataset.EpisodeRow;
import dev.mantis.robot.dataset.parquet.ParquetColumn;
import dev.mantis.robot.dataset.parquet.ParquetType;
import dev.mantis.robot.ros.RosException;
import dev.mantis.sim.record.FrameRecorder;
import dev.mantis.sim.record.TaskObservation;
import dev.mantis.sim.record.TaskRecording;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.EpisodeSeeds;
import dev.mantis.sim.task.StartRegion;
import dev.mantis.sim.task.TaskSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Unattended collection on a robot over ROS ({@code mantis collect --robot ros:PROFILE
 * --autonomous}, or {@code --robot sim:ID} for the simulator served over ROS in this process by a
 * {@link SimCell}): episode after episode the scene is reset (by the cell, or by the profile's
 * scripted routine or a reset policy, with the objects left where they are) and checked (the
 * objects must be back in their start region, else the reset is retried, and after
 * {@value #RESET_TRIES} refusals the run pauses), a goal is picked (the task's sampler, or a goal
 * set file), the policy acts, the success detector labels the episode: the cell's predicate, a
 * success classifier or a person ({@code --success predicate|FILE.onnx|key}, see
 * {@link SuccessDetector}). Every episode is committed as
 * it ends with its success label, the detector's confidence, the resets it took and its safety
 * events, so an interrupted run (SIGINT, SIGKILL) resumed with {@code --resume} loses and repeats
 * nothing. When the robot is lost mid-episode the episode is recorded as {@code robot_lost}, and
 * the run waits for the robot to come back and goes on. A plot of the success rate per block of
 * episodes is kept beside the dataset ({@code DIR.progress.html}).
 */
public final class AutonomousCollection {

    /** Episode column: the success detector's confidence that the episode succeeded (0..1). */
    public static final String SUCCESS_CONFIDENCE = "mantis/success_confidence";
    /**
     * Episode column: what the cell's predicate ({@code TaskStatus.success}) said after the episode's
     * last action, whatever decided {@code mantis/success}, so that a classifier or a person can be
     * measured against it; false where the cell has no predicate (a real robot's) or the episode was
     * cut off.
     */
    public static final String PREDICATE_SUCCESS = "mantis/predicate_success";
    /** Episode column: resets the episode took (1 when the first was accepted). */
    public static final String RESETS = "mantis/resets";
    /**
     * Episode column: control ticks the robot's reset routine or policy commanded before the
     * episode, all tries together (0: the cell reset the scene).
     */
    public static final String RESET_STEPS = "mantis/reset_steps";
    /** Resets tried per episode before the run pauses. */
    public static final int RESET_TRIES = 3;
    /** Episodes per point of the progress plot. */
    public static final int PLOT_WINDOW = 20;

    private AutonomousCollection() {
    }

    /**
     * What the run is: where, which task and policy, how many episodes, the safety setting, the
     * success detector ({@code predicate}, {@code key} or a classifier's {@code FILE.onnx}), the
     * reset ({@code cell}, {@code scripted} or a reset policy's model on {@code device}) and the goal
     * set file (null: the task's goal sampler).
     */
    public record Settings(String robot, String urdf, String master, TaskSpec task, String taskYaml, String policy,
            int episodes, long seed, Path out, boolean resume, double connectTimeout, Double stateTimeout,
            String success, String reset, String device, Path goals) {
    }

    /**
     * Runs the collection; returns the exit code (0: all episodes done, 1: paused or stopped).
     *
     * @param safety the safety layer's settings ({@code --safety})
     * @param safetyName and text of the safety setting, recorded in the manifest
     * @param labels where a person's labels are read from with {@code --success key} (standard input)
     */
    public static int run(Settings s, dev.mantis.sim.task.EpisodeSafety safety, String safetyName, String safetyYaml,
            dev.mantis.launch.policy.PolicySource policies, BufferedReader labels, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        if (s.robot().startsWith("sim:")) {
            try (SimCell cell = SimCell.start(s.robot().substring(4), s.task(), s.master())) {
                Settings served = new Settings(cell.robotArgument(), s.urdf(), cell.master(), s.task(), s.taskYaml(),
                        s.policy(), s.episodes(), s.seed(), s.out(), s.resume(), s.connectTimeout(), s.stateTimeout(),
                        s.success(), s.reset(), s.device(), s.goals());
                return run(served, cell::failure, safety, safetyName, safetyYaml, policies, labels, out, err);
            }
        }
        return run(s, () -> null, safety, safetyName, safetyYaml, policies, labels, out, err);
    }

    /** Runs on the robot {@code s} names; {@code cellFailure} says why a cell of this process stopped serving. */
    private static int run(Settings s, Supplier<String> cellFailure, dev.mantis.sim.task.EpisodeSafety safety,
            String safetyName, String safetyYaml, dev.mantis.launch.policy.PolicySource policies,
            BufferedReader labels, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        RosSession.Target target = RosSession.target(s.robot(), s.urdf(), s.task());
        GoalSet goals = s.goals() == null ? null : GoalSet.read(s.goals(), s.task());
        double timeout = s.stateTimeout() != null ? s.stateTimeout() : target.profile().stateTimeout();
        RunManifest manifest = new RunManifest(List.of(s.task().id()), s.episodes(), s.seed(), s.policy(), false,
                safetyName);
        if (s.resume()) {
            RunManifest before = RunManifest.read(s.out());
            if (before != null && !before.equals(manifest)) {
                throw new InputException(s.out() + ": was collected with " + before + "; this run asks for " + manifest
                        + "; resume with the same --task, --episodes, --seed, --policy and --safety");
            }
            String labelled = Files.exists(successFile(s.out())) ? Files.readString(successFile(s.out()))
                    : "predicate";
            if (before != null && !labelled.equals(s.success())) {
                throw new InputException(s.out() + ": was labelled with --success " + labelled + "; resume with the "
                        + "same --success");
            }
        } else if (Files.exists(s.out())) {
            throw new InputException(s.out() + ": already exists; give a new --out, or --resume to continue it");
        }
        try (RosSession session = RosSession.open(target, s.task(), s.master(), policies, s.policy(), safety,
                s.connectTimeout()); SuccessDetector detector = detector(s, session, policies, labels, err)) {
            DatasetSpec plain = TaskRecording.spec(List.of(s.task()), session.robot, session.safety.isPresent());
            List<ParquetColumn> columns = new ArrayList<>(plain.episodeColumns());
            columns.add(new ParquetColumn(SUCCESS_CONFIDENCE, ParquetType.DOUBLE, false));
            columns.add(new ParquetColumn(PREDICATE_SUCCESS, ParquetType.BOOLEAN, false));
            columns.add(new ParquetColumn(RESETS, ParquetType.INT64, false));
            columns.add(new ParquetColumn(RESET_STEPS, ParquetType.INT64, false));
            DatasetSpec spec = new DatasetSpec(plain.robotType(), plain.fps(), plain.features(), columns);
            DatasetWriter writer = s.resume() && Files.exists(s.out().resolve("meta/info.json"))
                    ? DatasetWriter.resume(s.out(), spec) : DatasetWriter.create(s.out(), spec);
            try (writer) {
                manifest.write(s.out(), Map.of(s.task().id(), s.taskYaml()), safetyYaml);
                AtomicFiles.write(successFile(s.out()), s.success().getBytes(StandardCharsets.UTF_8));
                return collect(s, session, detector, writer, timeout, goals, cellFailure, out, err);
            }
        }
    }

    /** Where the {@code --success} setting is kept, to check a resumed run against it. */
    private static Path successFile(Path root) {
        return root.resolve("meta/mantis/success.txt");
    }

    /** The detector {@code --success} names; a classifier is loaded and checked against the robot and task. */
    private static SuccessDetector detector(Settings s, RosSession session,
            dev.mantis.launch.policy.PolicySource policies, BufferedReader labels, PrintWriter err) {
        if (s.success().equals("predicate")) {
            return new PredicateDetector();
        }
        if (s.success().equals("key")) {
            return new KeyPressDetector(labels, err);
        }
        // the recording's view: a dataset of one task has the task's own widths
        TaskObservation view = new TaskObservation(session.task, session.robot.observationSpec());
        try {
            return new ClassifierDetector(SuccessClassifier.load(Path.of(s.success()), session.taskRobot.id(),
                    view.spec(), view.goalSpec(), policies.options()), view);
        } catch (PolicyException e) {
            throw new InputException("--success " + e.getMessage());
        }
    }

    private static int collect(Settings s, RosSession session, SuccessDetector detector, DatasetWriter writer,
            double timeout, GoalSet goals, Supplier<String> cellFailure, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        List<Boolean> successes = new ArrayList<>();
        int resets = 0;
        int safetyEvents = 0;
        int next = 0;
        for (EpisodeRow row : writer.episodes()) {
            next = Math.max(next, (int) (long) (Long) row.extra(TaskRecording.RUN_EPISODE) + 1);
            successes.add((Boolean) row.extra(TaskRecording.EPISODE_SUCCESS));
            resets += (int) (long) (Long) row.extra(RESETS);
        }
        if (next > 0) {
            out.printf(Locale.ROOT, "resuming at episode %d of %d (%d recorded)%n", next, s.episodes(),
                    writer.episodeCount());
        }
        FrameRecorder recorder = new FrameRecorder(session.task, writer.newBuffer(), session.robot.observationSpec());
        Deployment deployment = session.deployment(recorder, timeout,
                status -> StartRegion.check(s.task(), status.environment_state),
                session.reset(s.reset(), s.device(), timeout, err));
        Path plot = s.out().resolveSibling(s.out().getFileName() + ".progress.html");
        String title = s.task().id() + " with " + session.policies.id() + " on " + session.profile.name();
        ProgressBar bar = new ProgressBar(err, true, "episodes");
        for (int e = next; e < s.episodes(); e++) {
            long seed = EpisodeSeeds.of(s.seed(), s.task().id(), e);
            DeployedEpisode d = null;
            int tries = 0;
            long resetSteps = 0;
            while (tries < RESET_TRIES) {
                tries++;
                resets++;
                try {
                    d = deployment.run(e, seed, goals == null ? new double[0] : goals.pick(seed), detector);
                } catch (SuccessDetector.LabelsEnded ended) {
                    ProgressPlot.write(plot, title, successes, PLOT_WINDOW, resets, safetyEvents);
                    err.printf(Locale.ROOT, "%nmantis: autonomous collection stopped: %s, so it is not recorded; the %d "
                            + "episodes labelled are kept in %s; run again with --resume to go on%n", ended.getMessage(),
                            writer.episodeCount(), s.out());
                    err.flush();
                    return 1;
                }
                resetSteps += deployment.resetTicks();
                if (d.resetProblem() == null) {
                    break;
                }
                err.printf(Locale.ROOT, "%nmantis: reset %d of episode %d refused: %s%n", tries, e, d.resetProblem());
                err.flush();
            }
            if (d.resetProblem() != null) {
                err.printf(Locale.ROOT, "mantis: autonomous collection paused: %d resets of episode %d failed (%s); "
                        + "put the scene back in its start region and run again with --resume%n", RESET_TRIES, e,
                        d.resetProblem());
                err.flush();
                return 1;
            }
            EpisodeResult r = d.result();
            if (r.steps() > 0) {
                Map<String, Object> extras = d.extras(session.policies.id(), e, session.safety.isPresent());
                SuccessDetector.Label label = detector.take(); // null: cut off (robot lost) before it was labelled
                extras.put(SUCCESS_CONFIDENCE, label == null ? 0.0 : label.confidence());
                extras.put(PREDICATE_SUCCESS, label != null && label.predicate());
                extras.put(RESETS, (long) tries);
                extras.put(RESET_STEPS, resetSteps);
                writer.writeEpisode(recorder.buffer(), d.instruction(), extras);
                writer.commit();
                successes.add(r.success());
                safetyEvents += d.safetyEvents().size();
            }
            bar.update(e + 1, (int) successes.stream().filter(x -> x).count(), s.episodes(),
                    status(successes, resets, safetyEvents));
            if (successes.size() % PLOT_WINDOW == 0 || e == s.episodes() - 1) {
                ProgressPlot.write(plot, title, successes, PLOT_WINDOW, resets, safetyEvents);
            }
            if (d.stop() != null) {
                if (!r.failure().equals(Deployment.ROBOT_LOST) && !r.failure().equals(Deployment.STATE_TIMEOUT)) {
                    err.printf("%nmantis: autonomous collection stopped: %s%n", d.stop());
                    err.flush();
                    return 1;
                }
                err.printf("%nmantis: %s; waiting for the robot to come back (Ctrl-C stops; --resume continues)%n",
                        d.stop());
                err.flush();
                String failed = awaitRobot(session, cellFailure);
                if (failed != null) {
                    err.printf("mantis: autonomous collection stopped: the simulated cell failed: %s; the %d episodes "
                            + "recorded are kept in %s%n", failed, writer.episodeCount(), s.out());
                    err.flush();
                    return 1;
                }
                err.println("mantis: the robot is back; going on");
                err.flush();
            }
        }
        bar.finish();
        ProgressPlot.write(plot, title, successes, PLOT_WINDOW, resets, safetyEvents);
        long ok = successes.stream().filter(x -> x).count();
        out.printf(Locale.ROOT, "%d episodes recorded in %s: %d successes (%.1f%%), %d resets, %d safety events; "
                + "progress plot %s%n", writer.episodeCount(), s.out(), ok,
                successes.isEmpty() ? 0.0 : 100.0 * ok / successes.size(), resets, safetyEvents, plot);
        out.flush();
        return 0;
    }

    /** The live status after the bar: success rate of the last window, resets and safety events so far. */
    static String status(List<Boolean> successes, int resets, int safetyEvents) {
        List<Boolean> last = successes.subList(Math.max(0, successes.size() - PLOT_WINDOW), successes.size());
        long ok = last.stream().filter(x -> x).count();
        return String.format(Locale.ROOT, "last %d: %.0f%% ok, %d resets, %d safety events", last.size(),
                last.isEmpty() ? 0.0 : 100.0 * ok / last.size(), resets, safetyEvents);
    }

    /** Waits until the robot is back (null), or the cell of this process failed (why). */
    private static String awaitRobot(RosSession session, Supplier<String> cellFailure) throws InterruptedException {
        session.robot.forgetState();
        while (cellFailure.get() == null) {
            try {
                session.robot.connect(5);
                return null;
            } catch (RosException e) {
                // still away: keep waiting
            }
        }
        return cellFailure.get();
    }
}
