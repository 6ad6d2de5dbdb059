package dev.mantis.robot.ros;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a node joins a ROS graph: its full name and namespace, the master's URI, the host name
 * peers reach it by, and the name remappings.
 *
 * @param names name resolution (namespace, node name, remappings)
 * @param masterUri the master, from ROS_MASTER_URI or {@code __master:=}
 * @param host this machine's name or address for peers: {@code __hostname:=}, {@code __ip:=},
 *     ROS_HOSTNAME, ROS_IP, else the local host name
 * @param timeoutMillis how long XML-RPC and service calls wait for a peer
 */
public record RosNodeConfig(RosNames names, URI masterUri, String host, int timeoutMillis) {

    /** The default master, as ROS uses when ROS_MASTER_URI is unset. */
    public static final String DEFAULT_MASTER = "http://localhost:11311/";

    /**
     * A configuration from the environment (ROS_MASTER_URI, ROS_IP, ROS_HOSTNAME, ROS_NAMESPACE)
     * and ROS command-line arguments: {@code __name:=}, {@code __ns:=}, {@code __master:=},
     * {@code __ip:=}, {@code __hostname:=} and remappings {@code from:=to}. Other arguments are
     * ignored, as ROS nodes ignore them.
     *
     * @param defaultName the node's name unless {@code __name:=} says otherwise, e.g. {@code arm_bridge}
     * @throws IllegalArgumentException for a malformed name, namespace or master URI, naming it
     */
    public static RosNodeConfig from(String defaultName, List<String> args, Map<String, String> env) {
        Map<String, String> special = new LinkedHashMap<>();
        Map<String, String> remapArgs = new LinkedHashMap<>();
        for (String arg : args) {
            int sep = arg.indexOf(":=");
            if (sep <= 0) {
                continue;
            }
            String key = arg.substring(0, sep);
            String value = arg.substring(sep + 2);
            if (key.startsWith("__")) {
                special.put(key, value);
            } else if (!key.startsWith("_")) {
                remapArgs.put(key, value);
            }
        }
        String ns = special.getOrDefault("__ns", env.getOrDefault("ROS_NAMESPACE", "/"));
        if (!ns.startsWith("/")) {
            ns = "/" + ns;
        }
        RosNames base = new RosNames("/", "/", Map.of());
        ns = base.resolveWithoutRemapping(ns);
        String name = special.getOrDefault("__name", defaultName);
        if (name.contains("/") || name.startsWith("~")) {
            throw new IllegalArgumentException("node name '" + name + "' must be a base name without / or ~");
        }
        String nodeName = new RosNames(ns, "/", Map.of()).resolveWithoutRemapping(name);
        RosNames unmapped = new RosNames(ns, nodeName, Map.of());
        Map<String, String> remappings = new LinkedHashMap<>();
        remapArgs.forEach((from, to) -> remappings.put(unmapped.resolveWithoutRemapping(from),
                unmapped.resolveWithoutRemapping(to)));
        String master = special.getOrDefault("__master", env.getOrDefault("ROS_MASTER_URI", DEFAULT_MASTER));
        URI masterUri;
        try {
            masterUri = URI.create(master);
            if (!"http".equals(masterUri.getScheme()) || masterUri.getHost() == null) {
                throw new IllegalArgumentException("not http://HOST:PORT/");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ROS master URI '" + master + "' is not like http://HOST:11311/ ("
                    + e.getMessage() + ")", e);
        }
        String host = special.get("__hostname");
        if (host == null) {
            host = special.get("__ip");
        }
        if (host == null) {
            host = env.get("ROS_HOSTNAME");
        }
        if (host == null) {
            host = env.get("ROS_IP");
        }
        if (host == null || host.isBlank()) {
            host = localHostName();
        }
        return new RosNodeConfig(new RosNames(ns, nodeName, remappings), masterUri, host, 10_000);
    }

    /** {@link #from} with this process's environment. */
    public static RosNodeConfig fromEnvironment(String defaultName, List<String> args) {
        return from(defaultName, args, System.getenv());
    }

    /** The same configuration with another master. */
    public RosNodeConfig withMaster(URI master) {
        return new RosNodeConfig(names, master, host, timeoutMillis);
    }

    /** The node's full name. */
    public String nodeName() {
        return names.nodeName();
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
