package dev.mantis.robot.dataset.video;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes RGB frames into one MP4 file with FFmpeg, fed raw rgb24 frames on its stdin: the
 * settings' codec, yuv420p, bit-exact (no encoder version, no creation time: the same frames and
 * settings give the same bytes). {@link #finish()} waits for the file; {@link #close()} without
 * it abandons the encode and deletes the file.
 */
public final class VideoEncoder implements AutoCloseable {

    private final Path file;
    private final int width;
    private final int height;
    private final Ffmpeg.Run run;
    private final OutputStream stdin;
    private int frames;
    private boolean done;

    private VideoEncoder(Path file, int width, int height, Ffmpeg.Run run) {
        this.file = file;
        this.width = width;
        this.height = height;
        this.run = run;
        this.stdin = new BufferedOutputStream(run.process().getOutputStream(), 1 << 16);
    }

    /**
     * Starts encoding {@code width} x {@code height} frames at {@code fps} into {@code file}
     * (replaced if it exists).
     *
     * @throws VideoException if ffmpeg is missing or does not start
     */
    public static VideoEncoder start(Path file, int width, int height, int fps, VideoSettings settings)
            throws IOException {
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("yuv420p video needs an even image size, got " + width + "x" + height);
        }
        List<String> args = new ArrayList<>(List.of("-y", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s",
                width + "x" + height, "-framerate", Integer.toString(fps), "-i", "pipe:0",
                "-c:v", settings.codec().encoder(), "-crf", Integer.toString(settings.crf()),
                "-preset", settings.preset(), "-g", Integer.toString(settings.gop()),
                "-pix_fmt", VideoSettings.PIX_FMT));
        if (settings.codec() == VideoCodec.H264) {
            args.addAll(List.of("-x264-params", "log-level=error"));
        }
        args.addAll(List.of("-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1",
                "-map_chapters", "-1", "-f", "mp4", file.toString()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        return new VideoEncoder(file, width, height, Ffmpeg.start(args, false));
    }

    /** Appends a frame: H x W x 3 bytes, rows top to bottom, R G B. */
    public void write(byte[] rgb) throws IOException {
        if (done) {
            throw new IllegalStateException("the encoder is finished");
        }
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException("a frame of " + width + "x" + height + " RGB needs "
                    + width * height * 3 + " bytes, got " + rgb.length);
        }
        try {
            stdin.write(rgb);
        } catch (IOException e) {
            // ffmpeg ended early: let it finish writing why, then report it
            done = true;
            try {
                run.process().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            String why = run.lastLine();
            run.kill();
            throw new VideoException("encoding " + file + " failed: " + why);
        }
        frames++;
    }

    /** Frames written so far. */
    public int frames() {
        return frames;
    }

    /**
     * Ends the stream and waits until the file is complete.
     *
     * @return the number of frames in it
     * @throws VideoException if there were no frames or ffmpeg failed
     */
    public int finish() throws IOException {
        if (done) {
            throw new IllegalStateException("the encoder is finished");
        }
        done = true;
        if (frames == 0) {
            run.kill();
            Files.deleteIfExists(file);
            throw new VideoException("no frames to encode into " + file);
        }
        try {
            stdin.close();
        } catch (IOException e) {
            // ffmpeg ended early: await reports why
        }
        run.await("encoding " + file);
        return frames;
    }

    /** Abandons an unfinished encode (deleting the file); nothing after {@link #finish()}. */
    @Override
    public void close() throws IOException {
        if (!done) {
            done = true;
            run.kill();
            Files.deleteIfExists(file);
        }
    }
}
