package dev.mantis.robot.dataset.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Encoding frames with FFmpeg and decoding them back: bit-exact encodes, quality, joined files
 * that keep each part's frames at its timestamps. Needs Debian's ffmpeg: with CI set a missing
 * one fails the tests; without CI they are skipped.
 */
class VideoCodecTest {

    static final int W = 64;
    static final int H = 64;
    static final int FPS = 20;

    @TempDir
    Path dir;

    /** Skips without ffmpeg when CI is unset; with CI set, a missing ffmpeg fails the tests. */
    static void assumeFfmpegOrCi() {
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
        boolean present;
        try {
            Ffmpeg.binary();
            present = true;
        } catch (VideoException e) {
            present = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present || ci, "skipped: ffmpeg is missing and CI is unset; "
                + "install it with scripts/install-deps.sh");
    }

    @BeforeAll
    static void needsFfmpeg() {
        assumeFfmpegOrCi();
    }

    /**
     * A colour gradient with a moving brighter block, different per frame (edges in brightness,
     * not hue, which yuv420p keeps at full resolution).
     */
    static byte[] frame(int k, int seed) {
        byte[] rgb = new byte[W * H * 3];
        for (int v = 0; v < H; v++) {
            for (int u = 0; u < W; u++) {
                int i = 3 * (v * W + u);
                int block = Math.abs(u - (8 + 2 * k + seed) % W) < 6 && Math.abs(v - 24) < 6 ? 60 : 0;
                rgb[i] = (byte) (block + 40 + 2 * u);
                rgb[i + 1] = (byte) (block + 60 + 2 * v);
                rgb[i + 2] = (byte) (block + 100 + seed);
            }
        }
        return rgb;
    }

    static Path encode(Path file, int n, int seed, VideoSettings settings) throws IOException {
        try (VideoEncoder e = VideoEncoder.start(file, W, H, FPS, settings)) {
            for (int k = 0; k < n; k++) {
                e.write(frame(k, seed));
            }
            assertEquals(n, e.finish());
        }
        return file;
    }

    /** Peak signal-to-noise ratio of two RGB images, dB. */
    static double psnr(byte[] a, byte[] b) {
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] & 0xff) - (b[i] & 0xff);
            se += d * d;
        }
        double mse = se / a.length;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    @ParameterizedTest
    @EnumSource(VideoCodec.class)
    void sameFramesSameBytesAndFramesComeBack(VideoCodec codec) throws IOException {
        VideoSettings s = VideoSettings.of(codec);
        Path a = encode(dir.resolve("a.mp4"), 30, 0, s);
        Path b = encode(dir.resolve("b.mp4"), 30, 0, s);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "bit-exact encodes");
        List<byte[]> back = VideoDecoder.frames(a, 0, 1000, W, H, FPS);
        assertEquals(30, back.size());
        for (int k = 0; k < 30; k++) {
            double p = psnr(frame(k, 0), back.get(k));
            assertTrue(p >= 35, codec + " frame " + k + " PSNR " + p + " dB");
        }
        assertArrayEquals(back.get(17), VideoDecoder.frame(a, 17.0 / FPS, W, H, FPS));
    }

    @ParameterizedTest
    @EnumSource(VideoCodec.class)
    void joinedPartsKeepEachPartsFramesAtItsTimestamps(VideoCodec codec) throws IOException {
        VideoSettings s = VideoSettings.of(codec);
        int[] lengths = {17, 23, 5};
        List<Path> parts = new ArrayList<>();
        for (int p = 0; p < lengths.length; p++) {
            parts.add(encode(dir.resolve("part" + p + ".mp4"), lengths[p], 10 * p, s));
        }
        Path joined = dir.resolve("joined.mp4");
        VideoConcat.concat(parts, joined);
        Path again = dir.resolve("again.mp4");
        VideoConcat.concat(parts, again);
        assertArrayEquals(Files.readAllBytes(joined), Files.readAllBytes(again), "bit-exact joins");
        assertEquals(45, VideoDecoder.frames(joined, 0, 1000, W, H, FPS).size());
        int from = 0;
        for (int p = 0; p < lengths.length; p++) {
            List<byte[]> alone = VideoDecoder.frames(parts.get(p), 0, 1000, W, H, FPS);
            List<byte[]> inJoined = VideoDecoder.frames(joined, (double) from / FPS, lengths[p], W, H, FPS);
            assertEquals(lengths[p], inJoined.size());
            for (int k = 0; k < lengths[p]; k++) {
                assertArrayEquals(alone.get(k), inJoined.get(k), "part " + p + " frame " + k);
            }
            from += lengths[p];
        }
    }

    @Test
    void missingFfmpegIsOneClearError() {
        VideoException e = assertThrows(VideoException.class, () -> Ffmpeg.binary(Map.of("PATH", dir.toString())));
        assertEquals("ffmpeg was not found on the PATH; videos need it: install it (apt-get install ffmpeg, or "
                + "scripts/install-deps.sh) or set MANTIS_FFMPEG to its path", e.getMessage());
    }

    @Test
    void aBadVideoFileIsOneLine() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.mp4"), "not a video");
        VideoException e = assertThrows(VideoException.class, () -> VideoDecoder.frames(junk, 0, 1, W, H, FPS));
        assertTrue(e.getMessage().startsWith("decoding " + junk + " failed: ffmpeg exited with"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
