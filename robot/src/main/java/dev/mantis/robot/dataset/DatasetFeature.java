package dev.mantis.robot.dataset;

import dev.mantis.robot.dataset.parquet.ParquetColumn;
import dev.mantis.robot.dataset.parquet.ParquetType;
import dev.mantis.robot.spec.FeatureSpec;
import java.util.List;
import java.util.Map;

/**
 * One feature of a LeRobot dataset, as {@code meta/info.json} describes it: its name, LeRobot
 * dtype ({@code float32}, {@code float64}, {@code int64}, {@code bool}, {@code string},
 * {@code video}), shape, element names (empty when none) and, for videos, the {@code info} map
 * (video.height, video.codec, ...).
 */
public record DatasetFeature(String name, String dtype, List<Integer> shape, List<String> names,
        Map<String, Object> info) {

    /** Dtypes that a data Parquet file holds as numbers. */
    private static final List<String> NUMERIC = List.of("float32", "float64", "int64", "bool");

    public DatasetFeature {
        shape = List.copyOf(shape);
        names = List.copyOf(names);
        info = info == null ? Map.of() : Map.copyOf(info);
        if (shape.isEmpty() || shape.stream().anyMatch(d -> d < 0)) {
            throw new IllegalArgumentException("feature '" + name + "' needs a shape of non-negative sizes, got "
                    + shape);
        }
    }

    /** A numeric feature with element names (one per element, or none). */
    public static DatasetFeature numeric(String name, String dtype, int size, List<String> names) {
        return new DatasetFeature(name, dtype, List.of(size), names, Map.of());
    }

    /** The dataset feature that records a robot's or task's feature spec. */
    public static DatasetFeature of(FeatureSpec spec) {
        return new DatasetFeature(spec.name(), spec.dtype().lerobotName(), spec.shape(), spec.names(), Map.of());
    }

    /** Whether the feature is a video stream (stored as MP4 files, not in the data Parquet files). */
    public boolean isVideo() {
        return "video".equals(dtype);
    }

    /** Whether the data Parquet files hold the feature as numbers Mantis reads and computes stats of. */
    public boolean isNumeric() {
        return NUMERIC.contains(dtype) && shape.size() == 1;
    }

    /** Number of elements per frame. */
    public int size() {
        int n = 1;
        for (int d : shape) { // a loop, not a stream: observations and recorders ask every step
            n *= d;
        }
        return n;
    }

    /**
     * The data file column: a scalar for shape [1], a list otherwise (LeRobot's Value and
     * Sequence).
     *
     * @throws IllegalStateException for a feature that is not a one-dimensional numeric one
     */
    public ParquetColumn column() {
        if (!isNumeric()) {
            throw new IllegalStateException("feature '" + name + "' (" + dtype + " " + shape
                    + ") is not stored as a numeric column");
        }
        ParquetType type = switch (dtype) {
            case "float32" -> ParquetType.FLOAT;
            case "float64" -> ParquetType.DOUBLE;
            case "int64" -> ParquetType.INT64;
            default -> ParquetType.BOOLEAN;
        };
        return new ParquetColumn(name, type, size() != 1);
    }
}
