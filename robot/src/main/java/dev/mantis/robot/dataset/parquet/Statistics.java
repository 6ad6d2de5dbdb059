package dev.mantis.robot.dataset.parquet;

/**
 * Column-chunk min/max statistics as the footer stores them (PLAIN-encoded values). A zero
 * floating-point minimum is written as -0.0 and a zero maximum as +0.0, as the format asks. A
 * floating-point chunk holding a NaN gets no min/max at all: the format leaves NaN out of them, but
 * DuckDB (where NaN is above every number) then skips the chunk for filters such as {@code x > 2}.
 */
final class Statistics {

    private Statistics() {
    }

    /** {min, max} of a non-list, non-empty column, or null when it has none (strings, any NaN). */
    static byte[][] minMax(ColumnValues v) {
        switch (v.type()) {
            case INT32 -> {
                int min = Integer.MAX_VALUE;
                int max = Integer.MIN_VALUE;
                for (int x : v.ints()) {
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
                return new byte[][] {int32(min), int32(max)};
            }
            case INT64 -> {
                long min = Long.MAX_VALUE;
                long max = Long.MIN_VALUE;
                for (long x : v.longs()) {
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
                return new byte[][] {int64(min), int64(max)};
            }
            case FLOAT -> {
                float min = Float.POSITIVE_INFINITY;
                float max = Float.NEGATIVE_INFINITY;
                for (float x : v.floats()) {
                    if (x != x) {
                        return null;
                    }
                    min = x < min ? x : min;
                    max = x > max ? x : max;
                }
                return new byte[][] {int32(Float.floatToRawIntBits(min == 0 ? -0.0f : min)),
                    int32(Float.floatToRawIntBits(max == 0 ? 0.0f : max))};
            }
            case DOUBLE -> {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double x : v.doubles()) {
                    if (x != x) {
                        return null;
                    }
                    min = x < min ? x : min;
                    max = x > max ? x : max;
                }
                return new byte[][] {int64(Double.doubleToRawLongBits(min == 0 ? -0.0 : min)),
                    int64(Double.doubleToRawLongBits(max == 0 ? 0.0 : max))};
            }
            case BOOLEAN -> {
                boolean anyTrue = false;
                boolean anyFalse = false;
                for (boolean x : v.booleans()) {
                    anyTrue |= x;
                    anyFalse |= !x;
                }
                return new byte[][] {{(byte) (anyFalse ? 0 : 1)}, {(byte) (anyTrue ? 1 : 0)}};
            }
            default -> {
                return null;
            }
        }
    }

    private static byte[] int32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    private static byte[] int64(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }
}
