package dev.mantis.robot.ros;

import dev.mantis.robot.ros.master.MasterClient;
import dev.mantis.robot.ros.xmlrpc.XmlRpcClient;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private roscore (Debian's {@code ros-core}) on a free loopback port, with its logs in a
 * temporary ROS_HOME: for runs that need a ROS master of their own (e.g. {@code mantis collect
 * --robot sim:ID --autonomous}) and for tests. It can be restarted on the same port; closing it
 * kills it and its children (rosmaster, rosout), and so does the JVM's exit if it was not closed
 * (Ctrl-C, SIGTERM; not SIGKILL).
 */
public final class RoscoreProcess implements AutoCloseable {

    private final int port;
    private final Path home;
    private Process process;
    /** Kills roscore when the JVM exits without closing it (Ctrl-C, SIGTERM). */
    private final Thread exitHook = new Thread(() -> {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }, "mantis-roscore-exit");

    private RoscoreProcess(int port, Path home) {
        this.port = port;
        this.home = home;
        Runtime.getRuntime().addShutdownHook(exitHook);
    }

    /** Whether {@code roscore} is on the PATH. */
    public static boolean installed() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "roscore"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts roscore and waits until its master answers and rosout has registered.
     *
     * @throws RosException if roscore is missing, exits, or does not answer within 30 s
     */
    public static RoscoreProcess start() throws IOException, InterruptedException {
        if (!installed()) {
            throw new RosException("roscore is not installed (apt-get install ros-core; scripts/install-deps.sh "
                    + "installs it)");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RoscoreProcess core = new RoscoreProcess(port, Files.createTempDirectory("mantis-roscore"));
        try {
            core.launch();
        } catch (IOException | RuntimeException e) {
            core.close();
            throw e;
        }
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
        MasterClient master = new MasterClient(uri(), "/mantis_roscore_probe", new XmlRpcClient(1000));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                master.getPid();
                // rosout registers a moment after the master: wait for it too, so nodes see a full graph
                if (master.getSystemState().subscribers().containsKey("/rosout")) {
                    return;
                }
            } catch (RosException e) {
                if (!process.isAlive()) {
                    throw new RosException("roscore -p " + port + " exited: " + Files.readString(home.resolve(
                            "roscore.log")));
                }
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new RosException("roscore -p " + port + " did not answer within 30 s: "
                        + Files.readString(home.resolve("roscore.log")));
            }
            Thread.sleep(50);
        }
    }

    /** Kills roscore and its children at once (SIGKILL), as a crash would; a clean stop takes seconds. */
    private synchronized void kill() throws InterruptedException {
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
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook runs anyway, and finds nothing left to kill
        }
    }
}
