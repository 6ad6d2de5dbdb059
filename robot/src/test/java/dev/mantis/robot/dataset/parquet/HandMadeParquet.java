package dev.mantis.robot.dataset.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds small Parquet files byte by byte, for schema shapes and encodings that neither Mantis nor
 * DuckDB writes: legacy 2-level lists, bare repeated fields, RLE booleans, DELTA_BYTE_ARRAY.
 */
final class HandMadeParquet {

    /** One leaf column chunk holding one uncompressed data page V1. */
    record Chunk(List<String> path, int type, int numValues, int encoding, byte[] body) {
    }

    private HandMadeParquet() {
    }

    static Path write(Path file, List<SchemaElement> schema, long rows, List<Chunk> chunks) throws IOException {
        ByteSink data = new ByteSink(256);
        data.writeBytes("PAR1".getBytes(StandardCharsets.US_ASCII), 0, 4);
        List<ColumnChunkMeta> metas = new ArrayList<>();
        for (Chunk c : chunks) {
            long offset = data.size();
            ThriftCompactWriter w = new ThriftCompactWriter(data);
            w.i32(1, PageHeader.DATA_PAGE);
            w.i32(2, c.body.length);
            w.i32(3, c.body.length);
            w.beginStruct(5);
            w.i32(1, c.numValues);
            w.i32(2, c.encoding);
            w.i32(3, Encodings.RLE);
            w.i32(4, Encodings.RLE);
            w.endStruct();
            w.end();
            data.writeBytes(c.body, 0, c.body.length);
            long size = data.size() - offset;
            metas.add(new ColumnChunkMeta(c.type, new int[] {c.encoding}, c.path, 0, c.numValues, size, size, offset,
                    -1, null, null, -1));
        }
        RowGroupMeta group = new RowGroupMeta(metas, data.size() - 4, rows, 4, data.size() - 4);
        int start = data.size();
        new FileMetaData(1, schema, rows, List.of(group), Map.of(), "hand")
                .write(new ThriftCompactWriter(data), chunks.size());
        data.writeIntLE(data.size() - start);
        data.writeBytes("PAR1".getBytes(StandardCharsets.US_ASCII), 0, 4);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(data.array(), 0, data.size());
        }
        return file;
    }

    /** Levels as a data page V1 holds them: a 4-byte length, then the RLE/bit-packed hybrid. */
    static ByteSink levels(ByteSink out, int max, int... levels) {
        int at = out.size();
        out.writeIntLE(0);
        RleBitPackedHybrid.encode(levels, levels.length, RleBitPackedHybrid.bitWidth(max), out);
        out.putIntLE(at, out.size() - at - 4);
        return out;
    }

    /** DELTA_BINARY_PACKED: blocks of 128 values in 4 miniblocks, deltas wrapping around. */
    static void deltaBinaryPacked(ByteSink out, long... v) {
        out.writeVarint(128);
        out.writeVarint(4);
        out.writeVarint(v.length);
        out.writeVarint(zigzag(v.length == 0 ? 0 : v[0]));
        for (int i = 1; i < v.length; i += 128) {
            int n = Math.min(128, v.length - i);
            long[] d = new long[128];
            long min = Long.MAX_VALUE;
            for (int k = 0; k < n; k++) {
                d[k] = v[i + k] - v[i + k - 1];
                min = Math.min(min, d[k]);
            }
            out.writeVarint(zigzag(min));
            int[] widths = new int[4];
            for (int k = 0; k < 128; k++) {
                long u = k < n ? d[k] - min : 0;
                widths[k / 32] = Math.max(widths[k / 32], 64 - Long.numberOfLeadingZeros(u));
            }
            for (int m = 0; m < 4; m++) {
                out.writeByte(widths[m]);
            }
            for (int m = 0; m * 32 < n; m++) {
                int bits = 0;
                int acc = 0;
                for (int k = m * 32; k < m * 32 + 32; k++) {
                    long u = k < n ? d[k] - min : 0;
                    for (int b = 0; b < widths[m]; b++) {
                        acc |= (int) ((u >>> b) & 1) << bits++;
                        if (bits == 8) {
                            out.writeByte(acc);
                            acc = 0;
                            bits = 0;
                        }
                    }
                }
            }
        }
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }
}
