package dev.mantis.launch.deploy;

import dev.mantis.launch.Main;
import dev.mantis.robot.ros.Roscore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code mantis sim serve-ros ARGS} in its own JVM on a test's roscore, started and waited for. */
final class ServedSimulator implements AutoCloseable {

    private final Process process;

    private ServedSimulator(Process process) {
        this.process = process;
    }

    /** Starts it and returns once it prints that it serves. */
    static ServedSimulator start(Roscore core, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sim", "serve-ros", "--master",
                core.uri().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(core.env());
        Process p = pb.start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("serving ")) {
                Thread drain = new Thread(() -> {
                    try {
                        lines.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new ServedSimulator(p);
            }
        }
        throw new AssertionError("serve-ros exited before serving:\n" + seen);
    }

    /** Kills it at once (SIGKILL), as a crash would. */
    void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
