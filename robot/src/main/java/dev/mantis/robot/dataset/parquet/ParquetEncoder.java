package dev.mantis.robot.dataset.parquet;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes row groups for one schema: data pages V1, PLAIN values, RLE/bit-packed levels, pages split
 * near 1 MiB of values, the chosen compression, and min/max statistics for non-list numeric and
 * boolean columns. The same input always gives the same bytes. Reusable (its buffers are kept between
 * row groups, so encoding does not allocate per value) but not thread-safe.
 */
public final class ParquetEncoder {

    static final int DEFAULT_PAGE_BYTES = 1 << 20;
    private static final int[] ENCODINGS = {Encodings.PLAIN, Encodings.RLE};

    private final ParquetSchema schema;
    private final ParquetCompression compression;
    private final int pageBytes;
    private final ByteSink chunk = new ByteSink(1 << 16);
    private final ByteSink page = new ByteSink(1 << 16);
    private final ByteSink values = new ByteSink(1 << 16);
    private final ByteSink compressed = new ByteSink(1 << 16);
    private final ByteSink header = new ByteSink(64);
    private final ThriftCompactWriter headerWriter = new ThriftCompactWriter(header);
    private final Snappy snappy = new Snappy();
    private int[] levels = new int[1024];

    /** An encoder of row groups of {@code schema}, compressing pages with {@code compression}. */
    public ParquetEncoder(ParquetSchema schema, ParquetCompression compression) {
        this(schema, compression, DEFAULT_PAGE_BYTES);
    }

    /** As above, starting a new page once a page holds {@code pageBytes} bytes of values. */
    ParquetEncoder(ParquetSchema schema, ParquetCompression compression, int pageBytes) {
        if (pageBytes < 1) {
            throw new IllegalArgumentException("page size must be positive");
        }
        this.schema = schema;
        this.compression = compression;
        this.pageBytes = pageBytes;
    }

    /**
     * Encodes one row group: {@code columns} holds one {@link ColumnValues} per schema column, in
     * schema order, all with the same row count; a wrong count, type, listness or row count is an
     * IllegalArgumentException naming the column.
     */
    public RowGroupBlob encode(List<ColumnValues> columns) {
        List<ParquetColumn> spec = schema.columns();
        if (columns.size() != spec.size()) {
            throw new IllegalArgumentException("row group has " + columns.size() + " columns, the schema "
                    + spec.size() + " (" + schema.names() + ")");
        }
        int rows = columns.isEmpty() ? 0 : columns.get(0).rowCount();
        for (int i = 0; i < spec.size(); i++) {
            ParquetColumn c = spec.get(i);
            ColumnValues v = columns.get(i);
            if (v.type() != c.type() || v.isList() != c.list()) {
                throw new IllegalArgumentException("column '" + c.name() + "' is " + c.type()
                        + (c.list() ? " list" : "") + " in the schema but the values are " + v.describe());
            }
            if (v.rowCount() != rows) {
                throw new IllegalArgumentException("column '" + c.name() + "' has " + v.rowCount()
                        + " rows, column '" + spec.get(0).name() + "' " + rows);
            }
        }
        chunk.reset();
        List<ColumnChunkMeta> metas = new ArrayList<>(spec.size());
        for (int i = 0; i < spec.size(); i++) {
            metas.add(encodeColumn(spec.get(i), columns.get(i)));
        }
        return new RowGroupBlob(schema, rows, chunk.toByteArray(), metas);
    }

    private ColumnChunkMeta encodeColumn(ParquetColumn column, ColumnValues v) {
        long start = chunk.size();
        long uncompressedTotal = 0;
        long numValues = 0;
        int rows = v.rowCount();
        int[] offsets = v.offsets();
        int row = 0;
        do {
            values.reset();
            int rowEnd = encodeValues(v, row);
            page.reset();
            int entries = rowEnd - row;
            if (offsets != null) {
                entries = writeListLevels(offsets, row, rowEnd);
            }
            page.writeBytes(values.array(), 0, values.size());
            uncompressedTotal += writePage(entries);
            numValues += entries;
            row = rowEnd;
        } while (row < rows);
        long compressedTotal = chunk.size() - start;
        byte[] min = null;
        byte[] max = null;
        if (!column.list() && rows > 0) {
            byte[][] minMax = Statistics.minMax(v);
            if (minMax != null) {
                min = minMax[0];
                max = minMax[1];
            }
        }
        List<String> path = column.list() ? List.of(column.name(), "list", "element") : List.of(column.name());
        return new ColumnChunkMeta(Encodings.physical(column.type()), ENCODINGS, path, compression.thriftId,
                numValues, uncompressedTotal, compressedTotal, start, -1, min, max, column.list() ? -1 : 0);
    }

    /**
     * PLAIN-encodes the elements of rows {@code [row, rowEnd)} into {@code values}, choosing rowEnd so
     * that the page stays near {@link #pageBytes} (at least one row); returns rowEnd.
     */
    private int encodeValues(ColumnValues v, int row) {
        int rows = v.rowCount();
        int[] offsets = v.offsets();
        int e0 = offsets == null ? row : offsets[row];
        if (v.type() == ParquetType.STRING) {
            String[] s = v.strings();
            int r = row;
            while (r < rows && (r == row || values.size() < pageBytes)) {
                int e1 = offsets == null ? r + 1 : offsets[r + 1];
                for (int e = offsets == null ? r : offsets[r]; e < e1; e++) {
                    int at = values.size();
                    values.writeIntLE(0);
                    values.putIntLE(at, Utf8.encode(s[e], values));
                }
                r++;
            }
            return r;
        }
        int rowEnd = row;
        if (rows > 0) {
            long budgetElements = v.type() == ParquetType.BOOLEAN ? pageBytes * 8L
                    : pageBytes / (v.type() == ParquetType.INT64 || v.type() == ParquetType.DOUBLE ? 8 : 4);
            budgetElements = Math.max(1, budgetElements);
            if (offsets == null) {
                rowEnd = (int) Math.min(rows, row + budgetElements);
            } else {
                rowEnd = row + 1;
                while (rowEnd < rows && offsets[rowEnd + 1] - e0 <= budgetElements) {
                    rowEnd++;
                }
            }
        }
        int e1 = offsets == null ? rowEnd : offsets[rowEnd];
        PlainValues.encode(v, e0, e1, values);
        return rowEnd;
    }

    /** Writes rows [row, rowEnd)'s repetition and definition levels into {@code page}; returns their count. */
    private int writeListLevels(int[] offsets, int row, int rowEnd) {
        int entries = 0;
        for (int r = row; r < rowEnd; r++) {
            entries += Math.max(1, offsets[r + 1] - offsets[r]);
        }
        if (levels.length < entries) {
            levels = new int[Math.max(entries, levels.length * 2)];
        }
        int k = 0;
        for (int r = row; r < rowEnd; r++) {
            int n = offsets[r + 1] - offsets[r];
            levels[k++] = 0;
            for (int i = 1; i < n; i++) {
                levels[k++] = 1;
            }
        }
        writeLevels(entries);
        k = 0;
        for (int r = row; r < rowEnd; r++) {
            int n = offsets[r + 1] - offsets[r];
            if (n == 0) {
                levels[k++] = 0;
            }
            for (int i = 0; i < n; i++) {
                levels[k++] = 1;
            }
        }
        writeLevels(entries);
        return entries;
    }

    private void writeLevels(int n) {
        int at = page.size();
        page.writeIntLE(0);
        RleBitPackedHybrid.encode(levels, n, 1, page);
        page.putIntLE(at, page.size() - at - 4);
    }

    /** Compresses {@code page} and appends it with its header to the chunk; returns its uncompressed size. */
    private int writePage(int numValues) {
        byte[] body = page.array();
        int bodyLength = page.size();
        if (compression == ParquetCompression.SNAPPY) {
            compressed.reset();
            snappy.compress(page.array(), 0, page.size(), compressed);
            body = compressed.array();
            bodyLength = compressed.size();
        }
        header.reset();
        PageHeader.writeDataPageV1(headerWriter, page.size(), bodyLength, numValues);
        chunk.writeBytes(header.array(), 0, header.size());
        chunk.writeBytes(body, 0, bodyLength);
        return header.size() + page.size();
    }
}
