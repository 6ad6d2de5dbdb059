package dev.mantis.robot.ros;

import dev.mantis.robot.ros.master.MasterClient;
import dev.mantis.robot.ros.xmlrpc.XmlRpcClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real roscore on a free port for one test class, with its logs in a temporary ROS_HOME. It can
 * be restarted on the same port. {@link RosInstallation#require()} decides whether a missing ROS
 * fails or skips.
 */
public final class Roscore implements AutoCloseable {

    private final int port;
    private final Path home;
    private Process process;

    private Roscore(int port, Path home) {
        this.port = port;
        this.home = home;
    }

    private static Roscore shared;

    /**
     * The roscore shared by the ROS test classes of this JVM (started on first use, killed at
     * exit): starting one takes seconds. Tests may restart it; they must not close it.
     */
    public static synchronized Roscore shared() throws IOException, InterruptedException {
        if (shared == null) {
            shared = start();
            Roscore core = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    core.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return shared;
    }

    /** Starts roscore and waits until its master answers. */
    public static Roscore start() throws IOException, InterruptedException {
        RosInstallation.require();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Roscore core = new Roscore(port, Files.createTempDirectory("mantis-roscore"));
        core.launch();
        return core;
    }

    /** The master URI. */
    public URI uri() {
        return URI.create("http://localhost:" + port + "/");
    }

    /** Environment for ROS processes and nodes using this master. */
    public Map<String, String> env() {
        return Map.of("ROS_MASTER_URI", uri().toString(), "ROS_HOME", home.toString(),
                "ROS_LOG_DIR", home.resolve("log").toString(), "ROS_HOSTNAME", "localhost");
    }

    /** A node configuration for this master. */
    public RosNodeConfig nodeConfig(String name, String... args) {
        return RosNodeConfig.from(name, List.of(args), env());
    }

    /** Kills roscore and starts a new one on the same port. */
    public void restart() throws IOException, InterruptedException {
        kill();
        launch();
    }

    private void launch() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("roscore", "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("roscore.log").toFile());
        pb.environment().putAll(env());
        process = pb.start();
        MasterClient master = new MasterClient(uri(), "/mantis_test_probe", new XmlRpcClient(1000));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                master.getPid();
                // rosout registers a moment after the master: wait for it too, so tests see a full graph
                if (master.getSystemState().subscribers().containsKey("/rosout")) {
                    return;
                }
            } catch (RosException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("roscore -p " + port + " exited: " + Files.readString(home.resolve("roscore.log")));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("roscore -p " + port + " did not answer within 30 s: "
                        + Files.readString(home.resolve("roscore.log")));
            }
            Thread.sleep(50);
        }
    }

    /** Kills roscore and its children at once (SIGKILL), as a crash would; a clean stop takes seconds. */
    private void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle c : children) {
            c.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> c).join();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
