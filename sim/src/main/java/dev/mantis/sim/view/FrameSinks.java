package dev.mantis.sim.view;

import java.nio.file.Path;
import java.util.Locale;

/** Chooses the {@link FrameSink} for an output file by its extension. */
public final class FrameSinks {

    private FrameSinks() {
    }

    /**
     * A sink writing {@code file}: {@code .png} one image. MP4 video is not supported yet (the
     * dataset video encoder will plug in here).
     *
     * @throws IllegalArgumentException for {@code .mp4} or an unknown extension, in one line
     */
    public static FrameSink open(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return new PngSink(file);
        }
        if (name.endsWith(".mp4")) {
            throw new IllegalArgumentException(file + ": MP4 output is not yet supported; write a PNG (FILE.png)");
        }
        throw new IllegalArgumentException(file + ": unknown output type; give FILE.png");
    }
}
