package dev.mantis.spark;

import dev.mantis.sim.task.Evaluation;
import dev.mantis.sim.task.TaskGenerator;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;

/**
 * {@link TaskGenerator}'s acceptance checks as a Spark job: the candidates are drawn on the driver
 * (cheap), checked in shards on the executors (resets and oracle episodes: the cost), and judged
 * for duplicates on the driver in index order, so the outcome is the same as on local threads.
 */
public final class SparkTaskGeneration {

    private SparkTaskGeneration() {
    }

    /** Checks on {@code sc}, in shards of about four per executor core. */
    public static TaskGenerator.Checks checks(JavaSparkContext sc) {
        return (drafts, progress) -> check(sc, drafts, progress, ShardFault.NONE);
    }

    static List<TaskGenerator.Candidate> check(JavaSparkContext sc, List<TaskGenerator.Draft> drafts,
            Evaluation.Progress progress, ShardFault fault) {
        ArrayList<Draft> texts = new ArrayList<>(); // serializable, for the broadcast
        drafts.forEach(d -> texts.add(new Draft(d.index(), d.id(), d.yaml(), d.source())));
        List<Shard> shards = Shard.plan(1, texts.size(), 0, Shard.sizeFor(texts.size(), sc.defaultParallelism()));
        LongAccumulator accepted = sc.sc().longAccumulator("mantis accepted");
        List<TaskGenerator.Candidate> out = new ArrayList<>();
        try {
            ShardJobs.run(sc, shards, accepted, progress, new CheckShard(sc.broadcast(texts), accepted, fault),
                    "mantis tasks generate",
                    o -> o.outcomes().forEach(v -> out.add(v.candidate())));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the sink above does no I/O
        }
        progress.update(out.size(), (int) out.stream().filter(TaskGenerator.Candidate::accepted).count(), out.size());
        return out;
    }

    /** A draft as it travels to executors. */
    private record Draft(int index, String id, String yaml, String source) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A verdict as it travels back. */
    private record Verdict(int index, String id, String yaml, String rejection) implements Serializable {
        private static final long serialVersionUID = 1L;

        TaskGenerator.Candidate candidate() {
            return new TaskGenerator.Candidate(index, id, yaml, rejection);
        }
    }

    /** The executor side: checks one shard's drafts. */
    private static final class CheckShard implements Function<Shard, ShardOutcome<Verdict>> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<List<Draft>> drafts;
        private final LongAccumulator accepted;
        private final ShardFault fault;

        CheckShard(Broadcast<List<Draft>> drafts, LongAccumulator accepted, ShardFault fault) {
            this.drafts = drafts;
            this.accepted = accepted;
            this.fault = fault;
        }

        @Override
        public ShardOutcome<Verdict> call(Shard shard) {
            int attempt = TaskContext.get().attemptNumber();
            List<Verdict> verdicts = new ArrayList<>();
            for (int i = shard.from(); i < shard.to(); i++) {
                Draft d = drafts.value().get(i);
                TaskGenerator.Candidate c = TaskGenerator.check(new TaskGenerator.Draft(d.index(), d.id(), d.yaml(),
                        d.source()));
                verdicts.add(new Verdict(c.index(), c.id(), c.yaml(), c.rejection()));
                if (c.accepted()) {
                    accepted.add(1);
                }
                fault.afterEpisode(shard.index(), attempt, i - shard.from() + 1);
            }
            return new ShardOutcome<>(shard.index(), null, verdicts);
        }
    }
}
