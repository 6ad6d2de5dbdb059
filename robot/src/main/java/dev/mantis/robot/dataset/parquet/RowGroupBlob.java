package dev.mantis.robot.dataset.parquet;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
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

    /**
     * Writes the row group for {@link #readFrom} in another process (a staging format, not a
     * Parquet file): the row count, the encoded chunks and each chunk's metadata.
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(rowCount);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.writeInt(chunks.size());
        for (ColumnChunkMeta c : chunks) {
            c.writeTo(out);
        }
    }

    /**
     * Reads a row group that {@link #writeTo} wrote for {@code schema}'s columns.
     *
     * @throws IOException if the input ends early or does not describe a row group of
     *     {@code schema}
     */
    public static RowGroupBlob readFrom(DataInput in, ParquetSchema schema) throws IOException {
        int rows = in.readInt();
        int size = in.readInt();
        if (rows < 1 || size < 0) {
            throw new IOException("a staged row group claims " + rows + " rows of " + size + " bytes");
        }
        byte[] bytes = new byte[size];
        in.readFully(bytes);
        int n = in.readInt();
        if (n != schema.columns().size()) {
            throw new IOException("a staged row group has " + n + " column chunks but the dataset has "
                    + schema.columns().size() + " columns (" + schema.names() + ")");
        }
        List<ColumnChunkMeta> chunks = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ColumnChunkMeta c = ColumnChunkMeta.readFrom(in);
            if (c.startOffset() < 0 || c.startOffset() + c.totalCompressedSize() > size) {
                throw new IOException("a staged column chunk lies outside its row group's " + size + " bytes");
            }
            chunks.add(c);
        }
        return new RowGroupBlob(schema, rows, bytes, chunks);
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
