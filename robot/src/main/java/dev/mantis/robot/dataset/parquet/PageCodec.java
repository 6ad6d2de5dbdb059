package dev.mantis.robot.dataset.parquet;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * Page decompression: SNAPPY, GZIP, ZSTD (through zstd-jni) and LZ4_RAW pages into a reusable buffer.
 * Failures are {@link CorruptData}s for the caller to name.
 */
final class PageCodec {

    static final int UNCOMPRESSED = 0;
    static final int SNAPPY = 1;
    static final int GZIP = 2;
    static final int ZSTD = 6;
    static final int LZ4_RAW = 7;

    private PageCodec() {
    }

    /** Whether pages compressed with {@code codec} can be read. */
    static boolean canRead(int codec) {
        return codec == UNCOMPRESSED || codec == SNAPPY || codec == GZIP || codec == ZSTD || codec == LZ4_RAW;
    }

    /**
     * Decompresses {@code src[off, off + len)} into {@code dst[0, n)}, where n, the page's declared
     * uncompressed size, is at most {@code dst.length}.
     */
    static void decompress(int codec, byte[] src, int off, int len, byte[] dst, int n) throws CorruptData {
        int got;
        try {
            got = switch (codec) {
                case UNCOMPRESSED -> {
                    System.arraycopy(src, off, dst, 0, Math.min(len, n));
                    yield len;
                }
                case SNAPPY -> Snappy.decompress(src, off, len, dst);
                case GZIP -> gunzip(src, off, len, dst, n);
                case ZSTD -> unzstd(src, off, len, dst, n);
                case LZ4_RAW -> Lz4Raw.decompress(src, off, len, dst);
                default -> throw new CorruptData("unsupported compression codec " + Encodings.codecName(codec));
            };
        } catch (CorruptData e) {
            throw new CorruptData("corrupt " + Encodings.codecName(codec) + " page: " + e.getMessage());
        }
        if (got != n) {
            throw new CorruptData(Encodings.codecName(codec) + " page gives " + got + " bytes, its header says " + n);
        }
    }

    private static int gunzip(byte[] src, int off, int len, byte[] dst, int n) throws CorruptData {
        try {
            if (len >= 2 && src[off] == (byte) 0x1F && src[off + 1] == (byte) 0x8B) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(src, off, len), 8192)) {
                    int got = in.readNBytes(dst, 0, n);
                    return in.read() >= 0 ? got + 1 : got;
                }
            }
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(src, off, len);
                int got = 0;
                while (got < n && !inflater.finished()) {
                    int k = inflater.inflate(dst, got, n - got);
                    if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    got += k;
                }
                return got;
            } finally {
                inflater.end();
            }
        } catch (IOException | DataFormatException e) {
            throw new CorruptData("corrupt GZIP page: " + e.getMessage());
        }
    }

    private static int unzstd(byte[] src, int off, int len, byte[] dst, int size) throws CorruptData {
        long n;
        try {
            n = Zstd.decompressByteArray(dst, 0, size, src, off, len);
        } catch (LinkageError e) {
            throw new CorruptData("ZSTD pages need the zstd-jni native library, which did not load: " + e);
        } catch (RuntimeException e) {
            throw new CorruptData("corrupt ZSTD page: " + e.getMessage());
        }
        if (Zstd.isError(n)) {
            throw new CorruptData("corrupt ZSTD page: " + Zstd.getErrorName(n));
        }
        return (int) n;
    }
}
