package dev.mantis.sim.view;

import dev.mantis.robot.dataset.video.VideoCodec;
import dev.mantis.robot.dataset.video.VideoEncoder;
import dev.mantis.robot.dataset.video.VideoSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every frame it is given, from the first shown to the end of the episode, as an H.264
 * MP4 (yuv420p, one frame per control step) through the dataset video encoder (FFmpeg).
 */
public final class Mp4Sink implements FrameSink {

    private final Path file;
    private final int fps;
    private VideoEncoder encoder;
    private int width;
    private int height;

    /** A sink writing {@code file} at {@code fps} frames per second. */
    public Mp4Sink(Path file, int fps) {
        this.file = file;
        this.fps = fps;
    }

    @Override
    public boolean wholeEpisode() {
        return true;
    }

    @Override
    public void write(int width, int height, byte[] rgb) throws IOException {
        if (encoder == null) {
            if (width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException(file + ": an MP4 needs an even width and height, got " + width
                        + "x" + height + "; give --size with even numbers");
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            encoder = VideoEncoder.start(file, width, height, fps, VideoSettings.of(VideoCodec.H264));
            this.width = width;
            this.height = height;
        }
        if (width != this.width || height != this.height) {
            throw new IllegalArgumentException(file + ": frame of " + width + "x" + height + " in a " + this.width
                    + "x" + this.height + " video");
        }
        encoder.write(rgb);
    }

    /** Frames written so far. */
    public int frames() {
        return encoder == null ? 0 : encoder.frames();
    }

    @Override
    public void close() throws IOException {
        if (encoder != null) {
            encoder.finish();
            encoder.close();
        }
    }
}
