package dev.mantis.robot.dataset.parquet;

import java.io.IOException;

/**
 * A file that is not valid Parquet, or uses a feature this codec does not support, or holds a value
 * Mantis cannot take (a null); the message is one line, {@code "FILE: detail"}.
 */
public final class ParquetException extends IOException {

    /** An error about {@code file}. */
    public ParquetException(String file, String detail) {
        super(file + ": " + detail);
    }

    /** An error about {@code file} caused by {@code cause}. */
    public ParquetException(String file, String detail, Throwable cause) {
        super(file + ": " + detail, cause);
    }
}
