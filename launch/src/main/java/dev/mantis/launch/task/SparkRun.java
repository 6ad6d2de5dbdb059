package dev.mantis.launch.task;

import dev.mantis.launch.InputException;
import dev.mantis.launch.policy.PolicySource;
import dev.mantis.robot.dataset.DatasetWriter;
import dev.mantis.sim.record.Collection;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.TaskGenerator;
import dev.mantis.sim.task.TaskSpec;
import dev.mantis.spark.PolicyProvider;
import dev.mantis.spark.ShardFault;
import dev.mantis.spark.ShardSafety;
import dev.mantis.spark.SparkCollection;
import dev.mantis.spark.SparkEvaluation;
import dev.mantis.spark.SparkJobs;
import dev.mantis.spark.SparkTaskGeneration;
import dev.mantis.spark.TaskYaml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code --spark MASTER} of {@code mantis collect}, {@code mantis eval} and {@code mantis tasks
 * generate}: the run as a Spark job (module {@code spark}), with the progress bar fed by Spark's
 * listener. The only class of the command line that touches Spark, so other verbs never load it.
 */
public final class SparkRun implements AutoCloseable {

    private final JavaSparkContext sc;

    private SparkRun(JavaSparkContext sc) {
        this.sc = sc;
    }

    /**
     * Starts Spark for {@code --spark master}. Off {@code local}, executors get this program's jar
     * (unless spark-submit already named the jars).
     *
     * @throws InputException for a master Spark does not know
     */
    public static SparkRun start(String master) {
        try {
            SparkJobs.master(master);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        Map<String, String> settings = new LinkedHashMap<>();
        Path jar = ownJar();
        if (!master.startsWith("local") && System.getProperty("spark.jars") == null && jar != null) {
            settings.put("spark.jars", jar.toString());
        }
        return new SparkRun(SparkJobs.start(master, "mantis", settings));
    }

    /** Executor cores the job can use (what the summary calls workers). */
    public int parallelism() {
        return sc.defaultParallelism();
    }

    /**
     * {@link SparkCollection#run} of the run described, into {@code writer}; behind the safety
     * layer set by {@code safetyYaml} (a --safety file's text, "" for the defaults, null for off)
     * named {@code safetyName}.
     */
    public Collection.Summary collect(List<String> taskIds, int episodes, long seed, String policy, String device,
            String policyId, String safetyYaml, String safetyName, boolean onlySuccess, Path staging,
            DatasetWriter writer, ProgressBar bar) throws IOException {
        SparkCollection.Job job = new SparkCollection.Job(yamls(taskIds), episodes, seed, new Policies(policy, device),
                new ShardSafety(safetyYaml, safetyName), onlySuccess, staging.toAbsolutePath().toString(),
                ShardFault.NONE);
        return SparkCollection.run(sc, job, policyId, 0, writer, bar::update);
    }

    /** {@link SparkEvaluation#run} of the run described, behind the safety layer as for {@link #collect}. */
    public List<EpisodeResult> evaluate(List<String> taskIds, int episodes, long seed, String policy, String device,
            String safetyYaml, String safetyName, ProgressBar bar) {
        SparkEvaluation.Job job = new SparkEvaluation.Job(yamls(taskIds), episodes, seed, new Policies(policy, device),
                new ShardSafety(safetyYaml, safetyName), ShardFault.NONE);
        return SparkEvaluation.run(sc, job, 0, bar::update);
    }

    /** {@link TaskGenerator#generate} with the candidates checked by {@link SparkTaskGeneration}. */
    public List<TaskGenerator.Candidate> generate(int count, long seed, List<TaskSpec> existing, ProgressBar bar) {
        return TaskGenerator.generate(count, seed, existing, SparkTaskGeneration.checks(sc), bar::update);
    }

    @Override
    public void close() {
        sc.stop();
    }

    private static List<TaskYaml> yamls(List<String> taskIds) {
        return taskIds.stream().map(id -> new TaskYaml(TaskSource.yaml(id), TaskSource.source(id))).toList();
    }

    /** The jar this program runs from, or null when it runs from classes (tests, an IDE). */
    private static Path ownJar() {
        try {
            Path p = Path.of(SparkRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** {@code --policy} and {@code --device} as executors open them: a {@link PolicySource} per shard. */
    private record Policies(String policy, String device) implements PolicyProvider {
        private static final long serialVersionUID = 1L;

        @Override
        public dev.mantis.sim.task.PolicyFactory open() {
            return PolicySource.of(policy, device, new PrintWriter(System.err, true));
        }
    }
}
