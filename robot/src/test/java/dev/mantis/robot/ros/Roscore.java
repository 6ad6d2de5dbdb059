package dev.mantis.robot.ros;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * A real roscore on a free port for one test class ({@link RoscoreProcess}), with its logs in a
 * temporary ROS_HOME. It can be restarted on the same port. {@link RosInstallation#require()}
 * decides whether a missing ROS fails or skips.
 */
public final class Roscore implements AutoCloseable {

    private final RoscoreProcess process;

    private Roscore(RoscoreProcess process) {
        this.process = process;
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
        return new Roscore(RoscoreProcess.start());
    }

    /** The master URI. */
    public URI uri() {
        return process.uri();
    }

    /** Environment for ROS processes and nodes using this master. */
    public Map<String, String> env() {
        return process.env();
    }

    /** A node configuration for this master. */
    public RosNodeConfig nodeConfig(String name, String... args) {
        return process.nodeConfig(name, args);
    }

    /** Kills roscore and starts a new one on the same port. */
    public void restart() throws IOException, InterruptedException {
        process.restart();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
