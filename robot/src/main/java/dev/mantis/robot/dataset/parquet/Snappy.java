package dev.mantis.robot.dataset.parquet;

import java.util.Arrays;

/**
 * The Snappy raw format (no framing): a greedy hash-matching compressor that emits literals and
 * two-byte-offset copies within 64 KiB blocks, and a decompressor for all element kinds. One instance
 * reuses its hash table; it is not thread-safe.
 */
final class Snappy {

    private static final int BLOCK = 1 << 16;
    private static final int MAX_TABLE_BITS = 14;
    private static final int MIN_INPUT = 15;

    private final int[] table = new int[1 << MAX_TABLE_BITS];


    /** The largest compressed size of {@code n} input bytes. */
    static int maxCompressedLength(int n) {
        return 32 + n + n / 6;
    }

    /** Appends the compressed form of {@code src[off, off + len)} to {@code out}. */
    void compress(byte[] src, int off, int len, ByteSink out) {
        out.ensure(maxCompressedLength(len));
        byte[] dst = out.array();
        int d = out.size();
        int v = len;
        while ((v & ~0x7F) != 0) {
            dst[d++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        dst[d++] = (byte) v;
        for (int block = 0; block < len; block += BLOCK) {
            d = compressBlock(src, off + block, Math.min(BLOCK, len - block), dst, d);
        }
        out.setSize(d);
    }

    private int compressBlock(byte[] src, int base, int len, byte[] dst, int d) {
        int end = base + len;
        if (len < MIN_INPUT) {
            return literal(src, base, len, dst, d);
        }
        int bits = 8;
        while (bits < MAX_TABLE_BITS && (1 << bits) < len) {
            bits++;
        }
        int shift = 32 - bits;
        Arrays.fill(table, 0, 1 << bits, 0);
        int limit = end - 4; // last position where a 4-byte match can start
        int literalStart = base;
        int p = base + 1;
        int skip = 32;
        while (p <= limit) {
            int word = (int) ByteSink.INT.get(src, p);
            int h = (word * 0x1E35A7BD) >>> shift;
            int candidate = base + table[h];
            table[h] = p - base;
            if (candidate < p && (int) ByteSink.INT.get(src, candidate) == word) {
                d = literal(src, literalStart, p - literalStart, dst, d);
                int matched = 4;
                while (p + matched < end && src[p + matched] == src[candidate + matched]) {
                    matched++;
                }
                d = copy(p - candidate, matched, dst, d);
                p += matched;
                literalStart = p;
                skip = 32;
                if (p <= limit) {
                    int prev = p - 1;
                    table[((int) ByteSink.INT.get(src, prev) * 0x1E35A7BD) >>> shift] = prev - base;
                }
            } else {
                p += skip++ >>> 5;
            }
        }
        return literal(src, literalStart, end - literalStart, dst, d);
    }

    private static int literal(byte[] src, int from, int n, byte[] dst, int d) {
        if (n == 0) {
            return d;
        }
        int m = n - 1;
        if (m < 60) {
            dst[d++] = (byte) (m << 2);
        } else if (m < 1 << 8) {
            dst[d++] = (byte) (60 << 2);
            dst[d++] = (byte) m;
        } else if (m < 1 << 16) {
            dst[d++] = (byte) (61 << 2);
            dst[d++] = (byte) m;
            dst[d++] = (byte) (m >>> 8);
        } else {
            dst[d++] = (byte) (62 << 2);
            dst[d++] = (byte) m;
            dst[d++] = (byte) (m >>> 8);
            dst[d++] = (byte) (m >>> 16);
        }
        System.arraycopy(src, from, dst, d, n);
        return d + n;
    }

    /** Copies of up to 64 bytes with a two-byte offset (offset < 64 KiB within a block). */
    private static int copy(int offset, int n, byte[] dst, int d) {
        while (n > 0) {
            int step = n > 64 ? (n - 64 < 4 ? 60 : 64) : n;
            dst[d++] = (byte) (((step - 1) << 2) | 2);
            dst[d++] = (byte) offset;
            dst[d++] = (byte) (offset >>> 8);
            n -= step;
        }
        return d;
    }

    private static void need(int s, int bytes, int end) throws CorruptData {
        if (bytes > end - s) {
            throw new CorruptData("Snappy data ends in the middle of an element");
        }
    }

    /** The uncompressed length declared at the start of {@code src[off, off + len)}. */
    static int uncompressedLength(byte[] src, int off, int len) throws CorruptData {
        long v = 0;
        for (int i = 0, shift = 0; i < 5; i++, shift += 7) {
            if (i >= len) {
                break;
            }
            int b = src[off + i] & 0xFF;
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (v > Integer.MAX_VALUE) {
                    break;
                }
                return (int) v;
            }
        }
        throw new CorruptData("bad Snappy length header");
    }

    /** Decompresses {@code src[off, off + len)} into {@code dst[0, n)} (n at most dst.length); returns n. */
    static int decompress(byte[] src, int off, int len, byte[] dst) throws CorruptData {
        int end = off + len;
        int s = off;
        int n = uncompressedLength(src, off, len);
        while ((src[s] & 0x80) != 0) {
            s++;
        }
        s++;
        if (n > dst.length) {
            throw new CorruptData("Snappy data declares " + n + " bytes, more than the page's " + dst.length);
        }
        int d = 0;
        {
            while (s < end) {
                int tag = src[s++] & 0xFF;
                int kind = tag & 3;
                if (kind == 0) {
                    int m = tag >>> 2;
                    if (m >= 60) {
                        int bytes = m - 59;
                        need(s, bytes, end);
                        m = 0;
                        for (int i = 0; i < bytes; i++) {
                            m |= (src[s++] & 0xFF) << (8 * i);
                        }
                    }
                    int count = m + 1;
                    if (count <= 0 || count > end - s || count > n - d) {
                        throw new CorruptData("Snappy literal runs past the end");
                    }
                    System.arraycopy(src, s, dst, d, count);
                    s += count;
                    d += count;
                } else {
                    int count;
                    int offset;
                    need(s, kind == 1 ? 1 : kind == 2 ? 2 : 4, end);
                    if (kind == 1) {
                        count = ((tag >>> 2) & 7) + 4;
                        offset = ((tag >>> 5) << 8) | (src[s++] & 0xFF);
                    } else if (kind == 2) {
                        count = (tag >>> 2) + 1;
                        offset = (src[s] & 0xFF) | (src[s + 1] & 0xFF) << 8;
                        s += 2;
                    } else {
                        count = (tag >>> 2) + 1;
                        offset = (src[s] & 0xFF) | (src[s + 1] & 0xFF) << 8 | (src[s + 2] & 0xFF) << 16
                                | (src[s + 3] & 0xFF) << 24;
                        s += 4;
                    }
                    if (offset <= 0 || offset > d || count > n - d) {
                        throw new CorruptData("Snappy copy outside the output");
                    }
                    if (offset >= count) {
                        System.arraycopy(dst, d - offset, dst, d, count);
                    } else {
                        for (int i = 0; i < count; i++) {
                            dst[d + i] = dst[d - offset + i];
                        }
                    }
                    d += count;
                }
            }
        }
        if (d != n) {
            throw new CorruptData("Snappy data gives " + d + " bytes, its header says " + n);
        }
        return n;
    }
}
