package dev.mantis.robot.dataset;

import dev.mantis.robot.dataset.parquet.ColumnValues;

/** Reads numbers out of a column whatever its physical type, as the dataset layer needs them. */
final class Columns {

    private Columns() {
    }

    /** Element {@code i} of the flat values, as a double. */
    static double element(ColumnValues c, int i) {
        switch (c.type()) {
            case FLOAT:
                return c.floats()[i];
            case DOUBLE:
                return c.doubles()[i];
            case INT64:
                return c.longs()[i];
            case INT32:
                return c.ints()[i];
            case BOOLEAN:
                return c.booleans()[i] ? 1 : 0;
            default:
                throw new IllegalArgumentException("a " + c.type() + " column holds no numbers");
        }
    }

    /** Row {@code r} of a scalar numeric column, as a long. */
    static long longAt(ColumnValues c, int r) {
        if (c.isList()) {
            throw new IllegalArgumentException("expected a scalar column, got a list column");
        }
        if (c.type() == dev.mantis.robot.dataset.parquet.ParquetType.INT64) {
            return c.longs()[r];
        }
        return (long) element(c, r);
    }

    /** Row {@code r} of a list column, or of a scalar column as one element, as doubles. */
    static double[] doublesAt(ColumnValues c, int r) {
        int from = c.isList() ? c.offsets()[r] : r;
        int to = c.isList() ? c.offsets()[r + 1] : r + 1;
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = element(c, i);
        }
        return out;
    }

    /** Every element of a numeric column as doubles, row-major; {@code dim} elements per row expected. */
    static double[] allDoubles(ColumnValues c, int dim, String where) throws DatasetException {
        int rows = c.rowCount();
        double[] out = new double[rows * dim];
        for (int r = 0; r < rows; r++) {
            int from = c.isList() ? c.offsets()[r] : r;
            int to = c.isList() ? c.offsets()[r + 1] : r + 1;
            if (to - from != dim) {
                throw new DatasetException(where + ": row " + r + " has " + (to - from) + " elements, info.json says "
                        + dim);
            }
            for (int i = from; i < to; i++) {
                out[r * dim + i - from] = element(c, i);
            }
        }
        return out;
    }
}
