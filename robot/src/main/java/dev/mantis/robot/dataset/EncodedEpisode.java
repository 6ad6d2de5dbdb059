package dev.mantis.robot.dataset;

import dev.mantis.robot.dataset.parquet.RowGroupBlob;
import java.util.List;
import java.util.Map;

/**
 * The recorded frames of one episode, already encoded by an {@link EpisodeEncoder}: the Parquet
 * column chunks of the dataset's recorded features and their per-episode statistics, ready for
 * {@link DatasetWriter#writeEpisode(EncodedEpisode, String, Map)}, which only adds the index
 * columns that depend on the episode's place in the dataset. Immutable.
 */
public final class EncodedEpisode {

    private final List<DatasetFeature> features;
    private final int length;
    private final RowGroupBlob columns;
    private final Map<String, FeatureStats> stats;

    EncodedEpisode(List<DatasetFeature> features, int length, RowGroupBlob columns, Map<String, FeatureStats> stats) {
        this.features = features;
        this.length = length;
        this.columns = columns;
        this.stats = stats;
    }

    /** The recorded features it holds, in column order. */
    public List<DatasetFeature> features() {
        return features;
    }

    /** Number of frames. */
    public int length() {
        return length;
    }

    /** The encoded column chunks of {@link #features()}. */
    RowGroupBlob columns() {
        return columns;
    }

    /** Per feature, the statistics of the episode's frames, in column order. */
    Map<String, FeatureStats> stats() {
        return stats;
    }
}
