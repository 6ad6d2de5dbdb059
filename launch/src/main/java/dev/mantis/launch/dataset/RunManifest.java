package dev.mantis.launch.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mantis.launch.InputException;
import dev.mantis.robot.dataset.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a collected dataset was made, kept beside LeRobot's files so that a run can be resumed
 * and replayed: {@code meta/mantis/run.json} (task ids, episodes per task, seed, policy,
 * only-success, the {@code --safety} setting: {@code default}, {@code off} or a file, whose text is
 * kept as {@code meta/mantis/safety.yaml}) and each task's YAML under
 * {@code meta/mantis/tasks/ID.yaml}.
 */
public record RunManifest(List<String> tasks, int episodes, long seed, String policy, boolean onlySuccess,
        String safety) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** {@code meta/mantis/run.json} of the dataset in {@code root}. */
    static Path file(Path root) {
        return root.resolve("meta/mantis/run.json");
    }

    /** The stored YAML of task {@code id} in the dataset in {@code root}. */
    static Path taskFile(Path root, String id) {
        return root.resolve("meta/mantis/tasks/" + id + ".yaml");
    }

    /** The stored text of the safety file of the dataset in {@code root}. */
    static Path safetyFile(Path root) {
        return root.resolve("meta/mantis/safety.yaml");
    }

    /**
     * Writes the manifest, the tasks' YAML (id to text) and, when not empty, the safety file's
     * text into the dataset in {@code root}.
     */
    public void write(Path root, Map<String, String> yamlById, String safetyYaml) throws IOException {
        if (!safetyYaml.isEmpty()) {
            AtomicFiles.write(safetyFile(root), safetyYaml.getBytes(StandardCharsets.UTF_8));
        }
        for (var e : yamlById.entrySet()) {
            AtomicFiles.write(taskFile(root, e.getKey()), e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tasks", tasks);
        m.put("episodes", episodes);
        m.put("seed", seed);
        m.put("policy", policy);
        m.put("only_success", onlySuccess);
        m.put("safety", safety);
        AtomicFiles.write(file(root), JSON.writeValueAsBytes(m));
    }

    /** The manifest of the dataset in {@code root}, or null if it has none. */
    public static RunManifest read(Path root) {
        Path f = file(root);
        if (!Files.exists(f)) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(Files.readAllBytes(f));
            List<String> tasks = new ArrayList<>();
            n.path("tasks").forEach(t -> tasks.add(t.asText()));
            return new RunManifest(tasks, n.path("episodes").asInt(), n.path("seed").asLong(),
                    n.path("policy").asText(), n.path("only_success").asBoolean(), n.path("safety").asText("off"));
        } catch (IOException e) {
            throw new InputException(f + ": cannot be read (" + e.getMessage().lines().findFirst().orElse("")
                    + "); it records how the dataset was collected");
        }
    }
}
