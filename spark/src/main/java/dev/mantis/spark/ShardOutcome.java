package dev.mantis.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What one successful attempt at a shard returns to the driver: its items' outcomes, in order
 * (episodes' {@link Outcome}s, generated tasks' verdicts), and (when collecting) the staging file
 * that holds the frames of the episodes to record.
 *
 * @param <T> an item's outcome
 * @param shard the shard's index
 * @param staged the attempt's {@link StagedEpisodes} file, or null when nothing is recorded
 * @param outcomes one per item of the shard
 */
public record ShardOutcome<T extends Serializable>(int shard, String staged, List<T> outcomes)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
