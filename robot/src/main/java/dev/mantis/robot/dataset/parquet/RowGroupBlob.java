package dev.mantis.robot.dataset.parquet;

import java.util.List;

/**
 * A row group already encoded to bytes: its column chunks back to back, and the footer metadata of
 * each chunk with page offsets relative to the blob's start. Immutable; made by {@link ParquetEncoder}
 * and written by {@link ParquetFiles}.
 */
public final class RowGroupBlob {

    private final ParquetSchema schema;
    private final int rowCount;
    private final byte[] bytes;
    private final List<ColumnChunkMeta> chunks;

    RowGroupBlob(ParquetSchema schema, int rowCount, byte[] bytes, List<ColumnChunkMeta> chunks) {
        this.schema = schema;
        this.rowCount = rowCount;
        this.bytes = bytes;
        this.chunks = List.copyOf(chunks);
    }

    /** The number of rows. */
    public int rowCount() {
        return rowCount;
    }

    /** The encoded size in bytes (pages and page headers; the footer adds a little more). */
    public long byteSize() {
        return bytes.length;
    }

    ParquetSchema schema() {
        return schema;
    }

    /** The encoded chunks; never modified. */
    byte[] bytes() {
        return bytes;
    }

    List<ColumnChunkMeta> chunks() {
        return chunks;
    }

    /** The footer's description of this row group once written at {@code fileOffset}. */
    RowGroupMeta metaAt(long fileOffset) {
        ColumnChunkMeta[] shifted = new ColumnChunkMeta[chunks.size()];
        long uncompressed = 0;
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = chunks.get(i).shifted(fileOffset);
            uncompressed += chunks.get(i).totalUncompressedSize();
        }
        return new RowGroupMeta(List.of(shifted), uncompressed, rowCount, fileOffset, bytes.length);
    }
}
