package dev.mantis.robot.dataset.parquet;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The footer's description of one column chunk (Thrift ColumnChunk with its ColumnMetaData and
 * Statistics). Absent optional numbers are -1, absent statistics null.
 */
record ColumnChunkMeta(int type, int[] encodings, List<String> path, int codec, long numValues,
        long totalUncompressedSize, long totalCompressedSize, long dataPageOffset, long dictionaryPageOffset,
        byte[] minValue, byte[] maxValue, long nullCount) {

    /** The same chunk with its page offsets moved by {@code delta} bytes. */
    ColumnChunkMeta shifted(long delta) {
        return new ColumnChunkMeta(type, encodings, path, codec, numValues, totalUncompressedSize, totalCompressedSize,
                dataPageOffset + delta, dictionaryPageOffset < 0 ? -1 : dictionaryPageOffset + delta, minValue,
                maxValue, nullCount);
    }

    /** Where the chunk's first page starts. */
    long startOffset() {
        return dictionaryPageOffset > 0 && dictionaryPageOffset < dataPageOffset ? dictionaryPageOffset
                : dataPageOffset;
    }

    /** Writes the fields for {@link #readFrom} (not a Parquet format: a staging format between processes). */
    void writeTo(DataOutput out) throws IOException {
        out.writeInt(type);
        out.writeInt(encodings.length);
        for (int e : encodings) {
            out.writeInt(e);
        }
        out.writeInt(path.size());
        for (String p : path) {
            out.writeUTF(p);
        }
        out.writeInt(codec);
        out.writeLong(numValues);
        out.writeLong(totalUncompressedSize);
        out.writeLong(totalCompressedSize);
        out.writeLong(dataPageOffset);
        out.writeLong(dictionaryPageOffset);
        writeBytes(out, minValue);
        writeBytes(out, maxValue);
        out.writeLong(nullCount);
    }

    /** Reads what {@link #writeTo} wrote. */
    static ColumnChunkMeta readFrom(DataInput in) throws IOException {
        int type = in.readInt();
        int[] encodings = new int[count(in, 16, "encodings")];
        for (int i = 0; i < encodings.length; i++) {
            encodings[i] = in.readInt();
        }
        List<String> path = new ArrayList<>();
        for (int i = count(in, 64, "path elements"); i > 0; i--) {
            path.add(in.readUTF());
        }
        return new ColumnChunkMeta(type, encodings, List.copyOf(path), in.readInt(), in.readLong(), in.readLong(),
                in.readLong(), in.readLong(), in.readLong(), readBytes(in), readBytes(in), in.readLong());
    }

    private static void writeBytes(DataOutput out, byte[] b) throws IOException {
        out.writeInt(b == null ? -1 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    private static byte[] readBytes(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[count(n, 1 << 20, "statistics bytes")];
        in.readFully(b);
        return b;
    }

    private static int count(DataInput in, int max, String what) throws IOException {
        return count(in.readInt(), max, what);
    }

    private static int count(int n, int max, String what) throws IOException {
        if (n < 0 || n > max) {
            throw new IOException("a staged column chunk claims " + n + " " + what + " (at most " + max + ")");
        }
        return n;
    }

    void write(ThriftCompactWriter w) {
        w.beginListStruct();
        w.i64(2, 0); // file_offset: deprecated, 0 when no ColumnMetaData is written outside the footer
        w.beginStruct(3);
        w.i32(1, type);
        w.beginList(2, ThriftCompactWriter.I32, encodings.length);
        for (int e : encodings) {
            w.i32Element(e);
        }
        w.beginList(3, ThriftCompactWriter.BINARY, path.size());
        for (String p : path) {
            w.stringElement(p);
        }
        w.i32(4, codec);
        w.i64(5, numValues);
        w.i64(6, totalUncompressedSize);
        w.i64(7, totalCompressedSize);
        w.i64(9, dataPageOffset);
        if (dictionaryPageOffset >= 0) {
            w.i64(11, dictionaryPageOffset);
        }
        if (nullCount >= 0 || minValue != null) {
            w.beginStruct(12);
            if (nullCount >= 0) {
                w.i64(3, nullCount);
            }
            if (maxValue != null) {
                w.binary(5, maxValue);
            }
            if (minValue != null) {
                w.binary(6, minValue);
            }
            w.endStruct();
        }
        w.endStruct();
        w.endStruct();
    }

    static ColumnChunkMeta read(ThriftCompactReader r) throws CorruptData {
        ColumnChunkMeta meta = null;
        r.beginStruct();
        for (int id; (id = r.nextField()) != 0; ) {
            if (id == 1) {
                throw new CorruptData("column chunk stored in another file (file_path " + r.string() + ")");
            } else if (id == 3) {
                meta = readMetaData(r);
            } else if (id == 8 || id == 9) {
                throw new CorruptData("encrypted column chunk");
            } else {
                r.skipField();
            }
        }
        r.endStruct();
        if (meta == null) {
            throw new CorruptData("column chunk without meta_data");
        }
        return meta;
    }

    private static ColumnChunkMeta readMetaData(ThriftCompactReader r) throws CorruptData {
        int type = -1;
        int[] encodings = new int[0];
        List<String> path = new ArrayList<>();
        int codec = -1;
        long numValues = -1;
        long uncompressed = -1;
        long compressed = -1;
        long dataPage = -1;
        long dictPage = -1;
        r.beginStruct();
        for (int id; (id = r.nextField()) != 0; ) {
            switch (id) {
                case 1 -> type = r.i32();
                case 2 -> {
                    int n = r.beginList();
                    encodings = new int[n];
                    for (int i = 0; i < n; i++) {
                        encodings[i] = r.i32();
                    }
                }
                case 3 -> {
                    int n = r.beginList();
                    for (int i = 0; i < n; i++) {
                        path.add(r.string());
                    }
                }
                case 4 -> codec = r.i32();
                case 5 -> numValues = r.i64();
                case 6 -> uncompressed = r.i64();
                case 7 -> compressed = r.i64();
                case 9 -> dataPage = r.i64();
                case 11 -> dictPage = r.i64();
                default -> r.skipField();
            }
        }
        r.endStruct();
        if (type < 0 || codec < 0 || numValues < 0 || compressed < 0 || dataPage < 0) {
            throw new CorruptData("column metadata lacks type, codec, num_values, total_compressed_size or "
                    + "data_page_offset");
        }
        return new ColumnChunkMeta(type, encodings, List.copyOf(path), codec, numValues, uncompressed, compressed,
                dataPage, dictPage, null, null, -1);
    }
}
