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
     * The shard size that gives each of {@code slots} executor cores about four shards of the
     * {@code remaining} episodes (so a slow shard does not hold up the end of the job).
     */
    public static int sizeFor(int remaining, int slots) {
        return Math.max(1, (int) Math.ceil(remaining / (4.0 * Math.max(1, slots))));
    }
}
