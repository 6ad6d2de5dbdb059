package dev.mantis.robot.dataset.parquet;

import static dev.mantis.robot.dataset.parquet.ParquetSamples.allTypes;
import static dev.mantis.robot.dataset.parquet.ParquetSamples.allTypesValues;
import static dev.mantis.robot.dataset.parquet.ParquetSamples.assertSameValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Files written by ParquetFiles read back exactly with ParquetReader; encoding is deterministic and lean. */
class ParquetRoundTripTest {

    static Path write(Path file, ParquetSchema schema, ParquetCompression compression, Map<String, String> kv,
            List<List<ColumnValues>> rowGroups) throws IOException {
        ParquetEncoder encoder = new ParquetEncoder(schema, compression);
        List<RowGroupBlob> blobs = new ArrayList<>();
        for (List<ColumnValues> g : rowGroups) {
            blobs.add(encoder.encode(g));
        }
        ParquetFiles.writeAtomically(file, schema, blobs, kv);
        return file;
    }

    @ParameterizedTest
    @EnumSource(ParquetCompression.class)
    void everyTypeListOrNotRoundTripsBitExactly(ParquetCompression compression, @TempDir Path dir) throws IOException {
        ParquetSchema schema = allTypes();
        List<ColumnValues> g0 = allTypesValues(23, 0);
        List<ColumnValues> g1 = allTypesValues(5, 3);
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("huggingface", "{\"info\": {\"features\": {}}}");
        kv.put("empty", "");
        Path file = write(dir.resolve("all.parquet"), schema, compression, kv, List.of(g0, g1));
        try (ParquetReader r = ParquetReader.open(file)) {
            assertEquals(schema, r.schema());
            assertEquals(28, r.rowCount());
            assertEquals(2, r.rowGroupCount());
            assertEquals(23, r.rowGroupRowCount(0));
            assertEquals(5, r.rowGroupRowCount(1));
            assertEquals(kv, r.keyValueMetadata());
            assertEquals(List.copyOf(kv.keySet()), List.copyOf(r.keyValueMetadata().keySet()));
            assertEquals("mantis", r.createdBy());
            for (int c = 0; c < schema.columns().size(); c++) {
                String name = schema.columns().get(c).name();
                assertSameValues(g0.get(c), r.read(name, 0), name + " row group 0");
                assertSameValues(g1.get(c), r.read(name, 1), name + " row group 1");
                assertSameValues(ColumnValues.concat(List.of(g0.get(c), g1.get(c))), r.read(name), name);
            }
        }
    }

    @Test
    void emptyListsEverywhereAndAnEmptyRowGroupRoundTrip(@TempDir Path dir) throws IOException {
        ParquetSchema schema = ParquetSchema.of(new ParquetColumn("action", ParquetType.FLOAT, true),
                new ParquetColumn("tasks", ParquetType.STRING, true));
        List<ColumnValues> empties = List.of(ColumnValues.ofFloatLists(new float[0], new int[4]),
                ColumnValues.ofStringLists(new String[0], new int[4]));
        List<ColumnValues> none = List.of(ColumnValues.ofFloatLists(new float[0], new int[1]),
                ColumnValues.ofStringLists(new String[0], new int[1]));
        Path file = write(dir.resolve("e.parquet"), schema, ParquetCompression.SNAPPY, Map.of(),
                List.of(empties, none));
        try (ParquetReader r = ParquetReader.open(file)) {
            assertEquals(3, r.rowCount());
            assertEquals(0, r.rowGroupRowCount(1));
            assertArrayEquals(new int[] {0, 0, 0, 0}, r.read("action").offsets());
            assertEquals(0, r.read("tasks", 1).rowCount());
        }
    }

    @Test
    void manyPagesPerColumnChunkRoundTrip(@TempDir Path dir) throws IOException {
        ParquetSchema schema = ParquetSchema.of(new ParquetColumn("state", ParquetType.FLOAT, true),
                new ParquetColumn("task", ParquetType.STRING, false), new ParquetColumn("i", ParquetType.INT64, false),
                new ParquetColumn("flag", ParquetType.BOOLEAN, false));
        int rows = 1000;
        int[] offsets = new int[rows + 1];
        for (int r = 0; r < rows; r++) {
            offsets[r + 1] = offsets[r] + (r % 13 == 0 ? 0 : 9);
        }
        List<ColumnValues> cols = List.of(ParquetSamples.values(ParquetType.FLOAT, offsets[rows], 1, offsets),
                ParquetSamples.values(ParquetType.STRING, rows, 2, null),
                ParquetSamples.values(ParquetType.INT64, rows, 3, null),
                ParquetSamples.values(ParquetType.BOOLEAN, rows, 4, null));
        RowGroupBlob blob = new ParquetEncoder(schema, ParquetCompression.SNAPPY, 500).encode(cols);
        for (int c = 0; c < 3; c++) {
            assertTrue(pageCount(blob, c) > 3, "column " + c + " has " + pageCount(blob, c) + " pages");
        }
        assertEquals(1, pageCount(blob, 3), "1000 booleans fit in 125 bytes");
        Path file = dir.resolve("pages.parquet");
        ParquetFiles.writeAtomically(file, schema, List.of(blob), Map.of());
        try (ParquetReader r = ParquetReader.open(file)) {
            for (int c = 0; c < 4; c++) {
                assertSameValues(cols.get(c), r.read(schema.columns().get(c).name()), "column " + c);
            }
        }
    }

    /** The number of data pages in column {@code column} of {@code blob}. */
    static int pageCount(RowGroupBlob blob, int column) {
        ColumnChunkMeta meta = blob.chunks().get(column);
        int pos = (int) meta.dataPageOffset();
        int end = pos + (int) meta.totalCompressedSize();
        int pages = 0;
        try {
            while (pos < end) {
                PageHeader h = PageHeader.read(new ThriftCompactReader(blob.bytes(), pos, end - pos));
                pos += h.headerSize() + h.compressedSize();
                pages++;
            }
        } catch (CorruptData e) {
            throw new AssertionError(e.getMessage());
        }
        return pages;
    }

    @Test
    void defaultPagesSplitNearOneMebibyte() {
        ParquetSchema schema = ParquetSchema.of(new ParquetColumn("x", ParquetType.FLOAT, false));
        RowGroupBlob blob = new ParquetEncoder(schema, ParquetCompression.UNCOMPRESSED)
                .encode(List.of(ColumnValues.ofFloats(new float[600_000])));
        assertEquals(3, pageCount(blob, 0), "2.4 MB of floats in pages of at most 1 MiB");
    }

    @Test
    void encodingIsDeterministic(@TempDir Path dir) throws IOException {
        ParquetSchema schema = allTypes();
        List<ColumnValues> cols = allTypesValues(200, 1);
        ParquetEncoder encoder = new ParquetEncoder(schema, ParquetCompression.SNAPPY);
        byte[] first = encoder.encode(cols).bytes();
        encoder.encode(allTypesValues(50, 2)); // reusing the buffers must not leak into the next row group
        byte[] again = encoder.encode(cols).bytes();
        byte[] fresh = new ParquetEncoder(schema, ParquetCompression.SNAPPY).encode(cols).bytes();
        assertArrayEquals(first, again);
        assertArrayEquals(first, fresh);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ParquetFiles.write(a, schema, List.of(encoder.encode(cols)), Map.of("k", "v"));
        ParquetFiles.write(b, schema, List.of(encoder.encode(cols)), Map.of("k", "v"));
        assertArrayEquals(a.toByteArray(), b.toByteArray());
        assertNotEquals(first.length,
                new ParquetEncoder(schema, ParquetCompression.UNCOMPRESSED).encode(cols).bytes().length);
    }

    @Test
    void rowGroupsJoinedFromColumnsEncodedApartAreTheSameBytes() throws IOException {
        ParquetSchema schema = allTypes();
        List<ColumnValues> cols = allTypesValues(200, 1);
        int split = 3;
        ParquetSchema head = new ParquetSchema(schema.columns().subList(0, split));
        ParquetSchema tail = new ParquetSchema(schema.columns().subList(split, schema.columns().size()));
        RowGroupBlob joined = RowGroupBlob.join(schema,
                new ParquetEncoder(head, ParquetCompression.SNAPPY).encode(cols.subList(0, split)),
                new ParquetEncoder(tail, ParquetCompression.SNAPPY).encode(cols.subList(split, cols.size())));
        RowGroupBlob whole = new ParquetEncoder(schema, ParquetCompression.SNAPPY).encode(cols);
        assertArrayEquals(whole.bytes(), joined.bytes());
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ParquetFiles.write(a, schema, List.of(whole, whole), Map.of());
        ParquetFiles.write(b, schema, List.of(joined, joined), Map.of());
        assertArrayEquals(a.toByteArray(), b.toByteArray(), "same footer offsets too");
        RowGroupBlob shorter = new ParquetEncoder(tail, ParquetCompression.SNAPPY)
                .encode(allTypesValues(5, 1).subList(split, cols.size()));
        RowGroupBlob headBlob = new ParquetEncoder(head, ParquetCompression.SNAPPY).encode(cols.subList(0, split));
        assertEquals("row groups of 200 and 5 rows cannot be joined", assertThrows(IllegalArgumentException.class,
                () -> RowGroupBlob.join(schema, headBlob, shorter)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RowGroupBlob.join(schema, headBlob, headBlob));
    }

    @Test
    void writeAtomicallyReplacesTheFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        ParquetSchema schema = ParquetSchema.of(new ParquetColumn("i", ParquetType.INT32, false));
        Path file = dir.resolve("data.parquet");
        Files.writeString(file, "old contents");
        write(file, schema, ParquetCompression.SNAPPY, Map.of(), List.of(List.of(ColumnValues.ofInts(new int[] {7}))));
        try (ParquetReader r = ParquetReader.open(file)) {
            assertArrayEquals(new int[] {7}, r.read("i").ints());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void encoderRefusesColumnsThatDoNotMatchTheSchema() {
        ParquetSchema schema = ParquetSchema.of(new ParquetColumn("observation.state", ParquetType.FLOAT, true),
                new ParquetColumn("index", ParquetType.INT64, false));
        ParquetEncoder encoder = new ParquetEncoder(schema, ParquetCompression.SNAPPY);
        ColumnValues state = ColumnValues.ofFloatLists(new float[] {1, 2}, new int[] {0, 1, 2});
        assertEquals("column 'index' is INT64 in the schema but the values are INT32",
                assertThrows(IllegalArgumentException.class,
                        () -> encoder.encode(List.of(state, ColumnValues.ofInts(new int[] {1, 2})))).getMessage());
        assertEquals("column 'observation.state' is FLOAT list in the schema but the values are FLOAT",
                assertThrows(IllegalArgumentException.class, () -> encoder.encode(
                        List.of(ColumnValues.ofFloats(new float[2]), ColumnValues.ofLongs(new long[2])))).getMessage());
        assertEquals("column 'index' has 3 rows, column 'observation.state' 2",
                assertThrows(IllegalArgumentException.class,
                        () -> encoder.encode(List.of(state, ColumnValues.ofLongs(new long[3])))).getMessage());
        RowGroupBlob other = new ParquetEncoder(ParquetSchema.of(new ParquetColumn("x", ParquetType.INT32, false)),
                ParquetCompression.SNAPPY).encode(List.of(ColumnValues.ofInts(new int[1])));
        assertThrows(IllegalArgumentException.class,
                () -> ParquetFiles.write(new ByteArrayOutputStream(), schema, List.of(other), Map.of()));
    }

    @Test
    void columnValuesCheckOffsetsAndConcatenate() {
        assertThrows(IllegalArgumentException.class, () -> ColumnValues.ofFloatLists(new float[3], new int[] {0, 2}));
        assertThrows(IllegalArgumentException.class, () -> ColumnValues.ofFloatLists(new float[3], new int[] {1, 3}));
        assertThrows(IllegalArgumentException.class,
                () -> ColumnValues.ofFloatLists(new float[3], new int[] {0, 2, 1, 3}));
        assertThrows(IllegalArgumentException.class, () -> ColumnValues.ofStrings(new String[] {"a", null}));
        ColumnValues a = ColumnValues.ofLongLists(new long[] {1, 2, 3}, new int[] {0, 3, 3});
        ColumnValues b = ColumnValues.ofLongLists(new long[] {4}, new int[] {0, 0, 1});
        ColumnValues ab = ColumnValues.concat(List.of(a, b));
        assertArrayEquals(new long[] {1, 2, 3, 4}, ab.longs());
        assertArrayEquals(new int[] {0, 3, 3, 3, 4}, ab.offsets());
        assertEquals(4, ab.rowCount());
        assertEquals("column values are INT64 list, not FLOAT",
                assertThrows(IllegalStateException.class, ab::floats).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ColumnValues.concat(List.of(a, ColumnValues.ofLongs(new long[] {1}))));
    }

    @Test
    void encodingAllocatesOnlyTheRowGroupItMakes() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ParquetSchema schema = LeRobotFrames.SCHEMA;
        List<ColumnValues> cols = LeRobotFrames.rowGroup(200);
        ParquetEncoder encoder = new ParquetEncoder(schema, ParquetCompression.SNAPPY);
        long blobBytes = 0;
        for (int warm = 0; warm < 200; warm++) {
            blobBytes = encoder.encode(cols).byteSize();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100; i++) {
            encoder.encode(cols);
        }
        long perRowGroup = (threads.getCurrentThreadAllocatedBytes() - before) / 100;
        // the blob's bytes plus its small footer records; per-value allocation would add >= 16 B x 5,000
        assertTrue(perRowGroup < blobBytes + 8_000, perRowGroup + " bytes allocated per row group of " + blobBytes);
    }
}
