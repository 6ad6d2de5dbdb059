package dev.mantis.robot.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code meta/stats.json}: per feature, per stat, a list of numbers. */
final class StatsFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatsFile() {
    }

    /** The stats.json text, features in the given order. */
    static byte[] bytes(Map<String, FeatureStats> stats) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        stats.forEach((name, s) -> root.put(name, s.toJson()));
        return JSON.writeValueAsBytes(root);
    }

    /** Reads the stats of every feature that has at least min, max, mean, std and count. */
    static Map<String, FeatureStats> read(Path file) throws DatasetException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot be read as JSON (" + e.getMessage().lines().findFirst()
                    .orElse("") + ")");
        }
        Map<String, FeatureStats> out = new LinkedHashMap<>();
        var it = root.fields();
        while (it.hasNext()) {
            var e = it.next();
            JsonNode f = e.getValue();
            if (!f.has("min") || !f.has("max") || !f.has("mean") || !f.has("std") || !f.has("count")) {
                continue;
            }
            double[] mean = numbers(f.get("mean"));
            double[][] q = new double[FeatureStats.QUANTILES.length][];
            for (int k = 0; k < q.length; k++) {
                JsonNode v = f.get(FeatureStats.QUANTILE_NAMES.get(k));
                q[k] = v == null ? new double[mean.length] : numbers(v);
            }
            out.put(e.getKey(), new FeatureStats(numbers(f.get("min")), numbers(f.get("max")), mean,
                    numbers(f.get("std")), q, (long) numbers(f.get("count"))[0]));
        }
        return out;
    }

    private static double[] numbers(JsonNode node) {
        if (!node.isArray()) {
            return new double[] {node.asDouble()};
        }
        java.util.List<Double> flat = new java.util.ArrayList<>();
        flatten(node, flat);
        return flat.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flatten(JsonNode node, java.util.List<Double> out) {
        if (node.isArray()) {
            node.forEach(n -> flatten(n, out));
        } else {
            out.add(node.isBoolean() ? (node.asBoolean() ? 1.0 : 0.0) : node.asDouble());
        }
    }
}
