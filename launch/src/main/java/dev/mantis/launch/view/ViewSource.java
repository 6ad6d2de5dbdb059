package dev.mantis.launch.view;

import dev.mantis.launch.InputException;
import dev.mantis.launch.dataset.ReplayCommand;
import dev.mantis.launch.policy.PolicySource;
import dev.mantis.launch.task.TaskSource;
import dev.mantis.robot.dataset.DatasetReader;
import dev.mantis.robot.dataset.EpisodeFrames;
import dev.mantis.sim.record.TaskRecording;
import dev.mantis.sim.task.TaskSpec;
import dev.mantis.sim.view.LivePlayback;
import dev.mantis.sim.view.OrbitCamera;
import dev.mantis.sim.view.Playback;
import dev.mantis.sim.view.RecordedPlayback;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code mantis view} and {@code mantis render} show: a live run ({@code --task}, {@code
 * --policy}, {@code --seed}, {@code --episode}) or a recorded episode ({@code DATASET --episode}),
 * from {@code --frame}, in a view of {@code --size}.
 */
public final class ViewSource {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATASET",
            description = "A dataset that 'mantis collect' recorded: play its episode --episode.")
    Path dataset;

    @Option(names = "--task", paramLabel = "ID|FILE", description = "Run this task live: a bundled id or a YAML file.")
    String task;

    @Option(names = "--policy", defaultValue = "oracle", paramLabel = "oracle|random|FILE.onnx",
            description = "With --task: the policy (default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|cuda|auto",
            description = "With --task and an ONNX policy: where it runs (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--seed", defaultValue = "0", description = "With --task: the run seed, as for 'mantis eval' "
            + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--episode", defaultValue = "0", paramLabel = "K", description = "Episode index: with --task, "
            + "eval's episode K for the seed; with DATASET, the recorded episode K (default: ${DEFAULT-VALUE}).")
    int episode;

    @Option(names = "--frame", defaultValue = "0", paramLabel = "N",
            description = "Start at frame (control step) N (default: ${DEFAULT-VALUE}).")
    int frame;

    @Option(names = "--size", defaultValue = "1280x720", paramLabel = "WxH",
            description = "View size in pixels (default: ${DEFAULT-VALUE}).")
    String size;

    /** What was opened, closed together. */
    record Opened(Playback playback, PolicySource policies) implements AutoCloseable {
        @Override
        public void close() {
            try {
                playback.close();
            } finally {
                if (policies != null) {
                    policies.close();
                }
            }
        }
    }

    /** The view's width and height. */
    int[] size() {
        String[] wh = size.toLowerCase(Locale.ROOT).split("x");
        try {
            if (wh.length == 2) {
                int w = Integer.parseInt(wh[0]);
                int h = Integer.parseInt(wh[1]);
                if (w >= 16 && h >= 16 && w <= 8192 && h <= 8192) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException("--size " + size + ": give WIDTHxHEIGHT in pixels, 16 to 8192 each, e.g. 1280x720");
    }

    /** The initial camera. */
    OrbitCamera camera() {
        return OrbitCamera.overview();
    }

    /**
     * Opens the playback at {@code --frame}; warnings (a replay that differs from its recording)
     * go to {@code err}.
     *
     * @throws InputException for a bad combination of options, a missing dataset or episode
     */
    Opened open(PrintWriter err) throws IOException {
        if ((dataset == null) == (task == null)) {
            throw new InputException("give a task (--task ID) or a dataset (DATASET --episode K), one of the two");
        }
        if (frame < 0) {
            throw new InputException("--frame " + frame + ": give 0 or more");
        }
        if (episode < 0) {
            throw new InputException("--episode " + episode + ": give 0 or more");
        }
        Opened opened = dataset != null ? recorded(err) : live(err);
        try {
            opened.playback().seek(frame);
            if (opened.playback().frame() != frame) {
                throw new InputException("--frame " + frame + ": the episode ends at frame " + opened.playback().frame());
            }
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    private Opened live(PrintWriter err) {
        TaskSpec spec = TaskSource.task(task);
        PolicySource policies = PolicySource.of(policy, device, err);
        try {
            policies.checkAll(List.of(spec));
            return new Opened(new LivePlayback(spec, policies, policies.id(), seed, episode), policies);
        } catch (RuntimeException e) {
            policies.close();
            throw e;
        }
    }

    private Opened recorded(PrintWriter err) throws IOException {
        DatasetReader reader = DatasetReader.open(dataset);
        int count = reader.episodes().size();
        if (episode >= count) {
            throw new InputException("--episode " + episode + ": " + dataset + " has episodes 0.." + (count - 1));
        }
        EpisodeFrames frames = reader.episode(episode);
        Object id = frames.row().extra(TaskRecording.TASK_ID);
        if (!(id instanceof String taskId) || !(frames.row().extra(TaskRecording.SEED) instanceof Long)) {
            throw new InputException(dataset + ": episode " + episode + " has no " + TaskRecording.TASK_ID + " and "
                    + TaskRecording.SEED + "; only datasets that 'mantis collect' recorded can be viewed");
        }
        RecordedPlayback p = new RecordedPlayback(ReplayCommand.taskSpec(dataset, taskId), frames,
                ReplayCommand.frameBuffer(reader), dataset.getFileName().toString());
        if (!p.replay().matches()) {
            err.println("mantis: warning: the re-simulation of episode " + episode + " differs from its recording "
                    + "at frame " + p.replay().firstMismatch() + " (" + p.replay().detail() + "); showing the "
                    + "re-simulation");
            err.flush();
        }
        return new Opened(p, null);
    }
}
