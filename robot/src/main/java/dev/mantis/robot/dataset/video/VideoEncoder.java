package dev.mantis.robot.dataset.video;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes RGB frames into MP4 files with one FFmpeg process, fed raw rgb24 frames on its stdin:
 * the settings' codec, yuv420p, bit-exact (no encoder version, no creation time: the same frames
 * and settings give the same bytes). Several streams of different sizes (an episode's cameras)
 * share the process: each frame of all of them goes in as one image, the streams stacked top to
 * bottom, and FFmpeg crops each into its own file. {@link #finish()} waits for the files;
 * {@link #close()} without it abandons the encode and deletes them.
 */
public final class VideoEncoder implements AutoCloseable {

    /** One output file and its frame size, pixels. */
    public record Output(Path file, int width, int height) {
        public Output {
            if (width < 2 || height < 2 || width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException("yuv420p video needs an even image size, got " + width + "x"
                        + height);
            }
        }
    }

    private final List<Output> outputs;
    private final int canvasWidth;
    private final int[] rowOffsets;
    private final byte[] canvas;
    private final Ffmpeg.Run run;
    private final OutputStream stdin;
    private int frames;
    private boolean done;

    private VideoEncoder(List<Output> outputs, int canvasWidth, int[] rowOffsets, Ffmpeg.Run run) {
        this.outputs = outputs;
        this.canvasWidth = canvasWidth;
        this.rowOffsets = rowOffsets;
        this.canvas = outputs.size() == 1 ? null : new byte[canvasWidth * rowOffsets[outputs.size()] * 3];
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
        return start(List.of(new Output(file, width, height)), fps, settings);
    }

    /**
     * Starts encoding one stream per output at {@code fps} (files replaced if they exist); frames
     * go in with {@link #write(byte[][])}.
     *
     * @throws VideoException if ffmpeg is missing or does not start
     */
    public static VideoEncoder start(List<Output> outputs, int fps, VideoSettings settings) throws IOException {
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("no video to encode");
        }
        int width = 0;
        int[] rows = new int[outputs.size() + 1];
        for (int i = 0; i < outputs.size(); i++) {
            width = Math.max(width, outputs.get(i).width());
            rows[i + 1] = rows[i] + outputs.get(i).height();
        }
        List<String> args = new ArrayList<>(List.of("-y", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s",
                width + "x" + rows[outputs.size()], "-framerate", Integer.toString(fps), "-i", "pipe:0"));
        if (outputs.size() > 1) {
            StringBuilder graph = new StringBuilder("[0:v]split=" + outputs.size());
            for (int i = 0; i < outputs.size(); i++) {
                graph.append("[s").append(i).append(']');
            }
            for (int i = 0; i < outputs.size(); i++) {
                Output o = outputs.get(i);
                graph.append(";[s").append(i).append("]crop=").append(o.width()).append(':').append(o.height())
                        .append(":0:").append(rows[i]).append("[o").append(i).append(']');
            }
            args.addAll(List.of("-filter_complex", graph.toString()));
        }
        for (int i = 0; i < outputs.size(); i++) {
            Output o = outputs.get(i);
            if (outputs.size() > 1) {
                args.addAll(List.of("-map", "[o" + i + "]"));
            }
            args.addAll(List.of("-c:v", settings.codec().encoder(), "-crf", Integer.toString(settings.crf()),
                    "-preset", settings.preset(), "-g", Integer.toString(settings.gop()),
                    "-pix_fmt", VideoSettings.PIX_FMT));
            if (settings.codec() == VideoCodec.H264) {
                args.addAll(List.of("-x264-params", "log-level=error"));
            }
            args.addAll(List.of("-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1",
                    "-map_chapters", "-1", "-f", "mp4", o.file().toString()));
            Files.createDirectories(o.file().toAbsolutePath().getParent());
        }
        return new VideoEncoder(List.copyOf(outputs), width, rows, Ffmpeg.start(args, false));
    }

    /** Appends a frame of the only stream: H x W x 3 bytes, rows top to bottom, R G B. */
    public void write(byte[] rgb) throws IOException {
        write(new byte[][] {rgb});
    }

    /** Appends a frame to every stream: {@code rgb[i]} for output i, H x W x 3 bytes, rows top to bottom, R G B. */
    public void write(byte[][] rgb) throws IOException {
        if (done) {
            throw new IllegalStateException("the encoder is finished");
        }
        if (rgb.length != outputs.size()) {
            throw new IllegalArgumentException("expected " + outputs.size() + " frames, one per output, got "
                    + rgb.length);
        }
        for (int i = 0; i < rgb.length; i++) {
            Output o = outputs.get(i);
            if (rgb[i].length != o.width() * o.height() * 3) {
                throw new IllegalArgumentException("a frame of " + o.width() + "x" + o.height() + " RGB needs "
                        + o.width() * o.height() * 3 + " bytes, got " + rgb[i].length);
            }
            if (canvas != null) {
                for (int v = 0; v < o.height(); v++) {
                    System.arraycopy(rgb[i], v * o.width() * 3, canvas, (rowOffsets[i] + v) * canvasWidth * 3,
                            o.width() * 3);
                }
            }
        }
        try {
            stdin.write(canvas != null ? canvas : rgb[0]);
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
            deleteOutputs();
            throw new VideoException("encoding " + outputs.get(0).file() + " failed: " + why);
        }
        frames++;
    }

    /** Frames written so far. */
    public int frames() {
        return frames;
    }

    /**
     * Ends the streams and waits until the files are complete.
     *
     * @return the number of frames in each
     * @throws VideoException if there were no frames or ffmpeg failed
     */
    public int finish() throws IOException {
        if (done) {
            throw new IllegalStateException("the encoder is finished");
        }
        done = true;
        if (frames == 0) {
            run.kill();
            deleteOutputs();
            throw new VideoException("no frames to encode into " + outputs.get(0).file());
        }
        try {
            stdin.close();
        } catch (IOException e) {
            // ffmpeg ended early: await reports why
        }
        run.await("encoding " + outputs.get(0).file());
        return frames;
    }

    private void deleteOutputs() throws IOException {
        for (Output o : outputs) {
            Files.deleteIfExists(o.file());
        }
    }

    /** Abandons an unfinished encode (deleting the files); nothing after {@link #finish()}. */
    @Override
    public void close() throws IOException {
        if (!done) {
            done = true;
            run.kill();
            deleteOutputs();
        }
    }
}
