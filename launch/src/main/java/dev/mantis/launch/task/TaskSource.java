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
        return TaskSpecReader.read(yaml(idOrFile), source(idOrFile));
    }

    /** The YAML text of {@code --task ID|FILE}: the file's if one exists at that path, else the bundled task's. */
    public static String yaml(String idOrFile) {
        Path file = Path.of(idOrFile);
        if (Files.isRegularFile(file)) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new InputException(idOrFile + ": cannot read the file (" + e.getMessage() + ")");
            }
        }
        return BundledTasks.yaml(idOrFile).orElseThrow(() -> new InputException("no task file or bundled task '"
                + idOrFile + "'; bundled tasks: " + String.join(", ", suite(CORE).stream().map(TaskSpec::id).toList())));
    }

    /** The name errors in {@code --task ID|FILE} are reported under. */
    public static String source(String idOrFile) {
        return Files.isRegularFile(Path.of(idOrFile)) ? idOrFile : "mantis/tasks/" + idOrFile + ".yaml";
    }

    /** The task ids (or files) of {@code --suite NAME}, in order. */
    public static List<String> suiteIds(String name) {
        return BundledTasks.suite(name).orElseThrow(() -> new InputException("no bundled suite '" + name
                + "'; suites: " + CORE));
    }

    /** The tasks of a bundled suite, in order. */
    public static List<TaskSpec> suite(String name) {
        List<String> ids = suiteIds(name);
        List<TaskSpec> tasks = new ArrayList<>();
        for (String id : ids) {
            tasks.add(task(id));
        }
        return tasks;
    }
}
