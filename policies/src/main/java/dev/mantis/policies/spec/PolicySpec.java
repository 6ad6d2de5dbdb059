package dev.mantis.policies.spec;

import dev.mantis.policies.PolicyException;
import dev.mantis.robot.spec.ActionSpec;
import dev.mantis.robot.spec.ObservationSpec;
import java.util.List;
import java.util.Map;

/**
 * The {@code mantis.policy} spec of a model (policies/README.md): family, robot, features in feed
 * order, the action, graph tensor names and normalisation. Immutable.
 */
public final class PolicySpec {

    /** The metadata key the spec is stored under in an ONNX model. */
    public static final String METADATA_KEY = "mantis.policy";

    private final String source;
    private final int version;
    private final Family family;
    private final String robotType;
    private final String controller;
    private final double controlHz;
    private final List<FeatureSize> observation;
    private final List<FeatureSize> goal;
    private final ActionFeature action;
    private final TensorNames tensors;
    private final Map<String, Normalization> normalization;

    PolicySpec(String source, int version, Family family, String robotType, String controller, double controlHz,
            List<FeatureSize> observation, List<FeatureSize> goal, ActionFeature action, TensorNames tensors,
            Map<String, Normalization> normalization) {
        this.source = source;
        this.version = version;
        this.family = family;
        this.robotType = robotType;
        this.controller = controller;
        this.controlHz = controlHz;
        this.observation = List.copyOf(observation);
        this.goal = List.copyOf(goal);
        this.action = action;
        this.tensors = tensors;
        this.normalization = Map.copyOf(normalization);
    }

    /**
     * Reads a spec from its JSON text; {@code source} (the model file) starts every error
     * message. Checks the spec on its own; {@link #check} checks it against a robot.
     */
    public static PolicySpec parse(String json, String source) throws PolicyException {
        return new SpecReader(source).read(json);
    }

    /**
     * Checks that this policy fits the robot and task: robot type, controller, every observation
     * and goal feature present with its size, and the action's size (and element names if the spec
     * lists them). {@code goalFeatures} may be {@code null} when there is no goal.
     */
    public void check(String robotType, ObservationSpec observationFeatures, ObservationSpec goalFeatures,
            ActionSpec actionSpec) throws PolicyException {
        new RobotMatch(this).check(robotType, observationFeatures, goalFeatures, actionSpec);
    }

    /**
     * Checks the robot type and that every observation and goal feature is present with its size:
     * what a {@link Classifier}, which has no action, needs of the robot and task.
     */
    public void checkInputs(String robotType, ObservationSpec observationFeatures, ObservationSpec goalFeatures)
            throws PolicyException {
        new RobotMatch(this).checkInputs(robotType, observationFeatures, goalFeatures);
    }

    /** Where the spec came from (the model file), as used in messages. */
    public String source() {
        return source;
    }

    /** Spec format version (1). */
    public int version() {
        return version;
    }

    /** The family with its settings. */
    public Family family() {
        return family;
    }

    /** The robot type the policy was trained for, e.g. {@code panda}. */
    public String robotType() {
        return robotType;
    }

    /** The controller that interprets its actions, e.g. {@code pd_ee_delta_pose}; {@code null} if not given. */
    public String controller() {
        return controller;
    }

    /** The control rate it was trained at, Hz; 0 if not given. */
    public double controlHz() {
        return controlHz;
    }

    /** Observation features in feed order. */
    public List<FeatureSize> observation() {
        return observation;
    }

    /** Goal features in feed order (empty without goal). */
    public List<FeatureSize> goal() {
        return goal;
    }

    /** The action output. */
    public ActionFeature action() {
        return action;
    }

    /** Graph tensor names. */
    public TensorNames tensors() {
        return tensors;
    }

    /** Sum of the observation features' sizes. */
    public int observationSize() {
        return observation.stream().mapToInt(FeatureSize::size).sum();
    }

    /** Sum of the goal features' sizes. */
    public int goalSize() {
        return goal.stream().mapToInt(FeatureSize::size).sum();
    }

    /** The normalisation of a feature (or of the action, by its name); identity if the spec has none. */
    public Normalization normalization(String feature, int size) {
        Normalization n = normalization.get(feature);
        return n != null ? n : Normalization.identity(size);
    }

    @Override
    public String toString() {
        if (family instanceof Classifier c) {
            return "success classifier for " + robotType + " (" + source + "): " + observation + " + " + goal + " -> "
                    + c.output() + " >= " + c.threshold();
        }
        return family.id() + " policy for " + robotType + " (" + source + "): " + observation + " + " + goal
                + " -> " + action.name() + " (" + action.size() + ")";
    }
}
