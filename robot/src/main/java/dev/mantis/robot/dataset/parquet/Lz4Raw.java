package dev.mantis.robot.dataset.parquet;

/** Decompressor of the LZ4 block format (Parquet's LZ4_RAW codec). */
final class Lz4Raw {

    private Lz4Raw() {
    }


    /** Decompresses {@code src[off, off + len)} into {@code dst}; returns the number of bytes written. */
    static int decompress(byte[] src, int off, int len, byte[] dst) throws CorruptData {
        int s = off;
        int end = off + len;
        int d = 0;
        while (s < end) {
            int token = src[s++] & 0xFF;
            int literals = token >>> 4;
            if (literals == 15) {
                int b;
                do {
                    if (s >= end) {
                        throw new CorruptData("LZ4 literal length runs past the end");
                    }
                    b = src[s++] & 0xFF;
                    literals += b;
                } while (b == 255);
            }
            if (literals > end - s || literals > dst.length - d) {
                throw new CorruptData("LZ4 literals run past the end");
            }
            System.arraycopy(src, s, dst, d, literals);
            s += literals;
            d += literals;
            if (s == end) {
                break;
            }
            if (end - s < 2) {
                throw new CorruptData("LZ4 match offset runs past the end");
            }
            int offset = (src[s] & 0xFF) | (src[s + 1] & 0xFF) << 8;
            s += 2;
            int match = (token & 15) + 4;
            if ((token & 15) == 15) {
                int b;
                do {
                    if (s >= end) {
                        throw new CorruptData("LZ4 match length runs past the end");
                    }
                    b = src[s++] & 0xFF;
                    match += b;
                } while (b == 255);
            }
            if (offset == 0 || offset > d || match > dst.length - d) {
                throw new CorruptData("LZ4 match outside the output");
            }
            for (int i = 0; i < match; i++) {
                dst[d + i] = dst[d - offset + i];
            }
            d += match;
        }
        return d;
    }
}
