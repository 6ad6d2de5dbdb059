package dev.mantis.robot.dataset.parquet;

/**
 * The PLAIN encoding: little-endian fixed-width numbers, booleans bit-packed LSB first, byte arrays
 * as a 4-byte length and the bytes.
 */
final class PlainValues {

    private PlainValues() {
    }

    /** Appends elements {@code [e0, e1)} of a non-string column to {@code out}. */
    static void encode(ColumnValues v, int e0, int e1, ByteSink out) {
        int n = e1 - e0;
        switch (v.type()) {
            case BOOLEAN -> {
                boolean[] a = v.booleans();
                int bytes = (n + 7) >>> 3;
                out.ensure(bytes);
                byte[] b = out.array();
                int p = out.size();
                for (int i = 0; i < n; i += 8) {
                    int packed = 0;
                    for (int k = 0; k < 8 && i + k < n; k++) {
                        if (a[e0 + i + k]) {
                            packed |= 1 << k;
                        }
                    }
                    b[p++] = (byte) packed;
                }
                out.setSize(p);
            }
            case INT32 -> {
                int[] a = v.ints();
                out.ensure(4 * n);
                byte[] b = out.array();
                int p = out.size();
                for (int i = e0; i < e1; i++, p += 4) {
                    ByteSink.INT.set(b, p, a[i]);
                }
                out.setSize(p);
            }
            case INT64 -> {
                long[] a = v.longs();
                out.ensure(8 * n);
                byte[] b = out.array();
                int p = out.size();
                for (int i = e0; i < e1; i++, p += 8) {
                    ByteSink.LONG.set(b, p, a[i]);
                }
                out.setSize(p);
            }
            case FLOAT -> {
                float[] a = v.floats();
                out.ensure(4 * n);
                byte[] b = out.array();
                int p = out.size();
                for (int i = e0; i < e1; i++, p += 4) {
                    ByteSink.INT.set(b, p, Float.floatToRawIntBits(a[i]));
                }
                out.setSize(p);
            }
            case DOUBLE -> {
                double[] a = v.doubles();
                out.ensure(8 * n);
                byte[] b = out.array();
                int p = out.size();
                for (int i = e0; i < e1; i++, p += 8) {
                    ByteSink.LONG.set(b, p, Double.doubleToRawLongBits(a[i]));
                }
                out.setSize(p);
            }
            case STRING -> {
                String[] a = v.strings();
                for (int i = e0; i < e1; i++) {
                    int at = out.size();
                    out.writeIntLE(0);
                    out.putIntLE(at, Utf8.encode(a[i], out));
                }
            }
        }
    }

    /**
     * Appends {@code n} PLAIN values from {@code buf[pos, end)} to {@code out}; returns the position
     * after them.
     */
    static int decode(byte[] buf, int pos, int end, int n, ValueBuffer out) throws CorruptData {
        out.ensure(n);
        int s = out.size;
        switch (out.type) {
            case BOOLEAN -> {
                need(pos, (n + 7L) >>> 3, end);
                for (int i = 0; i < n; i++) {
                    out.booleans[s + i] = ((buf[pos + (i >>> 3)] >>> (i & 7)) & 1) != 0;
                }
                pos += (n + 7) >>> 3;
            }
            case INT32 -> {
                need(pos, 4L * n, end);
                for (int i = 0; i < n; i++, pos += 4) {
                    out.ints[s + i] = (int) ByteSink.INT.get(buf, pos);
                }
            }
            case INT64 -> {
                need(pos, 8L * n, end);
                for (int i = 0; i < n; i++, pos += 8) {
                    out.longs[s + i] = (long) ByteSink.LONG.get(buf, pos);
                }
            }
            case FLOAT -> {
                need(pos, 4L * n, end);
                for (int i = 0; i < n; i++, pos += 4) {
                    out.floats[s + i] = Float.intBitsToFloat((int) ByteSink.INT.get(buf, pos));
                }
            }
            case DOUBLE -> {
                need(pos, 8L * n, end);
                for (int i = 0; i < n; i++, pos += 8) {
                    out.doubles[s + i] = Double.longBitsToDouble((long) ByteSink.LONG.get(buf, pos));
                }
            }
            case STRING -> {
                for (int i = 0; i < n; i++) {
                    need(pos, 4, end);
                    int len = (int) ByteSink.INT.get(buf, pos);
                    pos += 4;
                    if (len < 0) {
                        throw new CorruptData("negative byte array length " + len);
                    }
                    need(pos, len, end);
                    if (!out.addString(buf, pos, len)) {
                        throw new CorruptData(notUtf8(out.size));
                    }
                    pos += len;
                }
                return pos;
            }
        }
        out.size = s + n;
        return pos;
    }

    static String notUtf8(int element) {
        return "value " + element + " is not valid UTF-8 (Mantis reads byte arrays only as strings)";
    }

    static void need(int pos, long bytes, int end) throws CorruptData {
        if (bytes > end - pos) {
            throw new CorruptData("values run past the end of the page");
        }
    }
}
