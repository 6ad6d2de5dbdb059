package dev.mantis.launch.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mantis.launch.InputException;
import dev.mantis.robot.dataset.DatasetFeature;
import dev.mantis.robot.dataset.DatasetReader;
import dev.mantis.robot.dataset.EpisodeRow;
import dev.mantis.sim.record.TaskRecording;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mantis dataset info}: summarise a dataset and check its layout. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Summarise a LeRobot v3.0 dataset (episodes, frames, tasks, success rate, features) and check "
                + "that its files agree; exit 2 if they do not.",
        footer = {"", "Examples:", "  mantis dataset info data/core", "  mantis dataset info data/core --json"})
public final class DatasetInfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The dataset directory.")
    Path dir;

    @Option(names = "--json", description = "Print one JSON object: episodes, frames, tasks, success_rate, "
            + "features, problems.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DatasetReader reader = DatasetReader.open(dir);
        List<String> problems = reader.validate();
        List<EpisodeRow> episodes = reader.episodes();
        long frames = episodes.stream().mapToLong(EpisodeRow::length).sum();
        long known = episodes.stream().filter(r -> r.extra(TaskRecording.EPISODE_SUCCESS) instanceof Boolean).count();
        long successes = episodes.stream().filter(r -> Boolean.TRUE.equals(r.extra(TaskRecording.EPISODE_SUCCESS)))
                .count();
        Double rate = known == 0 || known != episodes.size() ? null : (double) successes / known;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("episodes", episodes.size());
            root.put("frames", frames);
            root.put("tasks", reader.tasks());
            root.put("success_rate", rate);
            Map<String, Object> features = new LinkedHashMap<>();
            for (DatasetFeature f : reader.info().features()) {
                features.put(f.name(), Map.of("dtype", f.dtype(), "shape", f.shape()));
            }
            root.put("features", features);
            root.put("robot_type", reader.info().robotType());
            root.put("fps", reader.info().fps());
            root.put("problems", problems);
            root.put("uncommitted_frames", reader.uncommittedFrames());
            out.println(new ObjectMapper().writeValueAsString(root));
        } else {
            out.printf(Locale.ROOT, "%s: LeRobot %s dataset, robot %s, %d fps%n", dir, reader.info().codebaseVersion(),
                    reader.info().robotType(), reader.info().fps());
            out.printf(Locale.ROOT, "episodes  %d%nframes    %d (%.1f s)%n", episodes.size(), frames,
                    frames / (double) reader.info().fps());
            out.printf(Locale.ROOT, "success   %s%n", rate == null ? "unknown (no " + TaskRecording.EPISODE_SUCCESS
                    + " column)" : String.format(Locale.ROOT, "%.1f%% (%d of %d)", 100 * rate, successes, known));
            out.printf(Locale.ROOT, "tasks     %d%n", reader.tasks().size());
            for (int i = 0; i < reader.tasks().size(); i++) {
                out.printf(Locale.ROOT, "  %3d  %s%n", i, reader.tasks().get(i));
            }
            out.println("features");
            for (DatasetFeature f : reader.info().features()) {
                out.printf(Locale.ROOT, "  %-32s %-8s %s%n", f.name(), f.dtype(), f.shape());
            }
            if (reader.uncommittedFrames() > 0) {
                out.printf(Locale.ROOT, "note      %d frames past the last episode (an interrupted commit); readers "
                        + "ignore them, collect --resume removes them%n", reader.uncommittedFrames());
            }
            out.println(problems.isEmpty() ? "layout    valid" : "layout    INVALID:");
            problems.forEach(p -> out.println("  " + p));
        }
        out.flush();
        if (!problems.isEmpty()) {
            throw new InputException(dir + ": not a valid LeRobot v3.0 dataset: " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
        return 0;
    }
}
