package dev.mantis.spark;

import dev.mantis.sim.task.Evaluation;
import java.util.List;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;

/**
 * Turns Spark's task-end events into episode progress: when a shard's first attempt to succeed
 * ends, its episodes count as done (retried and speculative attempts are counted once), and the
 * successes are the job's accumulator (which Spark merges from winning attempts only).
 */
final class ShardProgress extends SparkListener {

    private final int[] sizes;
    private final boolean[] done;
    private final LongAccumulator successes;
    private final Evaluation.Progress progress;
    private final int total;
    private int finished;
    private boolean closed;

    /** Progress of a job over {@code shards} (partition i runs shard i). */
    ShardProgress(List<Shard> shards, LongAccumulator successes, Evaluation.Progress progress) {
        this.sizes = shards.stream().mapToInt(Shard::size).toArray();
        this.done = new boolean[sizes.length];
        this.successes = successes;
        this.progress = progress;
        this.total = shards.stream().mapToInt(Shard::size).sum();
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        int i = end.taskInfo().index();
        if (closed || !end.taskInfo().successful() || i < 0 || i >= done.length || done[i]) {
            return;
        }
        done[i] = true;
        finished += sizes[i];
        progress.update(finished, (int) Math.min(successes.value(), finished), total);
    }

    /** Stops reporting (the job is over; the caller reports the end itself). */
    synchronized void close() {
        closed = true;
    }
}
