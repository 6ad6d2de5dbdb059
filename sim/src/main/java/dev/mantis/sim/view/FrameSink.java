package dev.mantis.sim.view;

import java.io.IOException;

/**
 * Where rendered views go: a PNG file ({@link PngSink}) or an MP4 video ({@link Mp4Sink}). Frames are RGB, 8 bits per channel, row-major with row 0 at the top (the layout of
 * {@link dev.mantis.sim.render.RgbdFrame#rgb}).
 */
public interface FrameSink extends AutoCloseable {

    /**
     * Whether the sink takes every frame from the one shown to the end of the episode (a video),
     * rather than one frame (an image).
     */
    default boolean wholeEpisode() {
        return false;
    }

    /** Takes one frame of {@code width} x {@code height} pixels; {@code rgb} is only read during the call. */
    void write(int width, int height, byte[] rgb) throws IOException;

    /** Finishes the output (flushes, closes files). */
    @Override
    void close() throws IOException;
}
