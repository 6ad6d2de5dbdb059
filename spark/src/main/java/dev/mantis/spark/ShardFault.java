package dev.mantis.spark;

import java.io.Serializable;

/**
 * Told on the executor after each episode of a shard attempt (after its frames were staged, when
 * it is recorded); throwing from it, or ending the JVM, fails the attempt there. How the tests
 * inject executor failures; real jobs use {@link #NONE}.
 */
public interface ShardFault extends Serializable {

    /** Never fails. */
    ShardFault NONE = (shard, attempt, done) -> { };

    /** After attempt {@code attempt} (0 first) of shard {@code shard} ran {@code done} of its episodes. */
    void afterEpisode(int shard, int attempt, int done);
}
