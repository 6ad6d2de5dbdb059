package dev.mantis.policies.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mantis.policies.PolicyOptions;
import dev.mantis.robot.spec.ActionSpec;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.robot.spec.Observation;
import dev.mantis.robot.spec.ObservationSpec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The example models policies/train/export_examples.py writes to src/test/resources/models, their
 * reference files, and the robot they are made for: panda, pd_ee_delta_pose, observation.state (8)
 * + observation.environment_state (7), goal observation.goal.state (3), 7 unbounded action elements.
 */
final class ExampleModels {

    static final ObservationSpec OBSERVATION = new ObservationSpec(List.of(
            FeatureSpec.vector("observation.state", names("q", 8), "rad"),
            FeatureSpec.vector("observation.environment_state", names("o", 7), "m")));
    static final ObservationSpec GOAL = new ObservationSpec(List.of(
            FeatureSpec.vector("observation.goal.state", names("g", 3), "m")));
    static final ActionSpec ACTION = new ActionSpec("pd_ee_delta_pose",
            FeatureSpec.vector("action", names("a", 7), "m; rad"));

    private static List<String> names(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    /** The path of {@code models/NAME}. */
    static Path path(String name) {
        URL url = ExampleModels.class.getResource("/models/" + name);
        if (url == null) {
            throw new IllegalStateException("no test resource models/" + name
                    + "; run policies/train/export_examples.py --out policies/src/test/resources/models");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads {@code NAME.onnx} for the example robot on the CPU. */
    static OnnxPolicy load(String name) throws IOException {
        ObservationSpec goal = name.startsWith("latent_goal") ? OBSERVATION : GOAL;
        return OnnxPolicy.load(path(name + ".onnx"), "panda", OBSERVATION, goal, ACTION, PolicyOptions.defaults());
    }

    /** {@code NAME.reference.json}. */
    static JsonNode reference(String name) throws IOException {
        return new ObjectMapper().readTree(path(name + ".reference.json").toFile());
    }

    /** An observation of {@code spec} from {"feature": [values]}. */
    static Observation observation(ObservationSpec spec, JsonNode values) {
        double[][] v = new double[spec.features().size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = doubles(values.get(spec.features().get(i).name()));
        }
        return new Observation(spec, 0, v);
    }

    /** A flat array of all numbers in a nested JSON array, row-major ({@code null} for JSON null). */
    static double[] doubles(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<Double> out = new ArrayList<>();
        flatten(node, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flatten(JsonNode node, List<Double> out) {
        if (node.isArray()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                flatten(it.next(), out);
            }
        } else {
            out.add(node.asDouble());
        }
    }

    private ExampleModels() {
    }
}
