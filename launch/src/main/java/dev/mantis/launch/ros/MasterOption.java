package dev.mantis.launch.ros;

import dev.mantis.launch.InputException;
import dev.mantis.robot.ros.RosException;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.RosNodeConfig;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --master} option, a picocli mixin of every verb that talks to a ROS master (the ROS
 * verbs, deploy, collect --robot ros:..., sim serve-ros), and the node start they share.
 */
public final class MasterOption {

    @Option(names = "--master", paramLabel = "URI",
            description = "The ROS master, e.g. http://localhost:11311/ (default: ROS_MASTER_URI).")
    String master;

    /** The master URI given, or null for ROS_MASTER_URI. */
    public String uri() {
        return master;
    }

    /**
     * Starts an anonymous node ({@code /mantis_ros_PID_MILLIS}) on the master.
     *
     * @throws InputException when the master URI is malformed or the master does not answer
     */
    RosNode start() {
        return start(master, "mantis_ros_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis());
    }

    /**
     * Starts node {@code name} on {@code master} (null: ROS_MASTER_URI and the other ROS
     * environment variables).
     *
     * @throws InputException when the master URI is malformed or the master does not answer
     */
    public static RosNode start(String master, String name) {
        List<String> args = new ArrayList<>();
        if (master != null) {
            args.add("__master:=" + master);
        }
        try {
            return RosNode.start(RosNodeConfig.fromEnvironment(name, args));
        } catch (IllegalArgumentException | RosException e) {
            throw new InputException(e.getMessage());
        }
    }
}
