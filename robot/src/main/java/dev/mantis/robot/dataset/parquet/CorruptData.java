package dev.mantis.robot.dataset.parquet;

/**
 * Bytes that do not decode (bad Thrift, page, level or value data, or an unsupported codec); the
 * reader turns it into a {@link ParquetException} that names the file and column.
 */
final class CorruptData extends Exception {

    CorruptData(String message) {
        super(message, null, false, false);
    }
}
