package dev.mantis.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of episodes of one task that one Spark task runs: episodes {@code from} to
 * {@code to - 1} of task {@code task}, at run positions {@code task * episodes + k}.
 *
 * @param index position in the plan (shards are committed in this order)
 * @param task position of the task in the run
 * @param from first episode index (within the task)
 * @param to end episode index, exclusive
 */
public record Shard(int index, int task, int from, int to) implements Serializable {

    private static final long serialVersionUID = 1L;
    /** How many shards {@link #planByWeight} makes of one executor core's share of the work. */
    public static final int SHARDS_PER_SLOT = 8;

    /** Episodes in the shard. */
    public int size() {
        return to - from;
    }

    /**
     * The shards of run positions {@code start} to {@code tasks * episodes - 1} (task-major), at
     * most {@code size} episodes each and never spanning two tasks, in run order.
     */
    public static List<Shard> plan(int tasks, int episodes, int start, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a shard holds at least one episode, not " + size);
        }
        List<Shard> shards = new ArrayList<>();
        for (int job = start; job < tasks * episodes; ) {
            int task = job / episodes;
            int k = job % episodes;
            int to = Math.min(episodes, k + size);
            shards.add(new Shard(shards.size(), task, k, to));
            job += to - k;
        }
        return shards;
    }

    /**
     * The shards of run positions {@code start} to {@code weights.length * episodes - 1}
     * (task-major, in run order, never spanning two tasks), sized by work rather than by count:
     * an episode of task {@code t} weighs {@code weights[t]} (e.g. its horizon, the most control
     * steps it may take), and each shard holds as many episodes of its task as fit in one
     * {@value #SHARDS_PER_SLOT}th of one of {@code slots} executor cores' share of the whole (at
     * least one). So a task of long episodes is cut into smaller shards, and when the last shards
     * run, the other cores wait little for the slowest. Weights only estimate an episode's time
     * (oracle episodes end at success, and scenes differ: in the core suite an episode's seconds
     * per horizon step differ 6-fold between tasks), hence shards this small: with a quarter of a
     * share, one late shard of long episodes kept one of two cores waiting for 0.5 s at the end of
     * a 200-episode core-suite collection.
     */
    public static List<Shard> planByWeight(double[] weights, int episodes, int start, int slots) {
        double total = 0;
        for (int job = start; job < weights.length * episodes; job++) {
            total += weights[job / episodes];
        }
        double budget = total / (SHARDS_PER_SLOT * Math.max(1, slots));
        List<Shard> shards = new ArrayList<>();
        for (int job = start; job < weights.length * episodes; ) {
            int task = job / episodes;
            int k = job % episodes;
            int size = Math.max(1, (int) Math.floor(budget / weights[task] + 1e-9));
            int to = Math.min(episodes, k + size);
            shards.add(new Shard(shards.size(), task, k, to));
            job += to - k;
        }
        return shards;
    }

    /**
     * The shard size that gives each of {@code slots} executor cores about four shards of the
     * {@code remaining} episodes (so a slow shard does not hold up the end of the job).
     */
    public static int sizeFor(int remaining, int slots) {
        return Math.max(1, (int) Math.ceil(remaining / (4.0 * Math.max(1, slots))));
    }
}
