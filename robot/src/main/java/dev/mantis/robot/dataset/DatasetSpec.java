package dev.mantis.robot.dataset;

import dev.mantis.robot.dataset.parquet.ParquetColumn;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a dataset records: the robot type, frames per second, the per-frame features (numeric
 * vectors and videos; the LeRobot bookkeeping features timestamp, frame_index, episode_index,
 * index and task_index are added by the writer), extra per-episode columns of the episodes table
 * (e.g. {@code mantis/seed}), and the file size limits past which a new file starts.
 *
 * @param dataFileBytes a data file takes no more episodes once it holds this many bytes
 * @param videoFileBytes the same for video files
 * @param chunksSize files per chunk directory
 */
public record DatasetSpec(String robotType, int fps, List<DatasetFeature> features, List<ParquetColumn> episodeColumns,
        long dataFileBytes, long videoFileBytes, int chunksSize) {

    /** LeRobot's defaults: 100 MB data files, 200 MB video files, 1000 files a chunk. */
    public static final long DEFAULT_DATA_FILE_BYTES = 100L << 20;
    /** See {@link #DEFAULT_DATA_FILE_BYTES}. */
    public static final long DEFAULT_VIDEO_FILE_BYTES = 200L << 20;
    /** See {@link #DEFAULT_DATA_FILE_BYTES}. */
    public static final int DEFAULT_CHUNKS_SIZE = 1000;
    /** The features every frame carries besides the recorded ones, in info.json order. */
    public static final List<DatasetFeature> DEFAULT_FEATURES = List.of(
            DatasetFeature.numeric("timestamp", "float32", 1, List.of()),
            DatasetFeature.numeric("frame_index", "int64", 1, List.of()),
            DatasetFeature.numeric("episode_index", "int64", 1, List.of()),
            DatasetFeature.numeric("index", "int64", 1, List.of()),
            DatasetFeature.numeric("task_index", "int64", 1, List.of()));

    public DatasetSpec {
        features = List.copyOf(features);
        episodeColumns = List.copyOf(episodeColumns);
        if (fps <= 0) {
            throw new IllegalArgumentException("fps must be > 0, got " + fps);
        }
        Set<String> seen = new HashSet<>();
        for (DatasetFeature f : features) {
            if (!seen.add(f.name()) || DEFAULT_FEATURES.stream().anyMatch(d -> d.name().equals(f.name()))) {
                throw new IllegalArgumentException("feature '" + f.name() + "' is given twice or is a LeRobot default");
            }
            if (!f.isVideo() && !f.isNumeric()) {
                throw new IllegalArgumentException("feature '" + f.name() + "' (" + f.dtype() + " " + f.shape()
                        + ") is neither a one-dimensional number vector nor a video");
            }
        }
        for (ParquetColumn c : episodeColumns) {
            if (!c.name().startsWith("mantis/")) {
                throw new IllegalArgumentException("extra episode column '" + c.name()
                        + "' must be named mantis/... so that it never clashes with LeRobot's own columns");
            }
        }
    }

    /** A spec with LeRobot's default file sizes. */
    public DatasetSpec(String robotType, int fps, List<DatasetFeature> features, List<ParquetColumn> episodeColumns) {
        this(robotType, fps, features, episodeColumns, DEFAULT_DATA_FILE_BYTES, DEFAULT_VIDEO_FILE_BYTES,
                DEFAULT_CHUNKS_SIZE);
    }

    /** The same spec with other file size limits. */
    public DatasetSpec withFileSizes(long dataBytes, long videoBytes, int chunks) {
        return new DatasetSpec(robotType, fps, features, episodeColumns, dataBytes, videoBytes, chunks);
    }

    /** The recorded numeric features (the columns an {@link EpisodeBuffer} fills), in order. */
    public List<DatasetFeature> frameFeatures() {
        return features.stream().filter(f -> !f.isVideo()).toList();
    }

    /** The video features, in order. */
    public List<DatasetFeature> videoFeatures() {
        return features.stream().filter(DatasetFeature::isVideo).toList();
    }
}
