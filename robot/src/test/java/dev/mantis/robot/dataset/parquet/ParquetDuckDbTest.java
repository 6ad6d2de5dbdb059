package dev.mantis.robot.dataset.parquet;

import static dev.mantis.robot.dataset.parquet.ParquetSamples.allTypes;
import static dev.mantis.robot.dataset.parquet.ParquetSamples.allTypesValues;
import static dev.mantis.robot.dataset.parquet.ParquetSamples.assertSameValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DuckDB, an independent Parquet implementation, reads what Mantis writes, and Mantis reads what
 * DuckDB writes: every codec, data page V1 and V2, dictionary, delta and byte-stream-split encodings,
 * nullable columns, lists, several row groups.
 */
class ParquetDuckDbTest {

    private static Connection duck;
    @TempDir
    static Path dir;

    @BeforeAll
    static void connect() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void disconnect() throws SQLException {
        duck.close();
    }

    private static List<List<Object>> query(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object o = rs.getObject(i);
                    row.add(o instanceof Array a ? List.of((Object[]) a.getArray()) : o);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void execute(String sql) throws SQLException {
        try (Statement st = duck.createStatement()) {
            st.execute(sql);
        }
    }

    // ---- Mantis writes, DuckDB reads ----

    @ParameterizedTest
    @EnumSource(ParquetCompression.class)
    void duckDbReadsEveryTypeMantisWrites(ParquetCompression compression) throws Exception {
        ParquetSchema schema = allTypes();
        List<ColumnValues> g0 = allTypesValues(40, 0);
        List<ColumnValues> g1 = allTypesValues(9, 2);
        ParquetEncoder smallPages = new ParquetEncoder(schema, compression, 64);
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("huggingface", "{\"info\": {\"features\": {\"action\": {\"dtype\": \"float32\"}}}}");
        kv.put("mantis", "é");
        Path file = dir.resolve("mantis-" + compression + ".parquet");
        ParquetFiles.writeAtomically(file, schema, List.of(smallPages.encode(g0), smallPages.encode(g1)), kv);
        String src = "read_parquet('" + file + "')";

        List<String> types = new ArrayList<>();
        for (List<Object> row : query("DESCRIBE SELECT * FROM " + src)) {
            types.add(row.get(0) + " " + row.get(1));
        }
        assertEquals(List.of("value/boolean BOOLEAN", "value/int32 INTEGER", "value/int64 BIGINT",
                "value/float FLOAT", "value/double DOUBLE", "value/string VARCHAR", "list.boolean BOOLEAN[]",
                "list.int32 INTEGER[]", "list.int64 BIGINT[]", "list.float FLOAT[]", "list.double DOUBLE[]",
                "list.string VARCHAR[]"), types);

        List<List<Object>> rows = query("SELECT * FROM " + src);
        assertEquals(49, rows.size());
        for (int c = 0; c < 12; c++) {
            ColumnValues expected = ColumnValues.concat(List.of(g0.get(c), g1.get(c)));
            assertSameValues(expected, fromDuckDb(rows, c, expected.type(), expected.isList()),
                    schema.columns().get(c).name());
        }
        assertEquals(List.of(List.of("huggingface", kv.get("huggingface")), List.of("mantis", "é")),
                query("SELECT decode(key), decode(value) FROM parquet_kv_metadata('" + file + "')"));
        assertEquals(List.of(List.of(2L, compression.name())), query("SELECT count(DISTINCT row_group_id), "
                + "any_value(compression) FROM parquet_metadata('" + file + "')"));
    }

    /** Column {@code c} of DuckDB's rows as ColumnValues. */
    private static ColumnValues fromDuckDb(List<List<Object>> rows, int c, ParquetType type, boolean list) {
        List<Object> flat = new ArrayList<>();
        int[] offsets = new int[rows.size() + 1];
        for (int r = 0; r < rows.size(); r++) {
            Object v = rows.get(r).get(c);
            if (list) {
                flat.addAll((List<?>) v);
            } else {
                flat.add(v);
            }
            offsets[r + 1] = flat.size();
        }
        int n = flat.size();
        ColumnValues values = switch (type) {
            case BOOLEAN -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (Boolean) flat.get(i);
                }
                yield list ? ColumnValues.ofBooleanLists(a, offsets) : ColumnValues.ofBooleans(a);
            }
            case INT32 -> {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((Number) flat.get(i)).intValue();
                }
                yield list ? ColumnValues.ofIntLists(a, offsets) : ColumnValues.ofInts(a);
            }
            case INT64 -> {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (Long) flat.get(i);
                }
                yield list ? ColumnValues.ofLongLists(a, offsets) : ColumnValues.ofLongs(a);
            }
            case FLOAT -> {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (Float) flat.get(i);
                }
                yield list ? ColumnValues.ofFloatLists(a, offsets) : ColumnValues.ofFloats(a);
            }
            case DOUBLE -> {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (Double) flat.get(i);
                }
                yield list ? ColumnValues.ofDoubleLists(a, offsets) : ColumnValues.ofDoubles(a);
            }
            case STRING -> {
                String[] a = flat.toArray(new String[0]);
                yield list ? ColumnValues.ofStringLists(a, offsets) : ColumnValues.ofStrings(a);
            }
        };
        return values;
    }

    @Test
    void duckDbReadsLeRobotFramesAndEmptyRowGroups() throws Exception {
        List<ColumnValues> frames = LeRobotFrames.rowGroup(200);
        ParquetEncoder encoder = new ParquetEncoder(LeRobotFrames.SCHEMA, ParquetCompression.SNAPPY);
        List<ColumnValues> none = new ArrayList<>();
        for (ParquetColumn c : LeRobotFrames.SCHEMA.columns()) {
            none.add(ParquetSamples.values(c.type(), 0, 0, c.list() ? new int[1] : null));
        }
        Path file = dir.resolve("frames.parquet");
        ParquetFiles.writeAtomically(file, LeRobotFrames.SCHEMA,
                List.of(encoder.encode(frames), encoder.encode(none), encoder.encode(frames)), Map.of());
        assertEquals(List.of(List.of(400L, 2L * (1000 + 1199) * 200 / 2)),
                query("SELECT count(*), sum(\"index\")::BIGINT FROM read_parquet('" + file + "')"));
        assertEquals(List.of(List.of(3L)),
                query("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + file + "')"));
        List<List<Object>> rows = query("SELECT \"observation.state\", \"action\", \"frame_index\", "
                + "\"stats/episode\" FROM read_parquet('" + file + "')");
        assertEquals(400, rows.size());
        float[] state = frames.get(0).floats();
        for (int r = 0; r < 400; r++) {
            List<?> s = (List<?>) rows.get(r).get(0);
            assertEquals(9, s.size());
            for (int k = 0; k < 9; k++) {
                assertEquals(Float.floatToRawIntBits(state[(r % 200) * 9 + k]),
                        Float.floatToRawIntBits((Float) s.get(k)));
            }
            assertEquals(8, ((List<?>) rows.get(r).get(1)).size());
            assertEquals((long) (r % 200), rows.get(r).get(2));
            assertEquals(3L, rows.get(r).get(3));
        }
    }

    @Test
    void statisticsNeverHideRowsFromDuckDbFilters() throws Exception {
        ParquetSchema schema = ParquetSchema.of(new ParquetColumn("x", ParquetType.FLOAT, false),
                new ParquetColumn("y", ParquetType.DOUBLE, false), new ParquetColumn("i", ParquetType.INT64, false));
        ParquetEncoder encoder = new ParquetEncoder(schema, ParquetCompression.SNAPPY);
        Path file = dir.resolve("stats.parquet");
        ParquetFiles.writeAtomically(file, schema, List.of(
                encoder.encode(List.of(ColumnValues.ofFloats(new float[] {1, Float.NaN}),
                        ColumnValues.ofDoubles(new double[] {-0.0, 5}), ColumnValues.ofLongs(new long[] {1, 2}))),
                encoder.encode(List.of(ColumnValues.ofFloats(new float[] {0.0f, 3}),
                        ColumnValues.ofDoubles(new double[] {0.0, Double.NaN}),
                        ColumnValues.ofLongs(new long[] {-5, Long.MAX_VALUE})))), Map.of());
        String src = " FROM read_parquet('" + file + "')";
        assertEquals(List.of(List.of(2L)), query("SELECT count(*)" + src + " WHERE x > 2"), "NaN > 2 in DuckDB");
        assertEquals(List.of(List.of(1L)), query("SELECT count(*)" + src + " WHERE x = 0"));
        assertEquals(List.of(List.of(2L)), query("SELECT count(*)" + src + " WHERE y = 0"), "-0.0 = 0.0");
        assertEquals(List.of(List.of(1L)), query("SELECT count(*)" + src + " WHERE i = " + Long.MAX_VALUE));
        assertEquals(List.of(List.of(1L)), query("SELECT count(*)" + src + " WHERE i < 0"));
    }

    // ---- DuckDB writes, Mantis reads ----

    private static final String DUCK_COLUMNS = "i::BIGINT AS idx, (i * 3 - 7)::INTEGER AS i32, i::FLOAT / 8 AS f, "
            + "i::DOUBLE / 3 AS d, i % 3 = 0 AS b, 'task ' || (i % 5) AS task, 'frame-' || i AS uniq, "
            + "list_transform(range(i % 5), lambda x: (x + i)::FLOAT / 4) AS state, "
            + "list_transform(range(i % 3), lambda x: 'tag' || x) AS tags, (i % 100)::SMALLINT AS small, "
            + "(i % 7)::TINYINT AS tiny, [i::DOUBLE, -i::DOUBLE] AS pair";

    @ParameterizedTest
    @CsvSource({"uncompressed, V1", "snappy, V1", "gzip, V1", "zstd, V1", "lz4, V1", "uncompressed, V2",
        "snappy, V2", "gzip, V2", "zstd, V2", "lz4, V2"})
    void mantisReadsWhatDuckDbWrites(String compression, String version) throws Exception {
        int rows = 2500;
        Path file = dir.resolve("duck-" + compression + "-" + version + ".parquet");
        execute("COPY (SELECT " + DUCK_COLUMNS + " FROM range(" + rows + ") t(i)) TO '" + file
                + "' (FORMAT parquet, COMPRESSION " + compression + ", ROW_GROUP_SIZE 1000, PARQUET_VERSION "
                + version + ", KV_METADATA {source: 'duckdb'})");
        try (ParquetReader r = ParquetReader.open(file)) {
            assertEquals(ParquetSchema.of(new ParquetColumn("idx", ParquetType.INT64, false),
                    new ParquetColumn("i32", ParquetType.INT32, false), new ParquetColumn("f", ParquetType.FLOAT, false),
                    new ParquetColumn("d", ParquetType.DOUBLE, false),
                    new ParquetColumn("b", ParquetType.BOOLEAN, false),
                    new ParquetColumn("task", ParquetType.STRING, false),
                    new ParquetColumn("uniq", ParquetType.STRING, false),
                    new ParquetColumn("state", ParquetType.FLOAT, true),
                    new ParquetColumn("tags", ParquetType.STRING, true),
                    new ParquetColumn("small", ParquetType.INT32, false),
                    new ParquetColumn("tiny", ParquetType.INT32, false),
                    new ParquetColumn("pair", ParquetType.DOUBLE, true)), r.schema());
            assertEquals(rows, r.rowCount());
            assertTrue(r.rowGroupCount() > 1, r.rowGroupCount() + " row groups");
            assertEquals("duckdb", r.keyValueMetadata().get("source"));
            long[] idx = new long[rows];
            int[] i32 = new int[rows];
            float[] f = new float[rows];
            double[] d = new double[rows];
            boolean[] b = new boolean[rows];
            String[] task = new String[rows];
            String[] uniq = new String[rows];
            int[] small = new int[rows];
            int[] tiny = new int[rows];
            List<Float> state = new ArrayList<>();
            int[] stateOffsets = new int[rows + 1];
            List<String> tags = new ArrayList<>();
            int[] tagOffsets = new int[rows + 1];
            double[] pair = new double[2 * rows];
            for (int i = 0; i < rows; i++) {
                idx[i] = i;
                i32[i] = i * 3 - 7;
                f[i] = (float) i / 8;
                d[i] = (double) i / 3;
                b[i] = i % 3 == 0;
                task[i] = "task " + (i % 5);
                uniq[i] = "frame-" + i;
                small[i] = i % 100;
                tiny[i] = i % 7;
                for (int x = 0; x < i % 5; x++) {
                    state.add((float) (x + i) / 4);
                }
                stateOffsets[i + 1] = state.size();
                for (int x = 0; x < i % 3; x++) {
                    tags.add("tag" + x);
                }
                tagOffsets[i + 1] = tags.size();
                pair[2 * i] = i;
                pair[2 * i + 1] = -(double) i; // -0.0 at i = 0, as in DuckDB
            }
            float[] stateArray = new float[state.size()];
            for (int k = 0; k < stateArray.length; k++) {
                stateArray[k] = state.get(k);
            }
            assertSameValues(ColumnValues.ofLongs(idx), r.read("idx"), "idx");
            assertSameValues(ColumnValues.ofInts(i32), r.read("i32"), "i32");
            assertSameValues(ColumnValues.ofFloats(f), r.read("f"), "f");
            assertSameValues(ColumnValues.ofDoubles(d), r.read("d"), "d");
            assertSameValues(ColumnValues.ofBooleans(b), r.read("b"), "b");
            assertSameValues(ColumnValues.ofStrings(task), r.read("task"), "task");
            assertSameValues(ColumnValues.ofStrings(uniq), r.read("uniq"), "uniq");
            assertSameValues(ColumnValues.ofFloatLists(stateArray, stateOffsets), r.read("state"), "state");
            assertSameValues(ColumnValues.ofStringLists(tags.toArray(new String[0]), tagOffsets), r.read("tags"),
                    "tags");
            assertSameValues(ColumnValues.ofInts(small), r.read("small"), "small");
            assertSameValues(ColumnValues.ofInts(tiny), r.read("tiny"), "tiny");
            assertSameValues(ColumnValues.ofDoubleLists(pair, LeRobotFrames.offsets(rows, 2)), r.read("pair"), "pair");
            int first = r.rowGroupRowCount(0);
            assertArrayEquals(java.util.Arrays.copyOfRange(uniq, first, first + r.rowGroupRowCount(1)),
                    r.read("uniq", 1).strings());
        }
    }

    @Test
    void duckDbV2FilesUseTheEncodingsMantisDecodes() throws Exception {
        Path file = dir.resolve("encodings.parquet");
        execute("COPY (SELECT " + DUCK_COLUMNS + " FROM range(3000) t(i)) TO '" + file
                + "' (FORMAT parquet, PARQUET_VERSION V2)");
        Set<String> encodings = new TreeSet<>();
        for (List<Object> row : query("SELECT encodings FROM parquet_metadata('" + file + "')")) {
            encodings.addAll(List.of(((String) row.get(0)).split(", ")));
        }
        assertTrue(encodings.containsAll(Set.of("DELTA_BINARY_PACKED", "BYTE_STREAM_SPLIT", "DELTA_LENGTH_BYTE_ARRAY",
                "RLE_DICTIONARY")), encodings.toString());
        try (ParquetReader r = ParquetReader.open(file)) {
            assertEquals(2999L * 3000 / 2, java.util.Arrays.stream(r.read("idx").longs()).sum());
        }
    }

    // ---- what Mantis refuses, and how it says so ----

    @Test
    void nullsAreRefusedWithTheRow() throws Exception {
        Path file = dir.resolve("nulls.parquet");
        execute("COPY (SELECT CASE WHEN i = 3 THEN NULL ELSE i END AS v, "
                + "CASE WHEN i = 4 THEN [1.0::FLOAT, NULL] ELSE [i::FLOAT] END AS element_null, "
                + "CASE WHEN i = 5 THEN NULL ELSE [i::FLOAT] END AS list_null, "
                + "CASE WHEN i = 6 THEN [] ELSE [i::FLOAT] END AS list_empty FROM range(8) t(i)) TO '" + file
                + "' (FORMAT parquet)");
        try (ParquetReader r = ParquetReader.open(file)) {
            assertEquals(file + ": column v row 3 is null; Mantis needs every value",
                    assertThrows(ParquetException.class, () -> r.read("v")).getMessage());
            assertEquals(file + ": column element_null row 4 is null; Mantis needs every value",
                    assertThrows(ParquetException.class, () -> r.read("element_null")).getMessage());
            assertEquals(file + ": column list_null row 5 is null; Mantis needs every value",
                    assertThrows(ParquetException.class, () -> r.read("list_null")).getMessage());
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 6, 7}, r.read("list_empty").offsets());
        }
    }

    @Test
    void unsupportedColumnsAreLeftOutAndNamedWhenRead() throws Exception {
        Path file = dir.resolve("unsupported.parquet");
        execute("COPY (SELECT 1::BIGINT AS id, {'a': 1, 'b': 'x'} AS s, MAP {'k': 1} AS m, [[1, 2]] AS nested, "
                + "DATE '2024-01-02' AS day, 1.5::DECIMAL(10, 2) AS money, 'x'::BLOB AS raw, "
                + "'\\xFF'::BLOB AS bad_raw, 7::UINTEGER AS u32) TO '" + file + "' (FORMAT parquet)");
        try (ParquetReader r = ParquetReader.open(file)) {
            assertEquals(List.of(new ParquetColumn("id", ParquetType.INT64, false),
                    new ParquetColumn("raw", ParquetType.STRING, false),
                    new ParquetColumn("bad_raw", ParquetType.STRING, false)), r.schema().columns());
            assertArrayEquals(new String[] {"x"}, r.read("raw").strings());
            assertEquals(file + ": column bad_raw, row group 0: value 0 is not valid UTF-8 (Mantis reads byte "
                    + "arrays only as strings)", assertThrows(ParquetException.class, () -> r.read("bad_raw"))
                    .getMessage());
            assertEquals(file + ": column s is a struct, which Mantis cannot read",
                    assertThrows(ParquetException.class, () -> r.read("s")).getMessage());
            assertEquals(file + ": column m is a map, which Mantis cannot read",
                    assertThrows(ParquetException.class, () -> r.read("m")).getMessage());
            assertEquals(file + ": column nested is a list of lists or structs, which Mantis cannot read",
                    assertThrows(ParquetException.class, () -> r.read("nested")).getMessage());
            assertEquals(file + ": column day is INT32 annotated DATE, which Mantis cannot read",
                    assertThrows(ParquetException.class, () -> r.read("day")).getMessage());
            assertTrue(assertThrows(ParquetException.class, () -> r.read("money")).getMessage()
                    .startsWith(file + ": column money is INT"));
            assertEquals(file + ": column u32 is INT32 annotated UINT_32, which Mantis cannot read",
                    assertThrows(ParquetException.class, () -> r.read("u32")).getMessage());
            assertEquals(file + ": no column nope (columns: id, raw, bad_raw)",
                    assertThrows(ParquetException.class, () -> r.read("nope")).getMessage());
        }
    }

    @Test
    void anUnsupportedCodecIsNamedWithTheFileAndColumn() throws Exception {
        Path file = dir.resolve("brotli.parquet");
        execute("COPY (SELECT 1.5::FLOAT AS x) TO '" + file + "' (FORMAT parquet, COMPRESSION brotli)");
        try (ParquetReader r = ParquetReader.open(file)) {
            assertEquals(file + ": column x is compressed with BROTLI, which Mantis cannot read (it reads "
                    + "UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW)",
                    assertThrows(ParquetException.class, () -> r.read("x")).getMessage());
        }
    }

    @Test
    void mantisAndDuckDbAgreeOnAFileWrittenByEach() throws IOException, SQLException {
        // DuckDB rewrites a Mantis file; Mantis reads the copy back to the same values
        ParquetSchema schema = allTypes();
        List<ColumnValues> cols = allTypesValues(30, 4);
        Path mine = dir.resolve("mine.parquet");
        ParquetFiles.writeAtomically(mine, schema,
                List.of(new ParquetEncoder(schema, ParquetCompression.SNAPPY).encode(cols)), Map.of());
        Path theirs = dir.resolve("theirs.parquet");
        execute("COPY (SELECT * FROM read_parquet('" + mine + "')) TO '" + theirs + "' (FORMAT parquet)");
        try (ParquetReader r = ParquetReader.open(theirs)) {
            for (int c = 0; c < cols.size(); c++) {
                String name = schema.columns().get(c).name();
                assertSameValues(cols.get(c), r.read(name), name);
            }
        }
    }
}
