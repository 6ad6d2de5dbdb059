package dev.mantis.robot.dataset.parquet;

import java.util.List;
import java.util.Objects;

/**
 * The values of one column for a run of rows, Arrow style: one flat array of elements plus, for a
 * list column, {@code rowCount + 1} offsets ({@code offsets[0] == 0}, row {@code r} holds elements
 * {@code offsets[r]} to {@code offsets[r + 1] - 1}).
 *
 * <p>Immutable by contract: the factories take the arrays without copying them, and neither this
 * class nor its callers mutate them afterwards; the accessors return those same arrays.
 */
public final class ColumnValues {

    private final ParquetType type;
    private final Object flat;
    private final int[] offsets;
    private final int elementCount;

    private ColumnValues(ParquetType type, Object flat, int elementCount, int[] offsets) {
        this.type = type;
        this.flat = flat;
        this.elementCount = elementCount;
        this.offsets = offsets;
        if (offsets != null) {
            checkOffsets(offsets, elementCount);
        }
    }

    private static void checkOffsets(int[] offsets, int elementCount) {
        if (offsets.length == 0 || offsets[0] != 0) {
            throw new IllegalArgumentException("list offsets must start with 0 (rowCount + 1 offsets)");
        }
        for (int i = 1; i < offsets.length; i++) {
            if (offsets[i] < offsets[i - 1]) {
                throw new IllegalArgumentException("list offsets decrease at row " + (i - 1) + ": " + offsets[i - 1]
                        + " then " + offsets[i]);
            }
        }
        if (offsets[offsets.length - 1] != elementCount) {
            throw new IllegalArgumentException("last list offset is " + offsets[offsets.length - 1]
                    + " but there are " + elementCount + " elements");
        }
    }

    private static String[] checkStrings(String[] v) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] == null) {
                throw new IllegalArgumentException("string element " + i + " is null; Mantis needs every value");
            }
        }
        return v;
    }

    /** One boolean per row. */
    public static ColumnValues ofBooleans(boolean[] v) {
        return new ColumnValues(ParquetType.BOOLEAN, v, v.length, null);
    }

    /** One int per row. */
    public static ColumnValues ofInts(int[] v) {
        return new ColumnValues(ParquetType.INT32, v, v.length, null);
    }

    /** One long per row. */
    public static ColumnValues ofLongs(long[] v) {
        return new ColumnValues(ParquetType.INT64, v, v.length, null);
    }

    /** One float per row. */
    public static ColumnValues ofFloats(float[] v) {
        return new ColumnValues(ParquetType.FLOAT, v, v.length, null);
    }

    /** One double per row. */
    public static ColumnValues ofDoubles(double[] v) {
        return new ColumnValues(ParquetType.DOUBLE, v, v.length, null);
    }

    /** One non-null string per row. */
    public static ColumnValues ofStrings(String[] v) {
        return new ColumnValues(ParquetType.STRING, checkStrings(v), v.length, null);
    }

    /** A list of booleans per row. */
    public static ColumnValues ofBooleanLists(boolean[] flat, int[] offsets) {
        return new ColumnValues(ParquetType.BOOLEAN, flat, flat.length, Objects.requireNonNull(offsets));
    }

    /** A list of ints per row. */
    public static ColumnValues ofIntLists(int[] flat, int[] offsets) {
        return new ColumnValues(ParquetType.INT32, flat, flat.length, Objects.requireNonNull(offsets));
    }

    /** A list of longs per row. */
    public static ColumnValues ofLongLists(long[] flat, int[] offsets) {
        return new ColumnValues(ParquetType.INT64, flat, flat.length, Objects.requireNonNull(offsets));
    }

    /** A list of floats per row. */
    public static ColumnValues ofFloatLists(float[] flat, int[] offsets) {
        return new ColumnValues(ParquetType.FLOAT, flat, flat.length, Objects.requireNonNull(offsets));
    }

    /** A list of doubles per row. */
    public static ColumnValues ofDoubleLists(double[] flat, int[] offsets) {
        return new ColumnValues(ParquetType.DOUBLE, flat, flat.length, Objects.requireNonNull(offsets));
    }

    /** A list of non-null strings per row. */
    public static ColumnValues ofStringLists(String[] flat, int[] offsets) {
        return new ColumnValues(ParquetType.STRING, checkStrings(flat), flat.length, Objects.requireNonNull(offsets));
    }

    /** Values of {@code type} over a flat array of exactly the element count (a boolean[], int[], ...). */
    static ColumnValues of(ParquetType type, Object flat, int[] offsets) {
        return new ColumnValues(type, flat, java.lang.reflect.Array.getLength(flat), offsets);
    }

    /** The element type. */
    public ParquetType type() {
        return type;
    }

    /** Whether each row holds a list of elements. */
    public boolean isList() {
        return offsets != null;
    }

    /** The number of rows. */
    public int rowCount() {
        return offsets == null ? elementCount : offsets.length - 1;
    }

    /** The number of elements in all rows (equal to {@link #rowCount()} when not a list). */
    public int elementCount() {
        return elementCount;
    }

    /** The {@code rowCount + 1} list offsets, or null when this is not a list column. */
    public int[] offsets() {
        return offsets;
    }

    /** The flat elements of a BOOLEAN column. */
    public boolean[] booleans() {
        return (boolean[]) flat(ParquetType.BOOLEAN);
    }

    /** The flat elements of an INT32 column. */
    public int[] ints() {
        return (int[]) flat(ParquetType.INT32);
    }

    /** The flat elements of an INT64 column. */
    public long[] longs() {
        return (long[]) flat(ParquetType.INT64);
    }

    /** The flat elements of a FLOAT column. */
    public float[] floats() {
        return (float[]) flat(ParquetType.FLOAT);
    }

    /** The flat elements of a DOUBLE column. */
    public double[] doubles() {
        return (double[]) flat(ParquetType.DOUBLE);
    }

    /** The flat elements of a STRING column. */
    public String[] strings() {
        return (String[]) flat(ParquetType.STRING);
    }

    /** The flat array, whatever its type. */
    Object flat() {
        return flat;
    }

    private Object flat(ParquetType wanted) {
        if (type != wanted) {
            throw new IllegalStateException("column values are " + describe() + ", not " + wanted);
        }
        return flat;
    }

    /** "FLOAT" or "FLOAT list". */
    String describe() {
        return type + (isList() ? " list" : "");
    }

    /**
     * The rows of {@code parts} appended in order; all parts must have the same type and listness (an
     * IllegalArgumentException otherwise, or when {@code parts} is empty).
     */
    public static ColumnValues concat(List<ColumnValues> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("concat needs at least one part (to know the type)");
        }
        ColumnValues first = parts.get(0);
        if (parts.size() == 1) {
            return first;
        }
        int elements = 0;
        int rows = 0;
        for (ColumnValues p : parts) {
            if (p.type != first.type || p.isList() != first.isList()) {
                throw new IllegalArgumentException("cannot concat " + p.describe() + " to " + first.describe());
            }
            elements = Math.addExact(elements, p.elementCount);
            rows = Math.addExact(rows, p.rowCount());
        }
        Object flat = java.lang.reflect.Array.newInstance(first.flat.getClass().getComponentType(), elements);
        int[] offsets = first.isList() ? new int[rows + 1] : null;
        int e = 0;
        int r = 0;
        for (ColumnValues p : parts) {
            System.arraycopy(p.flat, 0, flat, e, p.elementCount);
            if (offsets != null) {
                for (int i = 1; i < p.offsets.length; i++) {
                    offsets[r + i] = e + p.offsets[i];
                }
            }
            e += p.elementCount;
            r += p.rowCount();
        }
        return new ColumnValues(first.type, flat, elements, offsets);
    }

    @Override
    public String toString() {
        return "ColumnValues[" + describe() + ", " + rowCount() + " rows, " + elementCount + " elements]";
    }
}
