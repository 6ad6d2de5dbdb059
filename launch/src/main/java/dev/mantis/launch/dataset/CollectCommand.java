package dev.mantis.launch.dataset;

import dev.mantis.launch.InputException;
import dev.mantis.launch.policy.PolicySource;
import dev.mantis.launch.task.ProgressBar;
import dev.mantis.launch.task.TaskSource;
import dev.mantis.robot.dataset.DatasetSpec;
import dev.mantis.robot.dataset.DatasetWriter;
import dev.mantis.sim.record.Collection;
import dev.mantis.sim.record.TaskRecording;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;
import dev.mantis.sim.task.TaskSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mantis collect}: run episodes of a task or suite and record them as a LeRobot v3.0 dataset. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Run episodes of a task or a suite with a policy and record them as a LeRobot v3.0 dataset "
                + "(crash-safe: a killed run leaves whole episodes; --resume continues it).",
        footer = {"", "Examples:", "  mantis collect --suite core --policy oracle --episodes 20 --out data/core",
            "  mantis collect --task pick_place --episodes 500 --seed 7 --out data/pp --only-success",
            "  mantis collect --suite core --episodes 20 --out data/core --resume"})
public final class CollectCommand implements Callable<Integer> {

    static final class Target {
        @Option(names = "--task", paramLabel = "ID|FILE", description = "One task: a bundled id or a YAML file.")
        String task;

        @Option(names = "--suite", paramLabel = "NAME", description = "A bundled suite, e.g. core.")
        String suite;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--policy", defaultValue = "oracle", paramLabel = "oracle|random|FILE.onnx",
            description = "Policy: the task's scripted oracle (default), random actions, or an ONNX model with a "
                    + "mantis.policy spec.")
    String policy;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|cuda|auto",
            description = "Where ONNX models run (default: ${DEFAULT-VALUE}); auto falls back to the CPU with a "
                    + "warning.")
    String device;

    @Option(names = "--episodes", defaultValue = "20", description = "Episodes per task (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", defaultValue = "0", description = "Run seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dataset directory (new, or "
            + "the one to resume).")
    Path out;

    @Option(names = "--resume", description = "Continue the run recorded in --out: skip its episodes, run the rest.")
    boolean resume;

    @Option(names = "--only-success", description = "Record only successful episodes.")
    boolean onlySuccess;

    @Option(names = "--workers", description = "Worker threads, one simulator each (default: all cores).")
    Integer workers;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (episodes < 1 || episodes > 1_000_000) {
            throw new InputException("--episodes " + episodes + ": give 1 to 1000000");
        }
        int threads = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        if (threads < 1 || threads > 256) {
            throw new InputException("--workers " + threads + ": give 1 to 256");
        }
        List<String> ids = target.task != null ? List.of(target.task) : TaskSource.suiteIds(target.suite);
        Map<String, String> yamlById = new LinkedHashMap<>();
        List<TaskSpec> tasks = new ArrayList<>();
        for (String id : ids) {
            TaskSpec t = TaskSource.task(id);
            tasks.add(t);
            yamlById.put(t.id(), TaskSource.yaml(id));
        }
        PrintWriter err = spec.commandLine().getErr();
        PolicySource policies = PolicySource.of(policy, device, err);
        RunManifest manifest = new RunManifest(tasks.stream().map(TaskSpec::id).toList(), episodes, seed, policy,
                onlySuccess);
        DatasetSpec datasetSpec = datasetSpec(tasks);
        try (policies) {
            policies.checkAll(tasks);
            return collect(tasks, yamlById, manifest, datasetSpec, policies, threads, err);
        }
    }

    private int collect(List<TaskSpec> tasks, Map<String, String> yamlById, RunManifest manifest,
            DatasetSpec datasetSpec, PolicySource policies, int threads, PrintWriter err) throws java.io.IOException {
        DatasetWriter writer;
        if (resume) {
            RunManifest before = RunManifest.read(out);
            if (before != null && !before.equals(manifest)) {
                throw new InputException(out + ": was collected with " + before + "; this run asks for " + manifest
                        + "; resume with the same --suite/--task, --episodes, --seed, --policy and --only-success");
            }
            writer = DatasetWriter.resume(out, datasetSpec);
        } else {
            writer = DatasetWriter.create(out, datasetSpec);
        }
        manifest.write(out, yamlById);
        ProgressBar bar = new ProgressBar(err, true, "episodes");
        long start = System.nanoTime();
        Collection.Summary summary;
        try (writer) {
            summary = Collection.run(tasks, episodes, seed, threads, policies.id(), policies, onlySuccess, writer,
                    bar::update);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        bar.finish();
        printSummary(spec.commandLine().getOut(), tasks, summary, writer, seconds, threads);
        return 0;
    }

    private static DatasetSpec datasetSpec(List<TaskSpec> tasks) {
        Task first = new Task(tasks.get(0));
        try (Scene scene = Scene.build(first.sceneSpec())) {
            return TaskRecording.spec(tasks, scene.robot(0));
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
