package dev.mantis.policies.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mantis.policies.PolicyException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks the JSON of a {@link PolicySpec}; every error names the source and the key. */
final class SpecReader {

    private static final List<String> FAMILIES = List.of("feedforward", "latent_goal", "recurrent", "chunked",
            "diffusion", Classifier.ID);

    private final String source;

    SpecReader(String source) {
        this.source = source;
    }

    PolicySpec read(String json) throws PolicyException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String what = oneLine(e.getOriginalMessage()).replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                    .replaceAll("\\s*\\[Source:[^\\]]*\\]", "");
            throw fail(PolicySpec.METADATA_KEY + " is not valid JSON (" + what + where
                    + "); re-export the model with policies/train");
        }
        if (root == null || !root.isObject()) {
            throw fail(PolicySpec.METADATA_KEY + " must be a JSON object; re-export the model with policies/train");
        }
        int version = integer(root, "version", 1);
        if (version != 1) {
            throw fail(PolicySpec.METADATA_KEY + " version " + version
                    + " is not supported (this host reads version 1); update Mantis or re-export the model");
        }
        String familyId = text(root, "family");
        if (!FAMILIES.contains(familyId)) {
            throw fail("'family' is '" + familyId + "', expected one of " + FAMILIES);
        }
        String robotType = text(root, "robot_type");
        String controller = root.hasNonNull("controller") ? text(root, "controller") : null;
        double controlHz = root.hasNonNull("control_hz") ? positive(root, "control_hz") : 0;
        List<FeatureSize> observation = features(root, "observation");
        if (observation.isEmpty()) {
            throw fail("'observation' lists no features");
        }
        List<FeatureSize> goal = root.has("goal") ? features(root, "goal") : List.of();
        ActionFeature action;
        Family family;
        if (familyId.equals(Classifier.ID)) {
            if (root.hasNonNull("action")) {
                throw fail("a " + Classifier.ID + " outputs a probability, not an action: remove 'action' (its output"
                        + " tensor is '" + Classifier.ID + ".output')");
            }
            Classifier classifier = classifier(object(root, familyId), familyId);
            family = classifier;
            action = new ActionFeature(classifier.output(), 1, List.of());
        } else {
            action = action(object(root, "action"));
            family = family(familyId, root, observation, goal);
        }
        TensorNames tensors = tensors(object(root, "tensors"), family, goal);
        Map<String, Normalization> normalization = normalization(root, observation, goal, action, family);
        return new PolicySpec(source, version, family, robotType, controller, controlHz, observation, goal, action,
                tensors, normalization);
    }

    private Family family(String id, JsonNode root, List<FeatureSize> observation, List<FeatureSize> goal)
            throws PolicyException {
        switch (id) {
            case "feedforward":
                return new Feedforward();
            case "latent_goal": {
                JsonNode s = object(root, id);
                if (!goal.equals(observation)) {
                    throw fail("a latent_goal policy's 'goal' must list the same features as 'observation' "
                            + observation + ", got " + goal);
                }
                return new LatentGoal(text(s, "encoder_input", id), text(s, "encoder_output", id),
                        text(s, "latent_input", id), count(s, "latent_size", id));
            }
            case "recurrent": {
                JsonNode s = object(root, id);
                List<String> inputs = texts(s, "state_inputs", id);
                List<String> outputs = texts(s, "state_outputs", id);
                List<Integer> sizes = new ArrayList<>();
                JsonNode arr = array(s, "state_sizes", id);
                for (JsonNode n : arr) {
                    if (!n.canConvertToExactIntegral() || n.asInt() <= 0) {
                        throw fail("'" + id + ".state_sizes' must hold positive integers, got " + arr);
                    }
                    sizes.add(n.asInt());
                }
                if (inputs.isEmpty() || inputs.size() != outputs.size() || inputs.size() != sizes.size()) {
                    throw fail("'" + id + "' needs as many state_inputs, state_outputs and state_sizes (at least one), got "
                            + inputs.size() + ", " + outputs.size() + " and " + sizes.size());
                }
                return new Recurrent(inputs, outputs, sizes);
            }
            case "chunked": {
                JsonNode s = object(root, id);
                int horizon = count(s, "horizon", id);
                int execute = s.hasNonNull("execute") ? count(s, "execute", id) : horizon;
                if (execute > horizon) {
                    throw fail("'" + id + ".execute' (" + execute + ") exceeds its horizon (" + horizon + ")");
                }
                String ensemble = s.hasNonNull("ensemble") ? text(s, "ensemble", id) : "none";
                if (!ensemble.equals("none") && !ensemble.equals("exponential")) {
                    throw fail("'" + id + ".ensemble' is '" + ensemble + "', expected none or exponential");
                }
                double k = s.hasNonNull("k") ? number(s, "k", id) : 0.01;
                return new Chunked(horizon, execute,
                        ensemble.equals("none") ? Chunked.Ensemble.NONE : Chunked.Ensemble.EXPONENTIAL, k);
            }
            default:
                return diffusion(object(root, id), id);
        }
    }

    private Classifier classifier(JsonNode s, String id) throws PolicyException {
        double threshold = s.hasNonNull("threshold") ? number(s, "threshold", id) : 0.5;
        if (threshold <= 0 || threshold >= 1) {
            throw fail("'" + id + ".threshold' must be between 0 and 1 (exclusive), got " + threshold);
        }
        int confirm = 0;
        if (s.hasNonNull("confirm_frames")) {
            JsonNode n = s.get("confirm_frames");
            if (!n.canConvertToExactIntegral() || n.asLong() < 0 || n.asLong() > Integer.MAX_VALUE) {
                throw fail("'" + id + ".confirm_frames' must be an integer >= 0 (0: episodes run to the horizon), got "
                        + n);
            }
            confirm = n.asInt();
        }
        return new Classifier(text(s, "output", id), threshold, confirm);
    }

    private Diffusion diffusion(JsonNode s, String id) throws PolicyException {
        String schedule = text(s, "schedule", id);
        if (!schedule.equals("ddpm") && !schedule.equals("ddim")) {
            throw fail("'" + id + ".schedule' is '" + schedule + "', expected ddpm or ddim");
        }
        int trainSteps = count(s, "train_steps", id);
        int steps = count(s, "steps", id);
        if (steps > trainSteps) {
            throw fail("'" + id + ".steps' (" + steps + ") exceeds train_steps (" + trainSteps + ")");
        }
        String betas = s.hasNonNull("beta_schedule") ? text(s, "beta_schedule", id) : "linear";
        Diffusion.BetaSchedule betaSchedule = switch (betas) {
            case "linear" -> Diffusion.BetaSchedule.LINEAR;
            case "scaled_linear" -> Diffusion.BetaSchedule.SCALED_LINEAR;
            case "squaredcos_cap_v2" -> Diffusion.BetaSchedule.SQUAREDCOS_CAP_V2;
            default -> throw fail("'" + id + ".beta_schedule' is '" + betas
                    + "', expected linear, scaled_linear or squaredcos_cap_v2");
        };
        double betaStart = s.hasNonNull("beta_start") ? number(s, "beta_start", id) : 0.0001;
        double betaEnd = s.hasNonNull("beta_end") ? number(s, "beta_end", id) : 0.02;
        int horizon = s.hasNonNull("horizon") ? count(s, "horizon", id) : 1;
        int execute = s.hasNonNull("execute") ? count(s, "execute", id) : horizon;
        if (execute > horizon) {
            throw fail("'" + id + ".execute' (" + execute + ") exceeds its horizon (" + horizon + ")");
        }
        double clip = 0;
        JsonNode c = s.get("clip_sample");
        if (c != null && c.isBoolean()) {
            clip = c.asBoolean() ? 1.0 : 0.0;
        } else if (c != null && !c.isNull()) {
            clip = number(s, "clip_sample", id);
        }
        return new Diffusion(schedule.equals("ddpm") ? Diffusion.Sampler.DDPM : Diffusion.Sampler.DDIM, trainSteps,
                steps, betaStart, betaEnd, betaSchedule, horizon, execute, text(s, "sample_input", id),
                text(s, "timestep_input", id), Math.max(clip, 0));
    }

    private TensorNames tensors(JsonNode t, Family family, List<FeatureSize> goal) throws PolicyException {
        String observation = text(t, "observation", "tensors");
        String action;
        if (family instanceof Classifier c) {
            if (t.hasNonNull("action")) {
                throw fail("a " + Classifier.ID + " has no action tensor: remove 'tensors.action' (its output is '"
                        + Classifier.ID + ".output')");
            }
            action = c.output();
        } else {
            action = text(t, "action", "tensors");
        }
        String goalTensor = null;
        if (family instanceof LatentGoal) {
            if (t.hasNonNull("goal")) {
                throw fail("a latent_goal policy feeds its goal through the encoder: remove 'tensors.goal'");
            }
        } else if (!goal.isEmpty()) {
            goalTensor = text(t, "goal", "tensors");
        } else if (t.hasNonNull("goal")) {
            throw fail("'tensors.goal' is given but 'goal' lists no features");
        }
        return new TensorNames(observation, goalTensor, action);
    }

    private Map<String, Normalization> normalization(JsonNode root, List<FeatureSize> observation,
            List<FeatureSize> goal, ActionFeature action, Family family) throws PolicyException {
        Map<String, Normalization> out = new HashMap<>();
        if (!root.hasNonNull("normalization")) {
            return out;
        }
        JsonNode n = object(root, "normalization");
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (FeatureSize f : observation) {
            sizes.put(f.name(), f.size());
        }
        for (FeatureSize f : goal) {
            sizes.put(f.name(), f.size());
        }
        if (!(family instanceof Classifier)) { // a probability is not denormalised
            sizes.put(action.name(), action.size());
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String name = it.next();
            Integer size = sizes.get(name);
            if (size == null) {
                throw fail("'normalization' has '" + name + "', which is no feature of the policy " + sizes.keySet());
            }
            String key = "normalization." + name;
            JsonNode entry = n.get(name);
            if (!entry.isObject()) {
                throw fail("'" + key + "' must be an object with mean and std");
            }
            double[] mean = numbers(entry, "mean", key, size);
            double[] std = numbers(entry, "std", key, size);
            for (double s : std) {
                if (s < 0) {
                    throw fail("'" + key + ".std' has a negative element " + s);
                }
            }
            out.put(name, new Normalization(mean, std));
        }
        return out;
    }

    private ActionFeature action(JsonNode a) throws PolicyException {
        String name = text(a, "name", "action");
        int size = count(a, "size", "action");
        List<String> names = a.hasNonNull("names") ? texts(a, "names", "action") : List.of();
        if (!names.isEmpty() && names.size() != size) {
            throw fail("'action.names' has " + names.size() + " names but 'action.size' is " + size);
        }
        return new ActionFeature(name, size, names);
    }

    private List<FeatureSize> features(JsonNode root, String key) throws PolicyException {
        List<FeatureSize> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode arr = array(root, key, null);
        for (int i = 0; i < arr.size(); i++) {
            JsonNode f = arr.get(i);
            String where = key + "[" + i + "]";
            if (!f.isObject()) {
                throw fail("'" + where + "' must be an object {\"name\", \"size\"}");
            }
            String name = text(f, "name", where);
            if (!seen.add(name)) {
                throw fail("'" + key + "' lists '" + name + "' twice");
            }
            out.add(new FeatureSize(name, count(f, "size", where)));
        }
        return out;
    }

    private double[] numbers(JsonNode parent, String key, String where, int size) throws PolicyException {
        JsonNode arr = array(parent, key, where);
        if (arr.size() != size) {
            throw fail("'" + where + "." + key + "' has " + arr.size() + " numbers, the feature has " + size);
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            if (!arr.get(i).isNumber() || !Double.isFinite(arr.get(i).asDouble())) {
                throw fail("'" + where + "." + key + "[" + i + "]' is not a finite number: " + arr.get(i));
            }
            out[i] = arr.get(i).asDouble();
        }
        return out;
    }

    private List<String> texts(JsonNode parent, String key, String where) throws PolicyException {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array(parent, key, where)) {
            if (!n.isTextual() || n.asText().isEmpty()) {
                throw fail("'" + path(where, key) + "' must hold non-empty strings, got " + n);
            }
            out.add(n.asText());
        }
        return out;
    }

    private JsonNode object(JsonNode parent, String key) throws PolicyException {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            throw fail("'" + key + "' is missing");
        }
        if (!n.isObject()) {
            throw fail("'" + key + "' must be an object, got " + n);
        }
        return n;
    }

    private JsonNode array(JsonNode parent, String key, String where) throws PolicyException {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            throw fail("'" + path(where, key) + "' is missing");
        }
        if (!n.isArray()) {
            throw fail("'" + path(where, key) + "' must be an array, got " + n);
        }
        return n;
    }

    private String text(JsonNode parent, String key) throws PolicyException {
        return text(parent, key, null);
    }

    private String text(JsonNode parent, String key, String where) throws PolicyException {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            throw fail("'" + path(where, key) + "' is missing");
        }
        if (!n.isTextual() || n.asText().isEmpty()) {
            throw fail("'" + path(where, key) + "' must be a non-empty string, got " + n);
        }
        return n.asText();
    }

    private int integer(JsonNode parent, String key, int fallback) throws PolicyException {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            throw fail("'" + key + "' is missing (this host reads version " + fallback + ")");
        }
        if (!n.canConvertToExactIntegral()) {
            throw fail("'" + key + "' must be an integer, got " + n);
        }
        return n.asInt();
    }

    private int count(JsonNode parent, String key, String where) throws PolicyException {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            throw fail("'" + path(where, key) + "' is missing");
        }
        if (!n.isNumber() || !n.canConvertToExactIntegral() || n.asLong() <= 0 || n.asLong() > Integer.MAX_VALUE) {
            throw fail("'" + path(where, key) + "' must be a positive integer, got " + n);
        }
        return n.asInt();
    }

    private double number(JsonNode parent, String key, String where) throws PolicyException {
        JsonNode n = parent.get(key);
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw fail("'" + path(where, key) + "' must be a finite number, got " + n);
        }
        return n.asDouble();
    }

    private double positive(JsonNode parent, String key) throws PolicyException {
        double v = number(parent, key, null);
        if (v <= 0) {
            throw fail("'" + key + "' must be positive, got " + v);
        }
        return v;
    }

    private static String path(String where, String key) {
        return where == null ? key : where + "." + key;
    }

    private PolicyException fail(String what) {
        return new PolicyException(source + ": " + (what.startsWith(PolicySpec.METADATA_KEY) ? what
                : PolicySpec.METADATA_KEY + ": " + what));
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
