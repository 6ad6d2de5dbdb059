package dev.mantis.robot.dataset.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mantis.robot.dataset.parquet.HandMadeParquet.Chunk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list shapes other writers use (legacy 2-level, bare repeated, any required/optional mix) and
 * the encodings DuckDB does not write (RLE booleans, DELTA_BYTE_ARRAY, wide DELTA_BINARY_PACKED).
 */
class ParquetLayoutsTest {

    private static final int REQ = SchemaElement.REQUIRED;
    private static final int OPT = SchemaElement.OPTIONAL;
    private static final int REP = SchemaElement.REPEATED;
    private static final int LIST = SchemaElement.CONVERTED_LIST;

    private static SchemaElement root(int children) {
        return SchemaElement.group("schema", REQ, children, -1, -1);
    }

    private static byte[] ints(int... v) {
        ByteSink b = new ByteSink(16);
        for (int x : v) {
            b.writeIntLE(x);
        }
        return b.toByteArray();
    }

    private static byte[] concat(ByteSink levels, byte[] values) {
        levels.writeBytes(values, 0, values.length);
        return levels.toByteArray();
    }

    @Test
    void everyListShapeReadsToTheSameOffsets(@TempDir Path dir) throws IOException {
        List<SchemaElement> schema = List.of(root(6),
                // legacy 2-level: optional group (LIST) { repeated int32 array }
                SchemaElement.group("two_level", OPT, 1, LIST, -1),
                SchemaElement.leaf("array", REP, Encodings.TYPE_INT32, -1, -1),
                // a bare repeated field
                SchemaElement.leaf("bare", REP, Encodings.TYPE_INT32, -1, -1),
                // optional list of required elements
                SchemaElement.group("opt_req", OPT, 1, LIST, SchemaElement.LOGICAL_LIST),
                SchemaElement.group("list", REP, 1, -1, -1),
                SchemaElement.leaf("element", REQ, Encodings.TYPE_INT32, -1, -1),
                // required list of optional elements, pyarrow's "item" naming
                SchemaElement.group("req_opt", REQ, 1, LIST, -1),
                SchemaElement.group("list", REP, 1, -1, -1),
                SchemaElement.leaf("item", OPT, Encodings.TYPE_INT32, -1, -1),
                // a legacy list of one-field structs: unsupported, but its leaf must still be counted
                SchemaElement.group("structs", OPT, 1, LIST, -1),
                SchemaElement.group("array", REP, 1, -1, -1),
                SchemaElement.leaf("x", REQ, Encodings.TYPE_INT32, -1, -1),
                SchemaElement.leaf("after", REQ, Encodings.TYPE_INT32, -1, -1));
        // three rows: [1, 2], [], [3]
        Path file = HandMadeParquet.write(dir.resolve("lists.parquet"), schema, 3, List.of(
                new Chunk(List.of("two_level", "array"), Encodings.TYPE_INT32, 4, Encodings.PLAIN,
                        concat(HandMadeParquet.levels(HandMadeParquet.levels(new ByteSink(8), 1, 0, 1, 0, 0), 2, 2, 2,
                                1, 2), ints(1, 2, 3))),
                new Chunk(List.of("bare"), Encodings.TYPE_INT32, 4, Encodings.PLAIN,
                        concat(HandMadeParquet.levels(HandMadeParquet.levels(new ByteSink(8), 1, 0, 1, 0, 0), 1, 1, 1,
                                0, 1), ints(1, 2, 3))),
                new Chunk(List.of("opt_req", "list", "element"), Encodings.TYPE_INT32, 4, Encodings.PLAIN,
                        concat(HandMadeParquet.levels(HandMadeParquet.levels(new ByteSink(8), 1, 0, 1, 0, 0), 2, 2, 2,
                                1, 2), ints(1, 2, 3))),
                new Chunk(List.of("req_opt", "list", "item"), Encodings.TYPE_INT32, 4, Encodings.PLAIN,
                        concat(HandMadeParquet.levels(HandMadeParquet.levels(new ByteSink(8), 1, 0, 1, 0, 0), 2, 2, 2,
                                0, 2), ints(1, 2, 3))),
                new Chunk(List.of("structs", "array", "x"), Encodings.TYPE_INT32, 3, Encodings.PLAIN,
                        concat(HandMadeParquet.levels(HandMadeParquet.levels(new ByteSink(8), 1, 0, 0, 0), 2, 2, 2,
                                2), ints(9, 9, 9))),
                new Chunk(List.of("after"), Encodings.TYPE_INT32, 3, Encodings.PLAIN, ints(7, 8, 9))));
        try (ParquetReader r = ParquetReader.open(file)) {
            assertEquals(List.of("two_level", "bare", "opt_req", "req_opt", "after"),
                    r.schema().columns().stream().map(ParquetColumn::name).toList());
            for (String name : List.of("two_level", "bare", "opt_req", "req_opt")) {
                ColumnValues v = r.read(name);
                assertArrayEquals(new int[] {0, 2, 2, 3}, v.offsets(), name);
                assertArrayEquals(new int[] {1, 2, 3}, v.ints(), name);
            }
            assertArrayEquals(new int[] {7, 8, 9}, r.read("after").ints());
            assertEquals(file + ": column structs is a list of structs, which Mantis cannot read",
                    assertThrows(ParquetException.class, () -> r.read("structs")).getMessage());
        }
    }

    @Test
    void rleBooleansDeltaStringsAndWideDeltaIntegersDecode(@TempDir Path dir) throws IOException {
        boolean[] flags = new boolean[300];
        int[] flagLevels = new int[300];
        for (int i = 0; i < 300; i++) {
            flags[i] = i < 100 || i % 7 == 0;
            flagLevels[i] = flags[i] ? 1 : 0;
        }
        ByteSink rle = new ByteSink(64);
        HandMadeParquet.levels(rle, 1, flagLevels);

        String[] names = {"robot", "robotic", "rob", "arm", "", "armé", "日本"};
        ByteSink delta = new ByteSink(64);
        long[] prefixes = new long[names.length];
        long[] suffixes = new long[names.length];
        ByteSink suffixBytes = new ByteSink(64);
        byte[] previous = new byte[0];
        for (int i = 0; i < names.length; i++) {
            byte[] b = names[i].getBytes(StandardCharsets.UTF_8);
            int p = 0;
            while (p < Math.min(b.length, previous.length) && b[p] == previous[p]) {
                p++;
            }
            prefixes[i] = p;
            suffixes[i] = b.length - p;
            suffixBytes.writeBytes(b, p, b.length - p);
            previous = b;
        }
        HandMadeParquet.deltaBinaryPacked(delta, prefixes);
        HandMadeParquet.deltaBinaryPacked(delta, suffixes);
        delta.writeBytes(suffixBytes.array(), 0, suffixBytes.size());

        long[] wide = new long[300];
        for (int i = 0; i < 300; i++) {
            wide[i] = i % 3 == 0 ? Long.MIN_VALUE + i : i % 3 == 1 ? Long.MAX_VALUE - i : i * 1_000_000_007L;
        }
        ByteSink longs = new ByteSink(64);
        HandMadeParquet.deltaBinaryPacked(longs, wide);

        Path file = HandMadeParquet.write(dir.resolve("encodings.parquet"), List.of(root(2),
                SchemaElement.leaf("flags", REQ, Encodings.TYPE_BOOLEAN, -1, -1),
                SchemaElement.leaf("wide", REQ, Encodings.TYPE_INT64, -1, -1)), 300, List.of(
                new Chunk(List.of("flags"), Encodings.TYPE_BOOLEAN, 300, Encodings.RLE, rle.toByteArray()),
                new Chunk(List.of("wide"), Encodings.TYPE_INT64, 300, Encodings.DELTA_BINARY_PACKED,
                        longs.toByteArray())));
        try (ParquetReader r = ParquetReader.open(file)) {
            assertArrayEquals(flags, r.read("flags").booleans());
            assertArrayEquals(wide, r.read("wide").longs());
        }
        Path names7 = HandMadeParquet.write(dir.resolve("names.parquet"), List.of(root(1),
                SchemaElement.leaf("names", REQ, Encodings.TYPE_BYTE_ARRAY, SchemaElement.CONVERTED_UTF8, -1)),
                names.length, List.of(new Chunk(List.of("names"), Encodings.TYPE_BYTE_ARRAY, names.length,
                        Encodings.DELTA_BYTE_ARRAY, delta.toByteArray())));
        try (ParquetReader r = ParquetReader.open(names7)) {
            assertArrayEquals(names, r.read("names").strings());
        }
    }
}
