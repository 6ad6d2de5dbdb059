package dev.mantis.launch.dataset;

import dev.mantis.launch.InputException;
import dev.mantis.launch.policy.PolicySource;
import dev.mantis.launch.task.EvalCommand;
import dev.mantis.launch.task.ProgressBar;
import dev.mantis.launch.task.RunOptions;
import dev.mantis.launch.task.SparkRun;
import dev.mantis.launch.task.TaskSource;
import dev.mantis.robot.dataset.DatasetSpec;
import dev.mantis.robot.dataset.DatasetWriter;
import dev.mantis.sim.record.Collection;
import dev.mantis.sim.record.TaskRecording;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.EpisodeSafety;
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
            "  mantis collect --suite core --episodes 20 --out data/core --spark local[4]"})
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int episodes = run.episodes(1_000_000);
        int threads = run.threads();
        List<String> ids = run.taskIds();
        Map<String, String> yamlById = new LinkedHashMap<>();
        List<TaskSpec> tasks = new ArrayList<>();
        for (String id : ids) {
            TaskSpec t = TaskSource.task(id);
            tasks.add(t);
            yamlById.put(t.id(), TaskSource.yaml(id));
        }
        PrintWriter err = spec.commandLine().getErr();
        PolicySource policies = PolicySource.of(run.policy(), run.device(), err);
        RunManifest manifest = new RunManifest(tasks.stream().map(TaskSpec::id).toList(), episodes, run.seed(),
                run.policy(), onlySuccess, run.safetyName());
        EpisodeSafety safety = run.safety(tasks, err);
        DatasetSpec datasetSpec = datasetSpec(tasks, safety.enabled());
        try (policies) {
            policies.checkAll(tasks);
            return collect(tasks, yamlById, manifest, datasetSpec, policies, safety, threads, err);
        }
    }

    private int collect(List<TaskSpec> tasks, Map<String, String> yamlById, RunManifest manifest,
            DatasetSpec datasetSpec, PolicySource policies, EpisodeSafety safety, int threads, PrintWriter err)
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
        try (writer) {
            if (run.spark() != null) {
                try (SparkRun spark = SparkRun.start(run.spark())) {
                    start = System.nanoTime(); // the rate is the job's, without Spark's start-up
                    workers = spark.parallelism();
                    summary = spark.collect(run.taskIds(), episodes, run.seed(), run.policy(), run.device(),
                            policies.id(), safety.enabled() ? run.safetyYamlText() : null, run.safetyName(),
                            onlySuccess, staging != null ? staging : SparkCollection.defaultStaging(out), writer, bar);
                }
            } else {
                summary = Collection.run(tasks, episodes, run.seed(), threads, policies.id(), policies, onlySuccess,
                        safety, writer, bar::update);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
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

    private static DatasetSpec datasetSpec(List<TaskSpec> tasks, boolean safety) {
        try {
            return TaskRecording.spec(tasks, safety);
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
