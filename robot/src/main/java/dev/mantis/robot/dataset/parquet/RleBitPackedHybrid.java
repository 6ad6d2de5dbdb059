package dev.mantis.robot.dataset.parquet;

/**
 * The RLE / bit-packing hybrid encoding of small unsigned integers (repetition and definition levels,
 * dictionary indices, RLE booleans), without the length prefix: a run of 8 or more equal values is an
 * RLE run, anything else goes into bit-packed groups of 8 values, LSB first.
 */
final class RleBitPackedHybrid {


    private RleBitPackedHybrid() {
    }

    /** The number of bits needed for values up to {@code max}. */
    static int bitWidth(int max) {
        return 32 - Integer.numberOfLeadingZeros(max);
    }

    /** Appends the encoding of {@code values[0, n)}, each below {@code 1 << bitWidth}. */
    static void encode(int[] values, int n, int bitWidth, ByteSink out) {
        int valueBytes = (bitWidth + 7) >>> 3;
        int i = 0;
        while (i < n) {
            if (run(values, i, n, 8) >= 8) {
                int v = values[i];
                int j = i + 1;
                while (j < n && values[j] == v) {
                    j++;
                }
                out.writeVarint((long) (j - i) << 1);
                for (int b = 0; b < valueBytes; b++) {
                    out.writeByte(v >>> (8 * b));
                }
                i = j;
            } else {
                int groups = 0;
                int j = i;
                do {
                    j += 8;
                    groups++;
                } while (j < n && run(values, j, n, 8) < 8);
                out.writeVarint(((long) groups << 1) | 1);
                out.ensure(groups * bitWidth);
                long acc = 0;
                int bits = 0;
                for (int k = i; k < i + groups * 8; k++) {
                    acc |= (long) (k < n ? values[k] : 0) << bits;
                    bits += bitWidth;
                    while (bits >= 8) {
                        out.writeByte((int) acc);
                        acc >>>= 8;
                        bits -= 8;
                    }
                }
                i = Math.min(j, n);
            }
        }
    }

    /** The length (capped at {@code cap}) of the run of equal values starting at {@code i}. */
    private static int run(int[] values, int i, int n, int cap) {
        int v = values[i];
        int j = i + 1;
        while (j < n && j - i < cap && values[j] == v) {
            j++;
        }
        return j - i;
    }

    /**
     * Decodes {@code n} values from {@code buf[off, end)} into {@code out[0, n)}; returns the position
     * after the last run used.
     */
    static int decode(byte[] buf, int off, int end, int bitWidth, int[] out, int n) throws CorruptData {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new CorruptData("bit width " + bitWidth + " is out of range");
        }
        int valueBytes = (bitWidth + 7) >>> 3;
        long mask = (1L << bitWidth) - 1;
        int p = off;
        int done = 0;
        while (done < n) {
            long header = 0;
            for (int shift = 0; ; shift += 7) {
                if (p >= end) {
                    throw new CorruptData("RLE/bit-packed data ends after " + done + " of " + n + " values");
                }
                int b = buf[p++] & 0xFF;
                header |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
                if (shift > 28) {
                    throw new CorruptData("RLE/bit-packed run header too long");
                }
            }
            if ((header & 1) == 0) {
                long count = header >>> 1;
                if (valueBytes > end - p) {
                    throw new CorruptData("RLE run value runs past the end");
                }
                int v = 0;
                for (int b = 0; b < valueBytes; b++) {
                    v |= (buf[p++] & 0xFF) << (8 * b);
                }
                int take = (int) Math.min(count, n - done);
                java.util.Arrays.fill(out, done, done + take, v);
                done += take;
            } else {
                long groups = header >>> 1;
                long bytes = groups * bitWidth;
                int take = (int) Math.min(groups * 8, n - done);
                int usable = (int) Math.min(bytes, end - p);
                if (((long) take * bitWidth + 7) / 8 > usable) {
                    throw new CorruptData("bit-packed run runs past the end");
                }
                long acc = 0;
                int bits = 0;
                int q = p;
                for (int k = 0; k < take; k++) {
                    while (bits < bitWidth) {
                        acc |= (long) (buf[q++] & 0xFF) << bits;
                        bits += 8;
                    }
                    out[done + k] = (int) (acc & mask);
                    acc >>>= bitWidth;
                    bits -= bitWidth;
                }
                done += take;
                p += (int) Math.min(bytes, end - p);
            }
        }
        return p;
    }

    /**
     * Decodes {@code n} values of the deprecated BIT_PACKED level encoding (MSB first, no runs) from
     * {@code buf[off, end)}; returns the position after them.
     */
    static int decodeLegacyBitPacked(byte[] buf, int off, int end, int bitWidth, int[] out, int n)
            throws CorruptData {
        long totalBits = (long) n * bitWidth;
        int bytes = (int) ((totalBits + 7) / 8);
        if (bytes > end - off) {
            throw new CorruptData("BIT_PACKED levels run past the end");
        }
        long bit = 0;
        for (int k = 0; k < n; k++) {
            int v = 0;
            for (int b = 0; b < bitWidth; b++, bit++) {
                int byteValue = buf[off + (int) (bit >>> 3)] & 0xFF;
                v = (v << 1) | ((byteValue >>> (7 - (int) (bit & 7))) & 1);
            }
            out[k] = v;
        }
        return off + bytes;
    }
}
