package dev.mantis.robot.ros;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A rospy node in a child process (src/test/resources/ros/peer.py), driven by JSON commands on its
 * stdin and answering JSON events on its stdout; or another script of src/test/resources/ros that
 * writes JSON events (action_peer.py).
 */
public final class RospyPeer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final List<String> stderr = new ArrayList<>();
    private final OutputStream stdin;

    private RospyPeer(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        reader(process.getInputStream(), true);
        reader(process.getErrorStream(), false);
    }

    /** Starts the peer as node {@code name} and waits until it is up. */
    static RospyPeer start(Roscore core, String name) throws IOException, InterruptedException {
        return start(core, "peer.py", List.of(name));
    }

    /**
     * Starts the script {@code src/test/resources/ros/SCRIPT} with these arguments and waits until
     * it writes the event "up".
     */
    public static RospyPeer start(Roscore core, String script, List<String> args) throws IOException, InterruptedException {
        Path file = Files.createTempFile("mantis-peer", ".py");
        try (InputStream in = RospyPeer.class.getResourceAsStream("/ros/" + script)) {
            Files.write(file, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(RosInstallation.PYTHON.toString(), "-u", file.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(core.env());
        RospyPeer peer = new RospyPeer(pb.start());
        peer.await(e -> e.path("event").asText().equals("up"), Duration.ofSeconds(30));
        return peer;
    }

    private void reader(InputStream stream, boolean json) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (json && line.startsWith("{")) {
                        events.add(JSON.readTree(line));
                    } else {
                        synchronized (stderr) {
                            stderr.add(line);
                        }
                    }
                }
            } catch (IOException e) {
                // process ended
            }
        }, "rospy-peer-reader");
        t.setDaemon(true);
        t.start();
    }

    /** Sends one command (its "op" and fields). */
    void send(ObjectNode command) throws IOException {
        stdin.write((JSON.writeValueAsString(command) + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Sends a command and waits for its "done" event. */
    void run(ObjectNode command) throws IOException, InterruptedException {
        send(command);
        String op = command.get("op").asText();
        await(e -> e.path("event").asText().equals("done") && e.path("op").asText().equals(op), Duration.ofSeconds(20));
    }

    /** A new command object. */
    static ObjectNode command(String op) {
        return JSON.createObjectNode().put("op", op);
    }

    /** Waits for the first event matching {@code test}, failing on an error event or the deadline. */
    public JsonNode await(Predicate<JsonNode> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode e = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) {
                synchronized (stderr) {
                    fail("rospy peer: no matching event within " + timeout + (process.isAlive() ? "" : " (it exited)")
                            + "; stderr: " + String.join("\n", stderr));
                }
            }
            if (e.path("event").asText().equals("error")) {
                fail("rospy peer: " + e.path("error").asText());
            }
            if (test.test(e)) {
                return e;
            }
        }
    }

    /** Kills the process (as a crash would). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            stdin.close();
        } catch (IOException e) {
            // gone already
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
