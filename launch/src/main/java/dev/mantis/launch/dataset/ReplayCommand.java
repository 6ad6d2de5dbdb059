package dev.mantis.launch.dataset;

import dev.mantis.assets.BundledTasks;
import dev.mantis.launch.InputException;
import dev.mantis.robot.dataset.DatasetReader;
import dev.mantis.robot.dataset.DatasetSpec;
import dev.mantis.robot.dataset.EpisodeBuffer;
import dev.mantis.robot.dataset.EpisodeFrames;
import dev.mantis.sim.record.EpisodeReplay;
import dev.mantis.sim.record.TaskRecording;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;
import dev.mantis.sim.task.TaskSpecReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mantis replay}: re-simulate recorded episodes from their seeds and actions. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-simulate recorded episodes from their seed and recorded actions. With --verify, compare "
                + "every recorded frame feature bit for bit and exit 0 only if all match.",
        footer = {"", "Examples:", "  mantis replay data/core --episode 3 --verify", "  mantis replay data/core --verify"})
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A dataset that 'mantis collect' recorded.")
    Path dir;

    @Option(names = "--episode", paramLabel = "K", description = "Episode index (default: every episode).")
    Integer episode;

    @Option(names = "--verify", description = "Fail (exit 1) unless every frame matches the recording.")
    boolean verify;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DatasetReader reader = DatasetReader.open(dir);
        int count = reader.episodes().size();
        if (episode != null && (episode < 0 || episode >= count)) {
            throw new InputException("--episode " + episode + ": " + dir + " has episodes 0.." + (count - 1));
        }
        List<Integer> which = episode != null ? List.of(episode)
                : java.util.stream.IntStream.range(0, count).boxed().toList();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Task> tasks = new HashMap<>();
        Map<String, Scene> scenes = new HashMap<>();
        int mismatches = 0;
        try {
            for (int k : which) {
                EpisodeFrames frames = reader.episode(k);
                Object id = frames.row().extra(TaskRecording.TASK_ID);
                if (!(id instanceof String taskId)) {
                    throw new InputException(dir + ": episode " + k + " has no " + TaskRecording.TASK_ID
                            + "; only datasets that 'mantis collect' recorded can be replayed");
                }
                Task task = tasks.computeIfAbsent(taskId, t -> new Task(taskSpec(dir, t)));
                Scene scene = scenes.computeIfAbsent(taskId, t -> Scene.build(task.sceneSpec()));
                EpisodeReplay.Result r = EpisodeReplay.run(task, scene, frames, frameBuffer(reader));
                if (r.matches()) {
                    out.printf(Locale.ROOT, "episode %d (%s): %d frames match; replay %s%n", k, taskId, r.frames(),
                            r.result().success() ? "succeeds" : "fails (" + r.result().failure() + ")");
                } else {
                    mismatches++;
                    out.printf(Locale.ROOT, "episode %d (%s): frame %d differs: %s%n", k, taskId, r.firstMismatch(),
                            r.detail());
                }
            }
        } finally {
            scenes.values().forEach(Scene::close);
        }
        out.printf(Locale.ROOT, "%d of %d episode%s replayed exactly%n", which.size() - mismatches, which.size(),
                which.size() == 1 ? "" : "s");
        out.flush();
        return verify && mismatches > 0 ? 1 : 0;
    }

    /** An empty buffer of the frame features {@code reader}'s dataset records, for {@link EpisodeReplay}. */
    public static EpisodeBuffer frameBuffer(DatasetReader reader) {
        DatasetSpec datasetSpec = new DatasetSpec(reader.info().robotType(), reader.info().fps(),
                reader.info().features().stream().filter(f -> !DatasetSpec.DEFAULT_FEATURES.contains(f)).toList(),
                List.of());
        return new EpisodeBuffer(datasetSpec.frameFeatures());
    }

    /**
     * The spec of task {@code id} of the dataset in {@code dir}: the copy the collection stored,
     * else the bundled task.
     *
     * @throws InputException when neither exists or the stored copy cannot be read
     */
    public static TaskSpec taskSpec(Path dir, String id) {
        Path stored = RunManifest.taskFile(dir, id);
        try {
            if (Files.exists(stored)) {
                return TaskSpecReader.read(Files.readString(stored), stored.toString());
            }
        } catch (IOException e) {
            throw new InputException(stored + ": cannot be read (" + e.getMessage() + ")");
        }
        String yaml = BundledTasks.yaml(id).orElseThrow(() -> new InputException(stored + ": missing, and '" + id
                + "' is not a bundled task; the dataset cannot be replayed"));
        return TaskSpecReader.read(yaml, "mantis/tasks/" + id + ".yaml");
    }
}
