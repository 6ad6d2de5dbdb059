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

    /**
     * The row group of {@code schema} whose columns are {@code first}'s followed by
     * {@code second}'s: the same bytes as encoding all of them at once, so the columns of a row
     * group can be encoded in different places (threads) and joined where the file is written.
     *
     * @throws IllegalArgumentException if the row counts differ or the two schemas' columns, in
     *     order, are not {@code schema}'s
     */
    public static RowGroupBlob join(ParquetSchema schema, RowGroupBlob first, RowGroupBlob second) {
        List<ParquetColumn> columns = new java.util.ArrayList<>(first.schema.columns());
        columns.addAll(second.schema.columns());
        if (!columns.equals(schema.columns())) {
            throw new IllegalArgumentException("row groups of columns " + first.schema.names() + " and "
                    + second.schema.names() + " do not make up " + schema.names());
        }
        if (first.rowCount != second.rowCount) {
            throw new IllegalArgumentException("row groups of " + first.rowCount + " and " + second.rowCount
                    + " rows cannot be joined");
        }
        byte[] bytes = java.util.Arrays.copyOf(first.bytes, first.bytes.length + second.bytes.length);
        System.arraycopy(second.bytes, 0, bytes, first.bytes.length, second.bytes.length);
        List<ColumnChunkMeta> chunks = new java.util.ArrayList<>(first.chunks);
        for (ColumnChunkMeta c : second.chunks) {
            chunks.add(c.shifted(first.bytes.length));
        }
        return new RowGroupBlob(schema, first.rowCount, bytes, chunks);
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
