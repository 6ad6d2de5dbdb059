package dev.mantis.policies.onnx;

import ai.onnxruntime.OrtException;
import dev.mantis.policies.PolicyException;
import dev.mantis.policies.PolicyOptions;
import dev.mantis.policies.spec.Classifier;
import dev.mantis.policies.spec.PolicySpec;
import dev.mantis.robot.spec.Observation;
import dev.mantis.robot.spec.ObservationSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A success classifier run by ONNX Runtime: a {@code .onnx} file whose {@code mantis.policy} spec
 * has the family {@code success_classifier} (policies/README.md), giving the probability that
 * the goal is achieved from an observation and a goal. Its features are fed and normalised
 * exactly as a policy's; one graph call per query, on tensors allocated once. Not thread-safe.
 */
public final class SuccessClassifier implements AutoCloseable {

    private final PolicySpec spec;
    private final Classifier settings;
    private final ModelSession session;
    private final FeatureFeed observationFeed;
    private final FeatureFeed goalFeed;
    private final Graph graph;
    private final int goalInput;
    private boolean closed;

    private SuccessClassifier(PolicySpec spec, ModelSession session, Graph graph, int goalInput) {
        this.spec = spec;
        this.settings = (Classifier) spec.family();
        this.session = session;
        this.observationFeed = new FeatureFeed("observation", spec.observation(), spec);
        this.goalFeed = new FeatureFeed("goal", spec.goal(), spec);
        this.graph = graph;
        this.goalInput = goalInput;
    }

    /**
     * Loads {@code model} (spec from its metadata, else the sidecar {@code MODEL.onnx.json}),
     * checks that it is a success classifier for a robot of {@code robotType} whose observation
     * and goal features are available ({@code goalFeatures} may be {@code null} for a classifier
     * without goal), opens a session and checks the graph on a test input.
     *
     * @throws PolicyException with a one-line message naming the file: a policy given where a
     *     classifier is expected, a spec that does not fit the robot, a graph that contradicts it
     */
    public static SuccessClassifier load(Path model, String robotType, ObservationSpec observationFeatures,
            ObservationSpec goalFeatures, PolicyOptions options) throws PolicyException {
        String file = model.toString();
        ModelSession session = ModelSession.open(model, file, options);
        SuccessClassifier classifier;
        try {
            PolicySpec spec = PolicySpec.parse(session.specJson(model, file), file);
            if (!(spec.family() instanceof Classifier c)) {
                throw new PolicyException(file + ": is a " + spec.family().id() + " policy, not a success classifier;"
                        + " give it as the policy and train a classifier with policies/train/train_success.py");
            }
            try {
                spec.checkInputs(robotType, observationFeatures, goalFeatures);
            } catch (PolicyException e) {
                throw new PolicyException(e.getMessage() + "; train the classifier on episodes of this robot and task"
                        + " (policies/train/train_success.py)", e);
            }
            GraphContract contract = new GraphContract(file, session.session());
            List<TensorLayout> inputs = new ArrayList<>();
            inputs.add(contract.input(spec.tensors().observation(), "observation features", spec.observationSize()));
            int goalInput = spec.tensors().goal() == null ? -1 : 1;
            if (goalInput >= 0) {
                inputs.add(contract.input(spec.tensors().goal(), "goal features", spec.goalSize()));
            }
            TensorLayout output = contract.output(c.output(), "success probability", 1);
            contract.finish();
            classifier = new SuccessClassifier(spec, session, new Graph(session.session(), inputs, List.of(output)),
                    goalInput);
        } catch (PolicyException | RuntimeException e) {
            session.close();
            throw e;
        }
        try {
            classifier.warmUp(observationFeatures, goalFeatures);
            return classifier;
        } catch (PolicyException | RuntimeException e) {
            classifier.close();
            throw e;
        }
    }

    /** One query on zeros: a graph that fails, or gives no probability, is refused at load. */
    private void warmUp(ObservationSpec observationFeatures, ObservationSpec goalFeatures) throws PolicyException {
        double p;
        try {
            p = run(zeros(observationFeatures), goalFeatures == null ? null : zeros(goalFeatures));
        } catch (OrtException e) {
            throw new PolicyException(spec.source() + ": the graph fails on a test input (" + ModelSession.reason(e)
                    + "); check the spec's sizes against the model", e);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new PolicyException(spec.source() + ": output '" + settings.output() + "' is " + p + " on a test "
                    + "input, not a probability; export the sigmoid of the logit (policies/train/train_success.py)");
        }
    }

    private static Observation zeros(ObservationSpec spec) {
        double[][] values = new double[spec.features().size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = new double[spec.features().get(i).size()];
        }
        return new Observation(spec, 0, values);
    }

    /**
     * The probability, in [0, 1], that the goal is achieved in {@code observation};
     * {@code goal} holds the goal features ({@code null} for a classifier without goal).
     *
     * @throws IllegalStateException when inference fails or gives no probability
     */
    public double probability(Observation observation, Observation goal) {
        if (closed) {
            throw new IllegalStateException(spec.source() + ": success classifier is closed");
        }
        double p;
        try {
            p = run(observation, goal);
        } catch (OrtException e) {
            throw new IllegalStateException(spec.source() + ": inference failed (" + ModelSession.reason(e) + ")", e);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalStateException(spec.source() + ": output '" + settings.output() + "' is " + p
                    + ", not a probability");
        }
        return p;
    }

    private double run(Observation observation, Observation goal) throws OrtException {
        GraphCall call = graph.call(1);
        observationFeed.write(observation, call.input(0), 0);
        if (goalInput >= 0) {
            goalFeed.write(goal, call.input(goalInput), 0);
        }
        call.run();
        return call.output(0).get(0, 0);
    }

    /** The probability from which an episode counts as a success (the spec's threshold, 0.5 by default). */
    public double threshold() {
        return settings.threshold();
    }

    /**
     * Frames in a row at or above the threshold that end an episode as a success (the spec's); 0:
     * episodes run to their horizon (the default).
     */
    public int confirmFrames() {
        return settings.confirmFrames();
    }

    /** The model's spec. */
    public PolicySpec spec() {
        return spec;
    }

    /** Closes the tensors and the session. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            graph.close();
            session.close();
        }
    }

    @Override
    public String toString() {
        return "SuccessClassifier{" + spec + ", " + session.provider() + "}";
    }
}
