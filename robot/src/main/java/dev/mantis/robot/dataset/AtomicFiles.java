package dev.mantis.robot.dataset;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes whole files so that a crash at any moment leaves the old contents or the new ones:
 * a hidden temporary file beside the target, flushed to disk, then renamed over it (a
 * {@link StagedFiles} commit of one file).
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Replaces {@code file} by {@code bytes}, creating its directory if needed. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    /** Replaces {@code file} by what {@code contents} writes, creating its directory if needed. */
    public static void write(Path file, StagedFiles.Contents contents) throws IOException {
        try (StagedFiles commit = new StagedFiles()) {
            commit.stage(file, contents);
            commit.publish();
        }
    }
}
