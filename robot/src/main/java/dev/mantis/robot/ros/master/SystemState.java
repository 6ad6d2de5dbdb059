package dev.mantis.robot.ros.master;

import java.util.List;
import java.util.Map;

/**
 * The master's view of the graph: for each topic its publishing and subscribing nodes, for each
 * service its providing nodes.
 *
 * @param publishers topic to node names
 * @param subscribers topic to node names
 * @param services service to node names
 */
public record SystemState(Map<String, List<String>> publishers, Map<String, List<String>> subscribers,
        Map<String, List<String>> services) {

    public SystemState {
        publishers = Map.copyOf(publishers);
        subscribers = Map.copyOf(subscribers);
        services = Map.copyOf(services);
    }
}
