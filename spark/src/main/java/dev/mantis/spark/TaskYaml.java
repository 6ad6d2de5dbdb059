package dev.mantis.spark;

import dev.mantis.sim.task.TaskSpec;
import dev.mantis.sim.task.TaskSpecReader;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task as it travels to executors: its YAML text and the name errors in it are reported under
 * (a file path or the bundled resource), read back into a {@link TaskSpec} where it runs.
 *
 * @param yaml the task's YAML
 * @param source the file or resource name the YAML came from
 */
public record TaskYaml(String yaml, String source) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Specs already read in this JVM (an executor runs many shards of the same tasks), newest last. */
    private static final Map<TaskYaml, TaskSpec> READ = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TaskYaml, TaskSpec> eldest) {
            return size() > 1024;
        }
    };

    /** The task spec (read once per JVM; specs are immutable). */
    public TaskSpec spec() {
        synchronized (READ) {
            TaskSpec known = READ.get(this);
            if (known != null) {
                return known;
            }
        }
        TaskSpec spec = TaskSpecReader.read(yaml, source);
        synchronized (READ) {
            READ.put(this, spec);
        }
        return spec;
    }
}
