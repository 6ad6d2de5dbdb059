package dev.mantis.robot.dataset.parquet;

/**
 * Decoder of the DELTA_BINARY_PACKED encoding (INT32 and INT64 values, and the lengths inside
 * DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY): a header, then blocks of a minimum delta, miniblock
 * bit widths and bit-packed miniblocks. Arithmetic wraps around as the format says.
 */
final class DeltaBinaryPacked {

    /** The read position in {@code buf}, which ends at {@code end}. */
    private int pos;
    private final byte[] buf;
    private final int end;

    private DeltaBinaryPacked(byte[] buf, int pos, int end) {
        this.buf = buf;
        this.pos = pos;
        this.end = end;
    }

    private long varint() throws CorruptData {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw new CorruptData("DELTA_BINARY_PACKED data ends early");
            }
            int b = buf[pos++] & 0xFF;
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new CorruptData("DELTA_BINARY_PACKED varint too long");
    }

    private long zigzag() throws CorruptData {
        long v = varint();
        return (v >>> 1) ^ -(v & 1);
    }

    /** The value count declared by the header at {@code buf[off]}. */
    static int count(byte[] buf, int off, int end) throws CorruptData {
        DeltaBinaryPacked d = new DeltaBinaryPacked(buf, off, end);
        d.varint();
        d.varint();
        long total = d.varint();
        if (total > Integer.MAX_VALUE) {
            throw new CorruptData("DELTA_BINARY_PACKED declares " + total + " values");
        }
        return (int) total;
    }

    /**
     * Decodes all the values of the run at {@code buf[off, end)} into {@code out[0, count)} (count as
     * told by {@link #count}); returns the position after the run.
     */
    static int decode(byte[] buf, int off, int end, long[] out) throws CorruptData {
        DeltaBinaryPacked d = new DeltaBinaryPacked(buf, off, end);
        long blockSize = d.varint();
        long miniBlocks = d.varint();
        long total = d.varint();
        long value = d.zigzag();
        if (blockSize <= 0 || blockSize % 128 != 0 || miniBlocks <= 0 || blockSize % miniBlocks != 0
                || (blockSize / miniBlocks) % 32 != 0 || blockSize > (1 << 20) || total > out.length) {
            throw new CorruptData("bad DELTA_BINARY_PACKED header (block " + blockSize + ", miniblocks " + miniBlocks
                    + ", values " + total + ")");
        }
        int perMini = (int) (blockSize / miniBlocks);
        int n = (int) total;
        if (n == 0) {
            return d.pos;
        }
        out[0] = value;
        int done = 1;
        while (done < n) {
            long minDelta = d.zigzag();
            if (miniBlocks > end - d.pos) {
                throw new CorruptData("DELTA_BINARY_PACKED data ends early");
            }
            int widths = d.pos;
            d.pos += (int) miniBlocks;
            for (int m = 0; m < miniBlocks && done < n; m++) {
                int width = buf[widths + m] & 0xFF;
                if (width > 64) {
                    throw new CorruptData("DELTA_BINARY_PACKED bit width " + width);
                }
                int bytes = perMini * width / 8;
                if (bytes > end - d.pos) {
                    throw new CorruptData("DELTA_BINARY_PACKED miniblock runs past the end");
                }
                int take = Math.min(perMini, n - done);
                long bitPos = (long) d.pos * 8;
                for (int k = 0; k < take; k++) {
                    long packed = width == 0 ? 0 : readBits(buf, bitPos, width);
                    bitPos += width;
                    value += minDelta + packed;
                    out[done++] = value;
                }
                d.pos += bytes;
            }
        }
        return d.pos;
    }

    /** {@code width} bits (1..64) starting at bit {@code bitPos}, LSB first. */
    private static long readBits(byte[] buf, long bitPos, int width) {
        long v = 0;
        int got = 0;
        long p = bitPos;
        while (got < width) {
            int b = buf[(int) (p >>> 3)] & 0xFF;
            int shift = (int) (p & 7);
            int take = Math.min(8 - shift, width - got);
            v |= (long) ((b >>> shift) & ((1 << take) - 1)) << got;
            got += take;
            p += take;
        }
        return v;
    }
}
