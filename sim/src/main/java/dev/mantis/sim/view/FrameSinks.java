package dev.mantis.sim.view;

import java.nio.file.Path;
import java.util.Locale;

/** Chooses the {@link FrameSink} for an output file by its extension. */
public final class FrameSinks {

    private FrameSinks() {
    }

    /**
     * A sink writing {@code file}: {@code .png} one image, {@code .mp4} the episode from the frame
     * shown to its end, one video frame per control step.
     *
     * @throws IllegalArgumentException for an unknown extension, in one line
     */
    public static FrameSink open(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return new PngSink(file);
        }
        if (name.endsWith(".mp4")) {
            return new Mp4Sink(file, (int) dev.mantis.sim.task.Task.CONTROL_HZ);
        }
        throw new IllegalArgumentException(file + ": unknown output type; give FILE.png or FILE.mp4");
    }
}
