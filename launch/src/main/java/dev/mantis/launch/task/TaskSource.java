package dev.mantis.launch.task;

import dev.mantis.assets.BundledTasks;
import dev.mantis.launch.InputException;
import dev.mantis.sim.task.TaskSpec;
import dev.mantis.sim.task.TaskSpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns {@code --task ID|FILE} and {@code --suite NAME} into task specs. */
public final class TaskSource {

    /** The bundled suite with every core task. */
    public static final String CORE = "core";

    private TaskSource() {
    }

    /** A task: a YAML file if one exists at that path, else a bundled task id. */
    public static TaskSpec task(String idOrFile) {
        Path file = Path.of(idOrFile);
        if (Files.isRegularFile(file)) {
            try {
                return TaskSpecReader.read(Files.readString(file), idOrFile);
            } catch (IOException e) {
                throw new InputException(idOrFile + ": cannot read the file (" + e.getMessage() + ")");
            }
        }
        String yaml = BundledTasks.yaml(idOrFile).orElseThrow(() -> new InputException("no task file or bundled task '"
                + idOrFile + "'; bundled tasks: " + String.join(", ", suite(CORE).stream().map(TaskSpec::id).toList())));
        return TaskSpecReader.read(yaml, "mantis/tasks/" + idOrFile + ".yaml");
    }

    /** The tasks of a bundled suite, in order. */
    public static List<TaskSpec> suite(String name) {
        List<String> ids = BundledTasks.suite(name).orElseThrow(() -> new InputException("no bundled suite '" + name
                + "'; suites: " + CORE));
        List<TaskSpec> tasks = new ArrayList<>();
        for (String id : ids) {
            tasks.add(task(id));
        }
        return tasks;
    }
}
