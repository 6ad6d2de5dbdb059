package dev.mantis.spark;

import dev.mantis.robot.safety.SafeRobot;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.EpisodeRunner;
import dev.mantis.sim.task.EpisodeSeeds;
import dev.mantis.sim.task.Evaluation;
import dev.mantis.sim.task.PolicyFactory;
import dev.mantis.sim.task.StepRecorder;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.LongAccumulator;

/**
 * An {@link Evaluation} run as a Spark job: shards of episodes, each run by one Spark task with its
 * own simulator, episode k of a task seeded {@link EpisodeSeeds#of}(seed, task, k) as without
 * Spark, so the results are the same; only the results travel back to the driver.
 */
public final class SparkEvaluation {

    /**
     * What every shard needs to know.
     *
     * @param tasks the tasks, in order
     * @param episodes episodes per task
     * @param seed run seed
     * @param policy the policies executors open
     * @param safety the safety layer executors run episodes behind
     * @param fault told after each episode (tests inject failures with it)
     */
    public record Job(List<TaskYaml> tasks, int episodes, long seed, PolicyProvider policy, ShardSafety safety,
            ShardFault fault)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        /** A copy, so that the job sent to executors holds a serializable list. */
        public Job {
            tasks = new ArrayList<>(tasks);
        }
    }

    private SparkEvaluation() {
    }

    /**
     * Runs {@code job} on {@code sc} in shards of {@code shardSize} episodes (0: shards sized by the
     * tasks' horizons, {@link Shard#planByWeight}); results ordered by task then episode index, as
     * {@link Evaluation#run}.
     */
    public static List<EpisodeResult> run(JavaSparkContext sc, Job job, int shardSize, Evaluation.Progress progress) {
        int total = job.tasks().size() * job.episodes();
        List<Shard> shards = shardSize > 0 ? Shard.plan(job.tasks().size(), job.episodes(), 0, shardSize)
                : Shard.planByWeight(SparkCollection.horizons(job.tasks()), job.episodes(), 0, sc.defaultParallelism());
        LongAccumulator successes = sc.sc().longAccumulator("mantis successes");
        List<EpisodeResult> results = new ArrayList<>();
        try {
            ShardJobs.run(sc, shards, successes, progress, new EvaluateShard(job, successes), "mantis eval",
                    o -> o.outcomes().forEach(x -> results.add(x.result())));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the sink above does no I/O
        }
        progress.update(total, (int) results.stream().filter(EpisodeResult::success).count(), total);
        return results;
    }

    /** The executor side: runs one shard's episodes. */
    private static final class EvaluateShard implements Function<Shard, ShardOutcome<Outcome>> {
        private static final long serialVersionUID = 1L;
        private final Job job;
        private final LongAccumulator successes;

        EvaluateShard(Job job, LongAccumulator successes) {
            this.job = job;
            this.successes = successes;
        }

        @Override
        public ShardOutcome<Outcome> call(Shard shard) throws Exception {
            int attempt = TaskContext.get().attemptNumber();
            TaskSpec spec = job.tasks().get(shard.task()).spec();
            Task task = new Task(spec);
            PolicyFactory policy = job.policy().open();
            List<Outcome> outcomes = new ArrayList<>();
            try (Scene scene = Scene.build(task.sceneSpec())) {
                Optional<SafeRobot> safety = job.safety().open(spec.robot()).wrap(scene);
                for (int k = shard.from(); k < shard.to(); k++) {
                    long seed = EpisodeSeeds.of(job.seed(), spec.id(), k);
                    EpisodeResult r = EpisodeRunner.run(task, scene, safety, k, seed, s -> policy.create(task, s, seed),
                            StepRecorder.NONE);
                    outcomes.add(Outcome.of(r, ""));
                    if (r.success()) {
                        successes.add(1);
                    }
                    job.fault().afterEpisode(shard.index(), attempt, k - shard.from() + 1);
                }
                return new ShardOutcome<>(shard.index(), null, outcomes);
            } finally {
                if (policy instanceof AutoCloseable c) {
                    c.close();
                }
            }
        }
    }
}
