package dev.mantis.spark;

import dev.mantis.sim.task.Evaluation;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.LongAccumulator;

/** Runs one Spark task per shard and returns the winning attempts' outcomes in shard order. */
final class ShardJobs {

    private ShardJobs() {
    }

    /**
     * Runs {@code work} over {@code shards} (one partition each), telling {@code progress} as
     * shards end; the result holds, per shard in order, what its first successful attempt returned.
     */
    static List<ShardOutcome> run(JavaSparkContext sc, List<Shard> shards, LongAccumulator successes,
            Evaluation.Progress progress, Function<Shard, ShardOutcome> work, String description) {
        ShardProgress listener = new ShardProgress(shards, successes, progress);
        sc.sc().addSparkListener(listener);
        try {
            sc.setJobDescription(description + ": " + shards.size() + " shards");
            List<ShardOutcome> outcomes = sc.parallelize(shards, shards.size()).map(work).collect();
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i).shard() != i) {
                    throw new IllegalStateException("shard " + i + " came back as shard " + outcomes.get(i).shard());
                }
            }
            return outcomes;
        } finally {
            listener.close();
            sc.sc().removeSparkListener(listener);
        }
    }
}
