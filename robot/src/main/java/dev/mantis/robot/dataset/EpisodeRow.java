package dev.mantis.robot.dataset;

import java.util.List;
import java.util.Map;

/**
 * One row of the episodes table ({@code meta/episodes/chunk-XXX/file-XXX.parquet}): an episode's
 * index, tasks, length, where its frames are (data file and the global index range
 * [from, to)), where its row is, its per-feature statistics, its video spans and the extra
 * columns (e.g. {@code mantis/seed}: Long, Double, Boolean, String, long[] or double[] values).
 */
public record EpisodeRow(long episodeIndex, List<String> tasks, long length, DatasetLayout.FileId data,
        long datasetFromIndex, long datasetToIndex, DatasetLayout.FileId meta, Map<String, FeatureStats> stats,
        Map<String, VideoSpan> videos, Map<String, Object> extras) {

    public EpisodeRow {
        tasks = List.copyOf(tasks);
        stats = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stats));
        videos = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(videos));
        extras = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extras));
    }

    /** The extra column {@code name}, or null when the table has no such column. */
    public Object extra(String name) {
        return extras.get(name);
    }
}
