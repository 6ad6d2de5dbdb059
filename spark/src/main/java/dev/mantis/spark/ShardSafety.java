package dev.mantis.spark;

import dev.mantis.sim.task.EpisodeSafety;
import dev.mantis.sim.task.SafetySettingsReader;
import java.io.Serializable;

/**
 * The driver's {@code --safety} as executors open it: the safety YAML's text ({@code ""} for the
 * defaults) and its name for messages, or off. Events are recorded and counted, not printed, on
 * executors.
 *
 * @param yaml the settings file's text, "" for the defaults, null for no safety layer
 * @param name what --safety said (a file name, {@code default} or {@code off})
 */
public record ShardSafety(String yaml, String name) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** No safety layer. */
    public static final ShardSafety OFF = new ShardSafety(null, "off");

    /** Whether episodes run behind the safety layer. */
    public boolean enabled() {
        return yaml != null;
    }

    /** The safety layer for episodes of a task with robot {@code robotId}. */
    public EpisodeSafety open(String robotId) {
        return yaml == null ? EpisodeSafety.OFF
                : EpisodeSafety.of(SafetySettingsReader.read(yaml, name, robotId), event -> { });
    }
}
