package dev.mantis.robot.dataset.parquet;

/** Compression codec of written column chunks (the reader also understands GZIP, ZSTD and LZ4_RAW). */
public enum ParquetCompression {
    UNCOMPRESSED(0), SNAPPY(1);

    /** The Thrift CompressionCodec value. */
    final int thriftId;

    ParquetCompression(int thriftId) {
        this.thriftId = thriftId;
    }
}
