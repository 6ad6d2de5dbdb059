package dev.mantis.spark;

import dev.mantis.robot.dataset.DatasetWriter;
import dev.mantis.robot.dataset.EpisodeEncoder;
import dev.mantis.sim.record.Collection;
import dev.mantis.sim.record.EpisodeRecorder;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.PolicyFactory;
import dev.mantis.sim.task.TaskSpec;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.LongAccumulator;

/**
 * A {@link Collection} run as a Spark job. The run's episodes (task-major, after those the dataset
 * already holds) are split into {@link Shard}s; each Spark task runs one shard with its own
 * simulator ({@link EpisodeRecorder}, the single-process collection's) and stages the frames of the
 * episodes to record in its own attempt directory, {@code STAGING/shard-S/attempt-A-ID/}. As
 * shards end, the driver reads, shard by shard in run order, only the file of the attempt the job
 * returned for that shard and feeds its episodes through the same {@link DatasetWriter} a
 * single-process run uses: indices, the tasks table, episode rows and stats come out
 * byte-identical to {@code mantis collect} without Spark. Failed, killed and losing speculative
 * attempts leave files nobody reads; a shard's staging directory is deleted once it is committed.
 */
public final class SparkCollection {

    /**
     * What every shard needs to know (sent to the executors).
     *
     * @param tasks the run's tasks, in order
     * @param episodes episodes per task
     * @param seed run seed
     * @param policy the policies executors open
     * @param safety the safety layer executors run episodes behind
     * @param onlySuccess record only successful episodes
     * @param staging the staging directory: one that the driver and every executor see (a local
     *     path with {@code local[K]}, a shared file system on a cluster)
     * @param fault told after each episode (tests inject failures with it)
     */
    public record Job(List<TaskYaml> tasks, int episodes, long seed, PolicyProvider policy, ShardSafety safety,
            boolean onlySuccess, String staging, ShardFault fault) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** A copy, so that the job sent to executors holds a serializable list. */
        public Job {
            tasks = new ArrayList<>(tasks);
        }
    }

    private SparkCollection() {
    }

    /**
     * Runs {@code job} on {@code sc} in shards of {@code shardSize} episodes (0: shards sized by
     * the tasks' horizons, {@link Shard#planByWeight}) and commits the recorded episodes into
     * {@code writer}, whose run it continues. {@code progress} is told from Spark's listener thread as shards finish.
     */
    public static Collection.Summary run(JavaSparkContext sc, Job job, String policyId, int shardSize,
            DatasetWriter writer, Collection.Progress progress) throws IOException {
        int start = Collection.firstJob(writer);
        int total = job.tasks().size() * job.episodes();
        Path staging = Path.of(job.staging());
        clearStaging(staging); // what a killed earlier run staged
        List<Shard> shards = shardSize > 0 ? Shard.plan(job.tasks().size(), job.episodes(), start, shardSize)
                : Shard.planByWeight(horizons(job.tasks()), job.episodes(), start, sc.defaultParallelism());
        if (shards.isEmpty()) {
            return new Collection.Summary(List.of(), start, 0);
        }
        LongAccumulator successes = sc.sc().longAccumulator("mantis successes");
        List<EpisodeResult> results = new ArrayList<>();
        int[] counts = new int[2]; // recorded, successes
        ShardJobs.run(sc, shards, successes, progress::update, new RecordShard(job, successes), "mantis collect", o -> {
            Shard s = shards.get(o.shard());
            int first = s.task() * job.episodes() + s.from();
            try (StagedEpisodes.Reader in = new StagedEpisodes.Reader(Path.of(o.staged()),
                    writer.spec().frameFeatures())) {
                for (StagedEpisodes.Episode e = in.next(); e != null; e = in.next()) {
                    Outcome x = o.outcomes().get(e.job() - first);
                    writer.writeEpisode(e.frames(), e.instruction(), EpisodeRecorder.extras(x.result(), policyId,
                            e.job(), e.initialState(), x.safetyEventCount(), job.safety().enabled() ? x.safetyLog()
                            : null));
                    counts[0]++;
                }
            }
            for (Outcome x : o.outcomes()) {
                results.add(x.result());
                counts[1] += x.success() ? 1 : 0;
            }
            deleteTree(Path.of(o.staged()).getParent().getParent()); // every attempt of the shard
        });
        clearStaging(staging);
        if (Files.isDirectory(staging)) {
            try (Stream<Path> left = Files.list(staging)) {
                if (left.findAny().isEmpty()) { // only if nothing else is in it
                    Files.delete(staging);
                }
            }
        }
        progress.update(total - start, counts[1], total - start);
        return new Collection.Summary(results, start, counts[0]);
    }

    /** Each task's horizon (control steps), the weight of its episodes in a shard plan. */
    static double[] horizons(List<TaskYaml> tasks) {
        return tasks.stream().mapToDouble(t -> t.spec().horizon()).toArray();
    }

    /** The default staging directory of a dataset: beside it, {@code OUT.staging}. */
    public static Path defaultStaging(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".staging");
    }

    /** Deletes the shard directories in {@code staging} (and nothing else a user might keep there). */
    private static void clearStaging(Path staging) throws IOException {
        if (!Files.isDirectory(staging)) {
            return;
        }
        try (Stream<Path> entries = Files.list(staging)) {
            for (Path p : entries.filter(e -> e.getFileName().toString().matches("shard-\\d+")).toList()) {
                deleteTree(p);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The executor side: runs one shard and stages its recorded episodes. */
    private static final class RecordShard implements Function<Shard, ShardOutcome<Outcome>> {
        private static final long serialVersionUID = 1L;
        private final Job job;
        private final LongAccumulator successes;

        RecordShard(Job job, LongAccumulator successes) {
            this.job = job;
            this.successes = successes;
        }

        @Override
        public ShardOutcome<Outcome> call(Shard shard) throws Exception {
            TaskContext context = TaskContext.get();
            int attempt = context.attemptNumber();
            Path dir = Path.of(job.staging()).resolve(String.format(Locale.ROOT, "shard-%05d/attempt-%d-%d",
                    shard.index(), attempt, context.taskAttemptId()));
            List<TaskSpec> specs = job.tasks().stream().map(TaskYaml::spec).toList();
            PolicyFactory policy = job.policy().open();
            List<Outcome> outcomes = new ArrayList<>();
            EpisodeEncoder encoder = null;
            TaskSpec spec = specs.get(shard.task());
            try (EpisodeRecorder recorder = EpisodeRecorder.forRun(spec, specs, job.safety().open(spec.robot()));
                    StagedEpisodes.Writer out = new StagedEpisodes.Writer(dir)) {
                for (int k = shard.from(); k < shard.to(); k++) {
                    int at = shard.task() * job.episodes() + k;
                    EpisodeRecorder.Recorded e = recorder.run(at, k, job.seed(), policy);
                    outcomes.add(Outcome.of(e.result(), EpisodeRecorder.safetyLog(e.safetyEvents())));
                    if (e.result().success()) {
                        successes.add(1);
                    }
                    if (e.written(job.onlySuccess())) {
                        if (encoder == null) {
                            encoder = new EpisodeEncoder(e.frames().features());
                        }
                        out.write(new StagedEpisodes.Episode(at, e.instruction(), e.initialState(),
                                encoder.encode(e.frames())));
                    }
                    job.fault().afterEpisode(shard.index(), attempt, k - shard.from() + 1);
                }
                return new ShardOutcome<>(shard.index(), out.finish().toString(), outcomes);
            } finally {
                if (policy instanceof AutoCloseable c) {
                    c.close();
                }
            }
        }
    }
}
