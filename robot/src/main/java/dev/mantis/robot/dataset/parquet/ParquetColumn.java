package dev.mantis.robot.dataset.parquet;

import java.util.Objects;

/**
 * One top-level column: its name (a plain name that may contain '.' or '/', e.g. {@code
 * "observation.state"} or {@code "stats/action/mean"}; it never means nesting), its element type, and
 * whether each row holds a list of elements (a Parquet LIST) rather than one value.
 */
public record ParquetColumn(String name, ParquetType type, boolean list) {

    /** Checks that name and type are given and the name is not empty. */
    public ParquetColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a Parquet column needs a non-empty name");
        }
    }

    @Override
    public String toString() {
        return name + ": " + type + (list ? "[]" : "");
    }
}
