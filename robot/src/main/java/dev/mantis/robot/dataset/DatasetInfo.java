package dev.mantis.robot.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of a LeRobot v3.0 {@code meta/info.json}: format version, robot type, frame rate,
 * every feature (recorded ones, then the LeRobot defaults), totals, file size limits and path
 * templates.
 */
public record DatasetInfo(String codebaseVersion, String robotType, int fps, List<DatasetFeature> features,
        long totalEpisodes, long totalFrames, long totalTasks, int chunksSize, long dataFilesSizeInMb,
        long videoFilesSizeInMb, String dataPath, String videoPath) {

    /** The format version Mantis writes and reads. */
    public static final String CODEBASE_VERSION = "v3.0";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public DatasetInfo {
        features = List.copyOf(features);
    }

    /** The feature named {@code name}, or null. */
    public DatasetFeature feature(String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    /** The info.json text, indented. */
    public byte[] toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("codebase_version", codebaseVersion);
        root.put("robot_type", robotType);
        root.put("total_episodes", totalEpisodes);
        root.put("total_frames", totalFrames);
        root.put("total_tasks", totalTasks);
        root.put("chunks_size", chunksSize);
        root.put("data_files_size_in_mb", dataFilesSizeInMb);
        root.put("video_files_size_in_mb", videoFilesSizeInMb);
        root.put("fps", fps);
        root.put("splits", Map.of("train", "0:" + totalEpisodes));
        root.put("data_path", dataPath);
        root.put("video_path", videoPath);
        Map<String, Object> fs = new LinkedHashMap<>();
        for (DatasetFeature f : features) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dtype", f.dtype());
            m.put("shape", f.shape());
            m.put("names", f.names().isEmpty() ? null : f.names());
            if (!f.info().isEmpty()) {
                m.put("info", new java.util.TreeMap<>(f.info()));
            }
            fs.put(f.name(), m);
        }
        root.put("features", fs);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("info.json could not be serialised", e);
        }
    }

    /**
     * Reads and checks an info.json.
     *
     * @throws DatasetException naming the file and the key when it is missing, not JSON, of another
     *     format version, or lacks a required key
     */
    public static DatasetInfo read(Path file) throws DatasetException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": not found; is " + file.getParent().getParent()
                    + " a LeRobot v3.0 dataset directory?");
        } catch (IOException e) {
            throw new DatasetException(file + ": not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        String version = text(file, root, "codebase_version");
        if (!CODEBASE_VERSION.equals(version)) {
            throw new DatasetException(file + ": codebase_version is '" + version + "'; Mantis reads "
                    + CODEBASE_VERSION + " datasets (convert older ones with LeRobot's v2.1 -> v3.0 script)");
        }
        JsonNode fs = root.get("features");
        if (fs == null || !fs.isObject()) {
            throw new DatasetException(file + ": 'features' is missing or not an object");
        }
        List<DatasetFeature> features = new ArrayList<>();
        var it = fs.fields();
        while (it.hasNext()) {
            var e = it.next();
            features.add(feature(file, e.getKey(), e.getValue()));
        }
        return new DatasetInfo(version, root.path("robot_type").asText(""), (int) number(file, root, "fps"),
                features, number(file, root, "total_episodes"), number(file, root, "total_frames"),
                number(file, root, "total_tasks"), (int) number(file, root, "chunks_size"),
                root.path("data_files_size_in_mb").asLong(100), root.path("video_files_size_in_mb").asLong(200),
                text(file, root, "data_path"), root.path("video_path").isTextual()
                        ? root.get("video_path").asText() : null);
    }

    private static DatasetFeature feature(Path file, String name, JsonNode node) throws DatasetException {
        String where = file + ": feature '" + name + "'";
        if (!node.path("dtype").isTextual() || !node.path("shape").isArray()) {
            throw new DatasetException(where + " needs a 'dtype' string and a 'shape' list");
        }
        List<Integer> shape = new ArrayList<>();
        for (JsonNode d : node.get("shape")) {
            if (!d.canConvertToInt() || d.asInt() < 0) {
                throw new DatasetException(where + ": shape " + node.get("shape") + " must hold sizes >= 0");
            }
            shape.add(d.asInt());
        }
        if (shape.isEmpty()) {
            shape.add(1);
        }
        List<String> names = new ArrayList<>();
        JsonNode n = node.get("names");
        if (n != null && n.isObject() && n.size() == 1) {
            n = n.elements().next(); // {"motors": [...]} as older LeRobot datasets write it
        }
        if (n != null && n.isArray()) {
            n.forEach(x -> names.add(x.asText()));
        }
        int size = shape.stream().reduce(1, (a, b) -> a * b);
        String dtype = node.get("dtype").asText();
        boolean picture = "video".equals(dtype) || "image".equals(dtype);
        if (!names.isEmpty() && names.size() != size && !picture) {
            names.clear(); // names that do not name elements one by one are kept out
        }
        Map<String, Object> info = new LinkedHashMap<>();
        if (node.path("info").isObject()) {
            node.get("info").fields().forEachRemaining(e -> info.put(e.getKey(),
                    JSON.convertValue(e.getValue(), Object.class)));
        }
        return new DatasetFeature(name, dtype, shape, names, info);
    }

    private static String text(Path file, JsonNode root, String key) throws DatasetException {
        JsonNode v = root.get(key);
        if (v == null || !v.isTextual()) {
            throw new DatasetException(file + ": '" + key + "' is missing or not a string");
        }
        return v.asText();
    }

    private static long number(Path file, JsonNode root, String key) throws DatasetException {
        JsonNode v = root.get(key);
        if (v == null || !v.canConvertToLong()) {
            throw new DatasetException(file + ": '" + key + "' is missing or not an integer");
        }
        return v.asLong();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
