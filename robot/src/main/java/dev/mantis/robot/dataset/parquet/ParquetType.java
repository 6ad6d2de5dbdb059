package dev.mantis.robot.dataset.parquet;

/**
 * Element type of a column. {@link #STRING} is BYTE_ARRAY with the STRING (UTF8) logical type; the
 * others are the Parquet physical types of the same name with no logical type.
 */
public enum ParquetType {
    BOOLEAN, INT32, INT64, FLOAT, DOUBLE, STRING
}
