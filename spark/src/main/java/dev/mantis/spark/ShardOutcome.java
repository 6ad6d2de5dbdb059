package dev.mantis.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What one successful attempt at a shard returns to the driver: its episodes' outcomes, in episode
 * order, and (when collecting) the staging file that holds the frames of the episodes to record.
 *
 * @param shard the shard's index
 * @param staged the attempt's {@link StagedEpisodes} file, or null when nothing is recorded
 * @param outcomes one per episode of the shard
 */
public record ShardOutcome(int shard, String staged, List<Outcome> outcomes) implements Serializable {

    private static final long serialVersionUID = 1L;
}
