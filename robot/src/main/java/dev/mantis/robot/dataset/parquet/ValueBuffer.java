package dev.mantis.robot.dataset.parquet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The growing values of one column while pages are decoded: a typed flat array (exactly one of the
 * array fields is used) and, for a list column, the start of each row. Becomes a {@link ColumnValues}.
 */
final class ValueBuffer {

    final ParquetType type;
    final boolean list;
    boolean[] booleans;
    int[] ints;
    long[] longs;
    float[] floats;
    double[] doubles;
    String[] strings;
    /** The number of elements. */
    int size;
    private int[] rowStarts;
    /** The number of rows (for a non-list column, equal to size at the end). */
    int rows;

    ValueBuffer(ParquetType type, boolean list, int capacity) {
        this.type = type;
        this.list = list;
        capacity = Math.max(capacity, 8);
        switch (type) {
            case BOOLEAN -> booleans = new boolean[capacity];
            case INT32 -> ints = new int[capacity];
            case INT64 -> longs = new long[capacity];
            case FLOAT -> floats = new float[capacity];
            case DOUBLE -> doubles = new double[capacity];
            case STRING -> strings = new String[capacity];
        }
        rowStarts = list ? new int[capacity] : null;
    }

    /** Makes room for {@code more} elements. */
    void ensure(int more) {
        long need = (long) size + more;
        if (need > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2^31 values in one column");
        }
        int cap = capacity();
        if (need > cap) {
            int n = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, cap * 2L));
            switch (type) {
                case BOOLEAN -> booleans = Arrays.copyOf(booleans, n);
                case INT32 -> ints = Arrays.copyOf(ints, n);
                case INT64 -> longs = Arrays.copyOf(longs, n);
                case FLOAT -> floats = Arrays.copyOf(floats, n);
                case DOUBLE -> doubles = Arrays.copyOf(doubles, n);
                case STRING -> strings = Arrays.copyOf(strings, n);
            }
        }
    }

    private int capacity() {
        return switch (type) {
            case BOOLEAN -> booleans.length;
            case INT32 -> ints.length;
            case INT64 -> longs.length;
            case FLOAT -> floats.length;
            case DOUBLE -> doubles.length;
            case STRING -> strings.length;
        };
    }

    /** Starts a new list row at element {@code element} (which may not have been added yet). */
    void startRow(int element) {
        if (rows == rowStarts.length) {
            rowStarts = Arrays.copyOf(rowStarts, rows * 2);
        }
        rowStarts[rows++] = element;
    }

    /** Appends the UTF-8 string {@code b[off, off + len)}; false if it is not valid UTF-8. */
    boolean addString(byte[] b, int off, int len) {
        if (!Utf8.isValid(b, off, len)) {
            return false;
        }
        strings[size++] = new String(b, off, len, StandardCharsets.UTF_8);
        return true;
    }

    /** Appends {@code n} elements of {@code dict} chosen by {@code indices[0, n)}, which are in range. */
    void addFromDictionary(ValueBuffer dict, int[] indices, int n) {
        ensure(n);
        switch (type) {
            case BOOLEAN -> {
                for (int i = 0; i < n; i++) {
                    booleans[size + i] = dict.booleans[indices[i]];
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    ints[size + i] = dict.ints[indices[i]];
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    longs[size + i] = dict.longs[indices[i]];
                }
            }
            case FLOAT -> {
                for (int i = 0; i < n; i++) {
                    floats[size + i] = dict.floats[indices[i]];
                }
            }
            case DOUBLE -> {
                for (int i = 0; i < n; i++) {
                    doubles[size + i] = dict.doubles[indices[i]];
                }
            }
            case STRING -> {
                for (int i = 0; i < n; i++) {
                    strings[size + i] = dict.strings[indices[i]];
                }
            }
        }
        size += n;
    }

    /** The values decoded so far, trimmed to size. */
    ColumnValues toColumnValues() {
        Object flat = switch (type) {
            case BOOLEAN -> booleans.length == size ? booleans : Arrays.copyOf(booleans, size);
            case INT32 -> ints.length == size ? ints : Arrays.copyOf(ints, size);
            case INT64 -> longs.length == size ? longs : Arrays.copyOf(longs, size);
            case FLOAT -> floats.length == size ? floats : Arrays.copyOf(floats, size);
            case DOUBLE -> doubles.length == size ? doubles : Arrays.copyOf(doubles, size);
            case STRING -> strings.length == size ? strings : Arrays.copyOf(strings, size);
        };
        int[] offsets = null;
        if (list) {
            offsets = Arrays.copyOf(rowStarts, rows + 1);
            offsets[rows] = size;
        }
        return ColumnValues.of(type, flat, offsets);
    }
}
