package dev.mantis.robot.dataset.parquet;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a Parquet file written by Mantis, pyarrow, DuckDB or another writer: the footer at open, then
 * column chunks on demand through a file channel. Top-level required or optional primitive columns
 * and LIST columns of primitives (3-level in any required/optional combination, or the legacy 2-level
 * form) are read; other fields are left out of {@link #schema()} and refused by {@link #read}. Every
 * value must be present: a null is a {@link ParquetException}. Not thread-safe.
 */
public final class ParquetReader implements Closeable {

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private final String file;
    private final FileChannel channel;
    private final long fileSize;
    private final FileMetaData meta;
    private final List<ColumnLayout> layouts;
    private final ParquetSchema schema;
    private final long[] firstRows;
    private byte[] chunkBuffer = new byte[0];

    private ParquetReader(Path path, FileChannel channel) throws IOException {
        this.file = path.toString();
        this.channel = channel;
        this.fileSize = channel.size();
        this.meta = readFooter();
        try {
            this.layouts = ColumnLayout.of(meta.schema());
        } catch (CorruptData e) {
            throw new ParquetException(file, "corrupt schema (" + e.getMessage() + ")");
        }
        List<ParquetColumn> columns = new ArrayList<>();
        for (ColumnLayout l : layouts) {
            if (l.supported()) {
                columns.add(l.column());
            }
        }
        try {
            this.schema = new ParquetSchema(columns);
        } catch (IllegalArgumentException e) {
            throw new ParquetException(file, e.getMessage());
        }
        this.firstRows = checkRowGroups();
    }

    /**
     * Opens {@code file} and reads its footer; a {@link ParquetException} "FILE: what is wrong" for a
     * file that is not Parquet, is truncated, or has a corrupt or unsupported footer.
     */
    public static ParquetReader open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new ParquetReader(file, channel);
        } catch (IOException | RuntimeException | Error e) {
            channel.close();
            throw e;
        }
    }

    private FileMetaData readFooter() throws IOException {
        if (fileSize < 12) {
            throw new ParquetException(file, "not a complete Parquet file (" + fileSize
                    + " bytes; even an empty one has 12)");
        }
        byte[] head = readAt(0, 4);
        if (!java.util.Arrays.equals(head, MAGIC)) {
            throw new ParquetException(file, "not a Parquet file (it does not start with PAR1)");
        }
        byte[] tail = readAt(fileSize - 8, 8);
        if (tail[4] == 'P' && tail[5] == 'A' && tail[6] == 'R' && tail[7] == 'E') {
            throw new ParquetException(file, "encrypted Parquet files are not supported");
        }
        if (tail[4] != 'P' || tail[5] != 'A' || tail[6] != 'R' || tail[7] != '1') {
            throw new ParquetException(file, "not a complete Parquet file (it does not end with PAR1; "
                    + "truncated while being written or copied?)");
        }
        long footerLength = (int) ByteSink.INT.get(tail, 0) & 0xFFFFFFFFL;
        if (footerLength == 0 || footerLength > fileSize - 12) {
            throw new ParquetException(file, "not a complete Parquet file (its footer length " + footerLength
                    + " does not fit in its " + fileSize + " bytes)");
        }
        byte[] footer = readAt(fileSize - 8 - footerLength, (int) footerLength);
        try {
            return FileMetaData.read(new ThriftCompactReader(footer, 0, footer.length));
        } catch (CorruptData e) {
            throw new ParquetException(file, "corrupt footer (" + e.getMessage() + ")");
        }
    }

    private long[] checkRowGroups() throws ParquetException {
        int leaves = ColumnLayout.leafCount(meta.schema());
        long[] first = new long[meta.rowGroups().size()];
        long rows = 0;
        for (int g = 0; g < first.length; g++) {
            RowGroupMeta group = meta.rowGroups().get(g);
            if (group.columns().size() != leaves) {
                throw new ParquetException(file, "row group " + g + " has " + group.columns().size()
                        + " column chunks, the schema " + leaves + " leaf columns");
            }
            for (ColumnLayout l : layouts) {
                if (!l.supported()) {
                    continue;
                }
                ColumnChunkMeta c = group.columns().get(l.leafIndex());
                if (!c.path().equals(l.path()) || c.type() != l.physicalType()) {
                    throw new ParquetException(file, "row group " + g + ": column chunk " + l.leafIndex() + " is "
                            + String.join(".", c.path()) + " " + Encodings.typeName(c.type()) + ", the schema says "
                            + String.join(".", l.path()) + " " + Encodings.typeName(l.physicalType()));
                }
            }
            first[g] = rows;
            rows += group.numRows();
        }
        if (rows != meta.numRows()) {
            throw new ParquetException(file, "footer says " + meta.numRows() + " rows but its row groups hold " + rows);
        }
        return first;
    }

    private byte[] readAt(long position, int length) throws IOException {
        byte[] b = new byte[length];
        readFully(position, b, length);
        return b;
    }

    private void readFully(long position, byte[] b, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, 0, length);
        while (buf.hasRemaining()) {
            if (channel.read(buf, position + buf.position()) < 0) {
                throw new EOFException(file + ": ends at " + (position + buf.position()));
            }
        }
    }

    /** The supported top-level columns, in file order. */
    public ParquetSchema schema() {
        return schema;
    }

    /** The number of rows. */
    public long rowCount() {
        return meta.numRows();
    }

    /** The number of row groups. */
    public int rowGroupCount() {
        return meta.rowGroups().size();
    }

    /** The number of rows of row group {@code rowGroup}. */
    public int rowGroupRowCount(int rowGroup) {
        return Math.toIntExact(meta.rowGroups().get(rowGroup).numRows());
    }

    /** The file's key-value metadata in file order (unmodifiable; a missing value reads as ""). */
    public Map<String, String> keyValueMetadata() {
        return meta.keyValueMetadata();
    }

    /** The writer named in the footer's created_by ("" if none). */
    public String createdBy() {
        return meta.createdBy();
    }

    /** All rows of {@code column}. */
    public ColumnValues read(String column) throws IOException {
        return read(column, 0, rowGroupCount());
    }

    /** The rows of {@code column} in row group {@code rowGroup}. */
    public ColumnValues read(String column, int rowGroup) throws IOException {
        if (rowGroup < 0 || rowGroup >= rowGroupCount()) {
            throw new IndexOutOfBoundsException("row group " + rowGroup + " of " + rowGroupCount() + " in " + file);
        }
        return read(column, rowGroup, rowGroup + 1);
    }

    private ColumnValues read(String column, int fromGroup, int toGroup) throws IOException {
        ColumnLayout layout = layout(column);
        long capacity = 0;
        for (int g = fromGroup; g < toGroup; g++) {
            capacity += meta.rowGroups().get(g).columns().get(layout.leafIndex()).numValues();
        }
        ValueBuffer out = new ValueBuffer(layout.column().type(), layout.column().list(),
                (int) Math.min(capacity, 1 << 22)); // grows past that if need be
        ColumnChunkDecoder decoder = new ColumnChunkDecoder(file, layout);
        for (int g = fromGroup; g < toGroup; g++) {
            RowGroupMeta group = meta.rowGroups().get(g);
            ColumnChunkMeta chunk = group.columns().get(layout.leafIndex());
            if (!PageCodec.canRead(chunk.codec())) {
                throw new ParquetException(file, "column " + column + " is compressed with "
                        + Encodings.codecName(chunk.codec()) + ", which Mantis cannot read (it reads UNCOMPRESSED, "
                        + "SNAPPY, GZIP, ZSTD and LZ4_RAW)");
            }
            long start = chunk.startOffset();
            long length = chunk.totalCompressedSize();
            if (start < 4 || length < 0 || length > Integer.MAX_VALUE - 8 || start + length > fileSize - 8) {
                throw new ParquetException(file, "column " + column + ", row group " + g + ": column chunk at "
                        + start + " of " + length + " bytes does not fit in the file");
            }
            if (chunkBuffer.length < length) {
                chunkBuffer = new byte[(int) length];
            }
            readFully(start, chunkBuffer, (int) length);
            decoder.decode(chunkBuffer, (int) length, chunk, firstRows[g], group.numRows(), g, out);
        }
        return out.toColumnValues();
    }

    private ColumnLayout layout(String column) throws ParquetException {
        for (ColumnLayout l : layouts) {
            if (l.name().equals(column)) {
                if (!l.supported()) {
                    throw new ParquetException(file, "column " + column + " is " + l.unsupported()
                            + ", which Mantis cannot read");
                }
                return l;
            }
        }
        throw new ParquetException(file, "no column " + column + " (columns: " + schema.names() + ")");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "ParquetReader[" + file + ", " + rowCount() + " rows, " + schema.columns() + "]";
    }
}
