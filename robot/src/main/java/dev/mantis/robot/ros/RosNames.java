package dev.mantis.robot.ros;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Graph name resolution as ROS 1 does it: {@code /global}, {@code relative} (in the node's
 * namespace), {@code ~private} (under the node's own name), then remapping.
 *
 * @param namespace the node's namespace, {@code /} or {@code /a/b}
 * @param nodeName the node's full name, e.g. {@code /a/b/arm}
 * @param remappings resolved source name to resolved target name
 */
public record RosNames(String namespace, String nodeName, Map<String, String> remappings) {

    private static final Pattern VALID = Pattern.compile("[~/]?([a-zA-Z][a-zA-Z0-9_]*)?(/[a-zA-Z][a-zA-Z0-9_]*)*/?");

    public RosNames {
        remappings = Map.copyOf(remappings);
    }

    /**
     * The full name of {@code name}, after remapping.
     *
     * @throws IllegalArgumentException naming the name when it is not a valid graph name
     */
    public String resolve(String name) {
        String resolved = resolveWithoutRemapping(name);
        return remappings.getOrDefault(resolved, resolved);
    }

    /** The full name of {@code name}, without applying remappings. */
    public String resolveWithoutRemapping(String name) {
        if (name.isEmpty() || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid ROS graph name (letters, digits, _ and /,"
                    + " each part starting with a letter; ~ for private names)");
        }
        String full;
        if (name.startsWith("/")) {
            full = name;
        } else if (name.startsWith("~")) {
            full = nodeName + "/" + name.substring(1);
        } else {
            full = (namespace.equals("/") ? "" : namespace) + "/" + name;
        }
        full = full.replaceAll("/+", "/");
        return full.length() > 1 && full.endsWith("/") ? full.substring(0, full.length() - 1) : full;
    }
}
