package dev.mantis.robot.dataset.video;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The FFmpeg command-line program, run as a subprocess: {@code ffmpeg} on the PATH, or the file
 * the environment variable {@code MANTIS_FFMPEG} names. Its diagnostics go to a temporary file
 * whose last line becomes the error message when it fails.
 */
final class Ffmpeg {

    /** The environment variable naming another ffmpeg binary. */
    static final String ENV = "MANTIS_FFMPEG";

    private Ffmpeg() {
    }

    /**
     * The ffmpeg binary.
     *
     * @throws VideoException when there is none, saying how to install it
     */
    static String binary() throws VideoException {
        return binary(System.getenv());
    }

    /** {@link #binary()} in the environment {@code env}. */
    static String binary(java.util.Map<String, String> env) throws VideoException {
        String explicit = env.get(ENV);
        if (explicit != null && !explicit.isBlank()) {
            if (!Files.isExecutable(Path.of(explicit))) {
                throw new VideoException(ENV + "=" + explicit + " is not an executable file; point it at ffmpeg or "
                        + "unset it");
            }
            return explicit;
        }
        String path = env.get("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "ffmpeg"))) {
                    return Path.of(dir, "ffmpeg").toString();
                }
            }
        }
        throw new VideoException("ffmpeg was not found on the PATH; videos need it: install it (apt-get install "
                + "ffmpeg, or scripts/install-deps.sh) or set " + ENV + " to its path");
    }

    /** A started ffmpeg process with its stderr file. */
    record Run(Process process, Path log) {
        /** Waits for the process; fails with its last diagnostic line unless it exits 0. */
        void await(String what) throws IOException {
            try {
                int rc = process.waitFor();
                if (rc != 0) {
                    throw new VideoException(what + " failed: ffmpeg exited with " + rc + ": " + lastLine());
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new VideoException(what + " was interrupted");
            } finally {
                Files.deleteIfExists(log);
            }
        }

        /** Stops the process and deletes its log. */
        void kill() throws IOException {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Files.deleteIfExists(log);
        }

        String lastLine() throws IOException {
            if (!Files.exists(log)) {
                return "(no message)";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .toList();
            return lines.isEmpty() ? "(no message)" : lines.get(lines.size() - 1).trim();
        }
    }

    /**
     * Starts ffmpeg with {@code args} (errors only on stderr), stdin piped, stdout piped when
     * {@code readStdout} and discarded otherwise.
     */
    static Run start(List<String> args, boolean readStdout) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary());
        cmd.add("-hide_banner");
        cmd.add("-loglevel");
        cmd.add("error");
        cmd.addAll(args);
        Path log = Files.createTempFile("mantis-ffmpeg", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectError(log.toFile());
        if (!readStdout) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        pb.environment().put("SVT_LOG", "1"); // SVT-AV1: errors only
        try {
            return new Run(pb.start(), log);
        } catch (IOException e) {
            Files.deleteIfExists(log);
            throw new VideoException("cannot start " + cmd.get(0) + ": " + e.getMessage());
        }
    }

    /** Runs ffmpeg with {@code args}, stdin closed, and waits for it. */
    static void run(List<String> args, String what) throws IOException {
        Run run = start(args, false);
        run.process().getOutputStream().close();
        run.await(what);
    }
}
