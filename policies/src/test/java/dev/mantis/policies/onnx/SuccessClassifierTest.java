package dev.mantis.policies.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mantis.policies.PolicyException;
import dev.mantis.policies.PolicyOptions;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.robot.spec.ObservationSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The success classifier host on a hand-built model, {@code p = sigmoid([state, env, goal] . W +
 * b)} with normalised inputs: probabilities computed by hand, the threshold, and the one-line
 * errors for a policy given as a classifier (and the reverse) and a spec that does not fit.
 */
class SuccessClassifierTest {

    /** Logit weights over [state (2), env (1), goal (2)]. */
    private static final float[] W = {1, -2, 0.5f, 3, 0};
    private static final float B = -0.25f;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("success.onnx");
    }

    /** The classifier spec: TestRobot's features, state normalised with mean (1, 0) and std (2, 1). */
    private static ObjectNode spec() {
        ObjectNode s = TestModels.spec("success_classifier");
        s.remove("action");
        s.putNull("controller");
        ((ObjectNode) s.get("tensors")).remove("action");
        s.putObject("success_classifier").put("output", "success_probability");
        ObjectNode norm = s.putObject("normalization").putObject("observation.state");
        norm.putArray("mean").add(1.0).add(0.0);
        norm.putArray("std").add(2.0).add(1.0);
        return s;
    }

    private static OnnxModelBuilder model(ObjectNode spec, boolean sigmoid) {
        OnnxModelBuilder m = new OnnxModelBuilder().input("observation", -1, 3).input("goal", -1, 2)
                .output("success_probability", -1, 1).initializer("W", W, 5, 1).initializer("B", new float[] {B}, 1)
                .node("Concat", List.of("observation", "goal"), List.of("x"), "axis", 1)
                .node("MatMul", List.of("x", "W"), List.of("y"));
        if (sigmoid) {
            m.node("Add", List.of("y", "B"), List.of("logit")).node("Sigmoid", List.of("logit"),
                    List.of("success_probability"));
        } else {
            m.node("Add", List.of("y", "B"), List.of("success_probability"));
        }
        return m.metadata("mantis.policy", spec.toString());
    }

    private SuccessClassifier load(OnnxModelBuilder model, ObservationSpec observation) throws IOException {
        model.write(file());
        return SuccessClassifier.load(file(), TestRobot.TYPE, observation, TestRobot.GOAL, PolicyOptions.defaults());
    }

    private String failure(OnnxModelBuilder model, ObservationSpec observation) throws IOException {
        model.write(file());
        return assertThrows(PolicyException.class, () -> SuccessClassifier.load(file(), TestRobot.TYPE, observation,
                TestRobot.GOAL, PolicyOptions.defaults())).getMessage();
    }

    private static double byHand(double s0, double s1, double e, double g0, double g1) {
        double logit = W[0] * (s0 - 1) / 2 + W[1] * s1 + W[2] * e + W[3] * g0 + W[4] * g1 + B;
        return 1 / (1 + Math.exp(-logit));
    }

    @Test
    void theProbabilityIsTheModelsOnNormalisedFeatures() throws IOException {
        try (SuccessClassifier c = load(model(spec(), true), TestRobot.OBSERVATION)) {
            assertEquals(0.5, c.threshold());
            assertEquals(0, c.confirmFrames(), "by default episodes run to the horizon");
            double[][] cases = {{1, 0, 0, 0, 0}, {3, 0.5, -1, 0.2, 9}, {-2, 1, 2, 1.5, -3}, {0, 0, 0, -1, 0}};
            for (double[] k : cases) {
                double p = c.probability(TestRobot.observation(k[0], k[1], k[2]), TestRobot.goal(k[3], k[4]));
                assertEquals(byHand(k[0], k[1], k[2], k[3], k[4]), p, 1e-6, java.util.Arrays.toString(k));
            }
        }
        ObjectNode strict = spec();
        ((ObjectNode) strict.get("success_classifier")).put("threshold", 0.9).put("confirm_frames", 3);
        try (SuccessClassifier c = load(model(strict, true), TestRobot.OBSERVATION)) {
            assertEquals(0.9, c.threshold());
            assertEquals(3, c.confirmFrames());
        }
    }

    @Test
    void aPolicyIsNoClassifierAndAClassifierNoPolicy() throws IOException {
        assertEquals(file() + ": is a feedforward policy, not a success classifier; give it as the policy and train a"
                + " classifier with policies/train/train_success.py",
                failure(TestModels.feedforward(TestModels.spec("feedforward")), TestRobot.OBSERVATION));
        model(spec(), true).write(file());
        String message = assertThrows(PolicyException.class, () -> OnnxPolicy.load(file(), TestRobot.TYPE,
                TestRobot.OBSERVATION, TestRobot.GOAL, TestRobot.ACTION, PolicyOptions.defaults())).getMessage();
        assertEquals(file() + ": is a success classifier, not a policy; give it as the success detector (mantis "
                + "collect --success " + file() + ") and give --policy a policy model", message);
    }

    @Test
    void aSpecThatDoesNotFitTheRobotIsRefusedInOneLine() throws IOException {
        ObservationSpec other = new ObservationSpec(List.of(
                FeatureSpec.vector("observation.state", List.of("a", "b", "c"), "rad"),
                FeatureSpec.vector("observation.environment_state", List.of("x"), "m")));
        assertEquals(file() + ": the classifier needs observation feature 'observation.state' (2) but the robot/task"
                + " provide [observation.state (3), observation.environment_state (1)]; train the classifier on "
                + "episodes of this robot and task (policies/train/train_success.py)",
                failure(model(spec(), true), other));
        model(spec(), true).write(file());
        String robot = assertThrows(PolicyException.class, () -> SuccessClassifier.load(file(), "ur5e",
                TestRobot.OBSERVATION, TestRobot.GOAL, PolicyOptions.defaults())).getMessage();
        assertEquals(file() + ": trained for robot 'panda', this robot is 'ur5e'; train the classifier on episodes "
                + "of this robot and task (policies/train/train_success.py)", robot);
    }

    @Test
    void aMalformedClassifierSpecOrGraphIsRefused() throws IOException {
        ObjectNode withAction = spec();
        withAction.putObject("action").put("name", "action").put("size", 2);
        assertEquals(file() + ": mantis.policy: a success_classifier outputs a probability, not an action: remove "
                + "'action' (its output tensor is 'success_classifier.output')",
                failure(model(withAction, true), TestRobot.OBSERVATION));
        ObjectNode badThreshold = spec();
        ((ObjectNode) badThreshold.get("success_classifier")).put("threshold", 1.0);
        assertEquals(file() + ": mantis.policy: 'success_classifier.threshold' must be between 0 and 1 (exclusive), "
                + "got 1.0", failure(model(badThreshold, true), TestRobot.OBSERVATION));
        ObjectNode negative = spec();
        ((ObjectNode) negative.get("success_classifier")).put("confirm_frames", -1);
        assertEquals(file() + ": mantis.policy: 'success_classifier.confirm_frames' must be an integer >= 0 (0: "
                + "episodes run to the horizon), got -1", failure(model(negative, true), TestRobot.OBSERVATION));
        // without the sigmoid, zeros (state normalised to (-0.5, 0)) give the logit 1 * -0.5 - 0.25
        assertEquals(file() + ": output 'success_probability' is -0.75 on a test input, not a probability; export the "
                + "sigmoid of the logit (policies/train/train_success.py)",
                failure(model(spec(), false), TestRobot.OBSERVATION));
        ObjectNode wrongOutput = spec();
        ((ObjectNode) wrongOutput.get("success_classifier")).put("output", "p");
        assertEquals(file() + ": the spec names output tensor 'p' but the graph's outputs are [success_probability]",
                failure(model(wrongOutput, true), TestRobot.OBSERVATION));
    }
}
