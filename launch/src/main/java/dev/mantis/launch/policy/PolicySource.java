package dev.mantis.launch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mantis.launch.InputException;
import dev.mantis.policies.Device;
import dev.mantis.policies.onnx.OnnxPolicy;
import dev.mantis.policies.Policy;
import dev.mantis.policies.PolicyOptions;
import dev.mantis.policies.RandomPolicy;
import dev.mantis.robot.spec.ActionSpec;
import dev.mantis.robot.spec.ObservationSpec;
import dev.mantis.sim.record.TaskObservation;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.Oracle;
import dev.mantis.sim.task.PolicyFactory;
import dev.mantis.sim.task.Task;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns {@code --policy oracle|random|FILE.onnx} (and {@code --device}) into the policies of a
 * run: one policy instance per worker thread and task (recurrent state, chunks and noise are
 * per episode stream); closing it closes every ONNX session.
 */
public final class PolicySource implements PolicyFactory, AutoCloseable {

    private final String id;
    private final Path model;
    private final PolicyOptions options;
    private final Map<String, Policy> policies = new ConcurrentHashMap<>();
    private final Map<String, TaskObservation> views = new ConcurrentHashMap<>();
    private final Map<String, int[]> faults = new java.util.TreeMap<>();

    private PolicySource(String id, Path model, PolicyOptions options) {
        this.id = id;
        this.model = model;
        this.options = options;
    }

    /**
     * The policies {@code --policy VALUE --device DEVICE} name; warnings (e.g. CUDA missing) go
     * to {@code err}.
     *
     * @throws InputException for an unknown policy or device, or a model file that does not exist
     */
    public static PolicySource of(String value, String device, PrintWriter err) {
        Device d;
        try {
            d = Device.valueOf(device.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("--device " + device + ": unknown device; available: cpu, cuda, auto");
        }
        java.util.Set<String> warned = ConcurrentHashMap.newKeySet();
        PolicyOptions options = new PolicyOptions(d, 1, warning -> {
            if (warned.add(warning)) { // once per run, not once per worker
                err.println("mantis: warning: " + warning);
                err.flush();
            }
        });
        if (value.equals("oracle") || value.equals("random")) {
            return new PolicySource(value, null, options);
        }
        Path file = Path.of(value);
        if (!value.endsWith(".onnx")) {
            throw new InputException("--policy " + value + ": unknown policy; give oracle, random or a FILE.onnx model");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException("--policy " + value + ": no such model file");
        }
        return new PolicySource(file.getFileName().toString(), file, options);
    }

    /** The model file, or null for oracle and random. */
    public Path model() {
        return model;
    }

    /** The options models load with. */
    public PolicyOptions options() {
        return options;
    }

    /** The policy id recorded with episodes: oracle, random or the model's file name. */
    public String id() {
        return id;
    }

    /**
     * Loads the model once for each task (on this thread, in a scene built for the check), so
     * that a model that does not fit a robot or task fails before any episode runs.
     */
    public void checkAll(List<dev.mantis.sim.task.TaskSpec> tasks) {
        if (model == null) {
            return;
        }
        for (dev.mantis.sim.task.TaskSpec spec : tasks) {
            Task task = new Task(spec);
            try (Scene scene = Scene.build(task.sceneSpec())) {
                policy(task, scene);
            }
        }
    }

    @Override
    public Oracle create(Task task, Scene scene, long seed) {
        if (model == null && id.equals("oracle")) {
            return task.oracle(scene);
        }
        Policy policy = policy(task, scene);
        count(task.spec().id(), policy); // the previous episode's faults, before reset clears them
        return new PolicyOracle(policy, view(task, scene.robot(0).observationSpec()), seed);
    }

    private Policy policy(Task task, Scene scene) {
        return policy(task, scene.robot(0).robotType(), scene.robot(0).observationSpec(), scene.robot(0).actionSpec());
    }

    /**
     * The policy for {@code task} on a robot of {@code robotType} with these specs (one per
     * thread and task; a model is checked against them when loaded), e.g. a robot driven over ROS.
     *
     * @throws InputException for a model that does not fit
     */
    public Policy policy(Task task, String robotType, ObservationSpec robot, ActionSpec action) {
        String key = Thread.currentThread().getId() + "/" + task.spec().id();
        return policies.computeIfAbsent(key, k -> {
            TaskObservation v = view(task, robot);
            if (model == null) {
                return new RandomPolicy(action);
            }
            try {
                return OnnxPolicy.load(model, robotType, v.spec(), v.goalSpec(), action, options);
            } catch (IOException e) {
                throw new InputException(e.getMessage());
            }
        });
    }

    /** The task's observation as this run's policies see it (padded to the model's widths). */
    public TaskObservation view(Task task, ObservationSpec robot) {
        return views.computeIfAbsent(Thread.currentThread().getId() + "/" + task.spec().id(), k -> {
            int[] widths = model == null ? null : widths(model);
            return view(task, robot, widths == null ? new int[3] : widths);
        });
    }

    /** The task's view, padded to at least the widths a model asks for (see {@link #widths}). */
    static TaskObservation view(Task task, ObservationSpec robot, int[] widths) {
        int objects = Math.max(task.spec().objects().size(), widths[0] / 7);
        int joints = Math.max(TaskObservation.articulatedJoints(task.spec()).size(), widths[2]);
        int goal = Math.max(task.spec().goal().stateSize(), widths[1]);
        return new TaskObservation(task, robot, objects, joints, goal);
    }

    /**
     * The environment-state, goal-state and environment-joints widths the model's spec asks for
     * (0 where it does not use them), so that a model trained on a suite's padded vectors gets
     * them padded alike.
     */
    static int[] widths(Path model) {
        String json = SpecText.read(model);
        int[] out = new int[3];
        try {
            JsonNode spec = new ObjectMapper().readTree(json);
            List<JsonNode> entries = new ArrayList<>();
            spec.path("observation").forEach(entries::add);
            spec.path("goal").forEach(entries::add);
            for (JsonNode e : entries) {
                if (e.path("name").asText().equals(dev.mantis.sim.record.TaskRecording.ENVIRONMENT_STATE)) {
                    out[0] = e.path("size").asInt();
                } else if (e.path("name").asText().equals(dev.mantis.sim.record.TaskRecording.GOAL_STATE)) {
                    out[1] = e.path("size").asInt();
                } else if (e.path("name").asText().equals(dev.mantis.sim.record.TaskRecording.ENVIRONMENT_JOINTS)) {
                    out[2] = e.path("size").asInt();
                }
            }
        } catch (IOException e) {
            return out; // the host reports a malformed spec with its own message when it loads the model
        }
        return out;
    }

    private void count(String taskId, Policy policy) {
        var f = policy.faults();
        synchronized (faults) {
            int[] total = faults.computeIfAbsent(taskId, k -> new int[2]);
            total[0] += f.nonFiniteOutputs();
            total[1] += f.clampedElements();
        }
    }

    /**
     * Per task id, the policy faults of every episode run so far: [non-finite outputs replaced by
     * the last safe action, action elements clamped into bounds]. Call after the run.
     */
    public Map<String, int[]> faults() {
        for (var e : policies.entrySet()) {
            count(e.getKey().substring(e.getKey().indexOf('/') + 1), e.getValue());
        }
        policies.values().forEach(p -> p.reset(0));
        synchronized (faults) {
            return new java.util.TreeMap<>(faults);
        }
    }

    @Override
    public void close() {
        for (Policy p : policies.values()) {
            try {
                p.close();
            } catch (Exception e) {
                // closing native sessions at the end of a run: nothing left to save
            }
        }
        policies.clear();
    }
}
