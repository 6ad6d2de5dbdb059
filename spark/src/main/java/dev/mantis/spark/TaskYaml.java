package dev.mantis.spark;

import dev.mantis.sim.task.TaskSpec;
import dev.mantis.sim.task.TaskSpecReader;
import java.io.Serializable;

/**
 * A task as it travels to executors: its YAML text and the name errors in it are reported under
 * (a file path or the bundled resource), read back into a {@link TaskSpec} where it runs.
 *
 * @param yaml the task's YAML
 * @param source the file or resource name the YAML came from
 */
public record TaskYaml(String yaml, String source) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The task spec. */
    public TaskSpec spec() {
        return TaskSpecReader.read(yaml, source);
    }
}
