package dev.mantis.launch.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mantis.launch.InputException;
import dev.mantis.launch.policy.BatchedEvaluation;
import dev.mantis.launch.policy.PolicySource;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.EpisodeSafety;
import dev.mantis.sim.task.Evaluation;
import dev.mantis.sim.task.TaskSpec;
import dev.mantis.sim.task.TaskSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mantis eval}: run episodes of a task or suite and summarise them per task. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Run episodes of a task or a suite with a policy and print, per task, the success rate with "
                + "its 95%% interval, mean steps, mean reward and failures by reason.",
        footer = {"", "Examples:", "  mantis eval --suite core --policy oracle --episodes 20",
            "  mantis eval --task pick_place --policy oracle --episodes 100 --seed 7 --json",
            "  mantis eval --task reach --policy reach_bc.onnx --safety panda-safety.yaml",
            "  mantis eval --suite core --episodes 100 --spark spark://head:7077"})
public final class EvalCommand implements Callable<Integer> {

    @CommandLine.Mixin
    RunOptions run;

    @Option(names = "--batch", paramLabel = "K", description = "With an ONNX policy: run K scenes of a task in "
            + "lockstep on one thread, one ONNX Runtime call over their K observations per step.")
    Integer batch;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int episodes = run.episodes(100_000);
        int threads = run.threads();
        long seed = run.seed();
        List<TaskSpec> tasks = run.taskIds().stream().map(TaskSource::task).toList();
        PrintWriter err = spec.commandLine().getErr();
        List<EpisodeResult> results;
        long start;
        long end = 0;
        ProgressBar bar = new ProgressBar(err, !json, "episodes");
        EpisodeSafety safety = run.safety(tasks, err);
        Map<String, int[]> faults;
        try (PolicySource policies = PolicySource.of(run.policy(), run.device(), err)) {
            policies.checkAll(tasks);
            start = System.nanoTime();
            if (batch != null && run.spark() != null) {
                throw new InputException("--batch " + batch + " and --spark " + run.spark() + ": choose one; with "
                        + "--spark each executor core runs its own shard");
            }
            if (run.spark() != null) {
                // the rate is the job's, without Spark's start-up and stop
                try (SparkRun spark = SparkRun.start(run.spark())) {
                    threads = spark.parallelism();
                    start = System.nanoTime();
                    results = spark.evaluate(run.taskIds(), episodes, seed, run.policy(), run.device(),
                            safety.enabled() ? run.safetyYamlText() : null, run.safetyName(), bar);
                    end = System.nanoTime();
                }
            } else if (batch != null) {
                if (policies.model() == null || batch < 1 || batch > 4096) {
                    throw new InputException("--batch " + batch + ": give 1 to 4096, with --policy FILE.onnx");
                }
                results = BatchedEvaluation.run(tasks, episodes, seed, batch, policies.model(), policies.options(),
                        safety, bar::update);
            } else {
                results = Evaluation.run(tasks, episodes, seed, threads, policies, safety, bar::update);
            }
            if (end == 0) {
                end = System.nanoTime();
            }
            faults = policies.faults();
        }
        double seconds = (end - start) / 1e9;
        bar.finish();
        List<TaskSummary> summaries = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            summaries.add(TaskSummary.of(tasks.get(t).id(), results.subList(t * episodes, (t + 1) * episodes)));
        }
        double rate = results.size() / seconds;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> report = jsonReport(summaries, rate);
            report.put("safety", safety.enabled() ? run.safetyName() : "off");
            Map<String, Object> byTask = new LinkedHashMap<>();
            faults.forEach((task, f) -> byTask.put(task, Map.of("non_finite_outputs", f[0], "clamped_elements", f[1])));
            report.put("policy_faults", byTask);
            out.println(new ObjectMapper().writeValueAsString(report));
        } else {
            printTable(out, summaries, rate, threads);
            if (safety.enabled()) {
                printSafety(out, summaries, run.safetyName());
            }
            faults.forEach((task, f) -> {
                if (f[0] > 0 || f[1] > 0) {
                    out.printf(Locale.ROOT, "%s: the policy gave %d non-finite actions (the last safe one was held) "
                            + "and %d action elements out of bounds (clamped)%n", task, f[0], f[1]);
                }
            });
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> jsonReport(List<TaskSummary> summaries, double rate) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TaskSummary s : summaries) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", s.id());
            row.put("episodes", s.episodes());
            row.put("successes", s.successes());
            row.put("success_rate", s.successRate());
            row.put("ci95", new double[] {s.ci95Low(), s.ci95High()});
            row.put("mean_steps", s.meanSteps());
            row.put("mean_reward", s.meanReward());
            row.put("failures", s.failures());
            row.put("safety_events", s.safetyEvents());
            rows.add(row);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tasks", rows);
        root.put("episodes_per_s", rate);
        return root;
    }

    /** Per task, the safety layer's events by kind, or that there were none. */
    public static void printSafety(PrintWriter out, List<TaskSummary> summaries, String settings) {
        int total = summaries.stream().mapToInt(s -> s.safetyEvents().values().stream().mapToInt(Integer::intValue)
                .sum()).sum();
        if (total == 0) {
            out.printf(Locale.ROOT, "safety (%s): no clamps or stops%n", settings);
            return;
        }
        out.printf(Locale.ROOT, "safety (%s): %d event%s%n", settings, total, total == 1 ? "" : "s");
        for (TaskSummary s : summaries) {
            if (!s.safetyEvents().isEmpty()) {
                out.printf(Locale.ROOT, "  %-16s %s%n", s.id(), s.safetyEvents());
            }
        }
    }

    /** The per-task table: episodes, success rate with its interval, steps, reward, failures; then the rate. */
    public static void printTable(PrintWriter out, List<TaskSummary> summaries, double rate, int threads) {
        out.printf(Locale.ROOT, "%-16s %8s %9s %17s %10s %11s  %s%n", "task", "episodes", "success", "95% interval",
                "mean steps", "mean reward", "failures");
        for (TaskSummary s : summaries) {
            out.printf(Locale.ROOT, "%-16s %8d %8.1f%% %7.1f%% - %5.1f%% %10.1f %11.2f  %s%n", s.id(), s.episodes(),
                    100 * s.successRate(), 100 * s.ci95Low(), 100 * s.ci95High(), s.meanSteps(), s.meanReward(),
                    s.failures().isEmpty() ? "-" : s.failures().toString());
        }
        out.printf(Locale.ROOT, "%.2f episodes/s on %d worker thread%s%n", rate, threads, threads == 1 ? "" : "s");
    }
}
