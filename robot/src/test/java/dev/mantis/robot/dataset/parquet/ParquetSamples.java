package dev.mantis.robot.dataset.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

/** Sample columns of every type, list and not, with the awkward values: NaN payloads, -0.0, empty lists. */
final class ParquetSamples {

    static final float[] FLOATS = {1.5f, -0.0f, 0.0f, Float.intBitsToFloat(0x7fc00001), Float.NaN,
        Float.intBitsToFloat(0xffc12345), Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
        -Float.MAX_VALUE, 3.25e-20f};
    static final double[] DOUBLES = {2.5, -0.0, 0.0, Double.longBitsToDouble(0x7ff8000000000123L), Double.NaN,
        Double.longBitsToDouble(0xfff8000000abcdefL), Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 1e300, -7.0,
        Math.PI};
    static final String[] STRINGS = {"pick up the cube", "", "é", "日本語", "robot 🤖", "a\u0000b", "x".repeat(300),
        "task 1", "task 1", "ok", "Ω"};

    private ParquetSamples() {
    }

    /** The twelve columns: each type, then each type as a list; prefix names them. */
    static ParquetSchema allTypes() {
        List<ParquetColumn> c = new ArrayList<>();
        for (ParquetType t : ParquetType.values()) {
            c.add(new ParquetColumn(name(t, false), t, false));
        }
        for (ParquetType t : ParquetType.values()) {
            c.add(new ParquetColumn(name(t, true), t, true));
        }
        return new ParquetSchema(c);
    }

    static String name(ParquetType t, boolean list) {
        return (list ? "list." : "value/") + t.name().toLowerCase();
    }

    /** {@code rows} rows of all types; row r of a list column holds (r + seed) % 5 elements. */
    static List<ColumnValues> allTypesValues(int rows, int seed) {
        List<ColumnValues> v = new ArrayList<>();
        for (ParquetType t : ParquetType.values()) {
            v.add(values(t, rows, seed, null));
        }
        int[] offsets = new int[rows + 1];
        for (int r = 0; r < rows; r++) {
            offsets[r + 1] = offsets[r] + (r + seed) % 5;
        }
        for (ParquetType t : ParquetType.values()) {
            v.add(values(t, offsets[rows], seed + 1, offsets));
        }
        return v;
    }

    /** {@code n} elements of type t, cycling through the sample values. */
    static ColumnValues values(ParquetType t, int n, int seed, int[] offsets) {
        switch (t) {
            case BOOLEAN -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (i * 7 + seed) % 3 == 0;
                }
                return offsets == null ? ColumnValues.ofBooleans(a) : ColumnValues.ofBooleanLists(a, offsets);
            }
            case INT32 -> {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = i % 4 == 0 ? Integer.MIN_VALUE + i : (i - 3) * 1_000_003 + seed;
                }
                return offsets == null ? ColumnValues.ofInts(a) : ColumnValues.ofIntLists(a, offsets);
            }
            case INT64 -> {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) {
                    a[i] = i % 4 == 1 ? Long.MAX_VALUE - i : (i - 5) * 10_000_000_019L + seed;
                }
                return offsets == null ? ColumnValues.ofLongs(a) : ColumnValues.ofLongLists(a, offsets);
            }
            case FLOAT -> {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = FLOATS[(i + seed) % FLOATS.length];
                }
                return offsets == null ? ColumnValues.ofFloats(a) : ColumnValues.ofFloatLists(a, offsets);
            }
            case DOUBLE -> {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = DOUBLES[(i + seed) % DOUBLES.length];
                }
                return offsets == null ? ColumnValues.ofDoubles(a) : ColumnValues.ofDoubleLists(a, offsets);
            }
            default -> {
                String[] a = new String[n];
                for (int i = 0; i < n; i++) {
                    a[i] = STRINGS[(i + seed) % STRINGS.length];
                }
                return offsets == null ? ColumnValues.ofStrings(a) : ColumnValues.ofStringLists(a, offsets);
            }
        }
    }

    /** Asserts that {@code actual} holds exactly {@code expected}'s rows, floats compared bit for bit. */
    static void assertSameValues(ColumnValues expected, ColumnValues actual, String what) {
        assertEquals(expected.type(), actual.type(), what);
        assertEquals(expected.isList(), actual.isList(), what);
        assertArrayEquals(expected.offsets(), actual.offsets(), what);
        assertEquals(expected.rowCount(), actual.rowCount(), what);
        switch (expected.type()) {
            case BOOLEAN -> assertArrayEquals(expected.booleans(), actual.booleans(), what);
            case INT32 -> assertArrayEquals(expected.ints(), actual.ints(), what);
            case INT64 -> assertArrayEquals(expected.longs(), actual.longs(), what);
            case FLOAT -> assertArrayEquals(floatBits(expected.floats()), floatBits(actual.floats()), what);
            case DOUBLE -> assertArrayEquals(doubleBits(expected.doubles()), doubleBits(actual.doubles()), what);
            case STRING -> assertArrayEquals(expected.strings(), actual.strings(), what);
        }
    }

    static int[] floatBits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Float.floatToRawIntBits(a[i]);
        }
        return b;
    }

    static long[] doubleBits(double[] a) {
        long[] b = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Double.doubleToRawLongBits(a[i]);
        }
        return b;
    }
}
