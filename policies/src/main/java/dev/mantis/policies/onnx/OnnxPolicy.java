package dev.mantis.policies.onnx;

import ai.onnxruntime.OrtException;
import dev.mantis.policies.ActionGuard;
import dev.mantis.policies.Policy;
import dev.mantis.policies.PolicyException;
import dev.mantis.policies.PolicyFaults;
import dev.mantis.policies.PolicyOptions;
import dev.mantis.policies.spec.Chunked;
import dev.mantis.policies.spec.Classifier;
import dev.mantis.policies.spec.Diffusion;
import dev.mantis.policies.spec.LatentGoal;
import dev.mantis.policies.spec.PolicySpec;
import dev.mantis.policies.spec.Recurrent;
import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.ActionSpec;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.robot.spec.Observation;
import dev.mantis.robot.spec.ObservationSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A policy run by ONNX Runtime from a {@code .onnx} file carrying a {@code mantis.policy} spec
 * (policies/README.md), for one environment ({@link #act}) or K at once ({@link #actBatch}, one
 * graph call for all), with per-environment state kept by index. Outputs are made safe by an
 * {@link ActionGuard} per environment. Not thread-safe: one thread drives one instance.
 */
public final class OnnxPolicy implements Policy {

    private final PolicySpec spec;
    private final ModelSession session;
    private final Inference inference;
    private final int maxBatch;
    private final FeatureSpec actionFeature;
    private ActionGuard[] guards = new ActionGuard[0];
    private double[][] raw = new double[0][];
    private final Observation[] oneObservation = new Observation[1];
    private final Observation[] oneGoal = new Observation[1];
    private boolean closed;

    private OnnxPolicy(PolicySpec spec, ModelSession session, Inference inference, int maxBatch, ActionSpec action) {
        this.spec = spec;
        this.session = session;
        this.inference = inference;
        this.maxBatch = maxBatch;
        this.actionFeature = action.action();
    }

    /**
     * Loads {@code model} (spec from its metadata key {@code mantis.policy}, else the sidecar
     * {@code MODEL.onnx.json}), checks the spec against the robot type, the available observation
     * and goal features ({@code goalFeatures} may be {@code null} for a policy without goal) and
     * the action spec, opens a session on the options' device and checks the graph's tensors.
     */
    public static OnnxPolicy load(Path model, String robotType, ObservationSpec observationFeatures,
            ObservationSpec goalFeatures, ActionSpec action, PolicyOptions options) throws PolicyException {
        String file = model.toString();
        ModelSession session = ModelSession.open(model, file, options);
        OnnxPolicy policy;
        try {
            PolicySpec spec = PolicySpec.parse(session.specJson(model, file), file);
            if (spec.family() instanceof Classifier) {
                throw new PolicyException(file + ": is a success classifier, not a policy; give it as the success "
                        + "detector (mantis collect --success " + file + ") and give --policy a policy model");
            }
            spec.check(robotType, observationFeatures, goalFeatures, action);
            GraphContract contract = new GraphContract(file, session.session());
            Inference inference = inference(spec, session, contract);
            policy = new OnnxPolicy(spec, session, inference, contract.maxBatch(), action);
        } catch (PolicyException | RuntimeException e) {
            session.close();
            throw e;
        }
        try {
            policy.warmUp(observationFeatures, goalFeatures);
            return policy;
        } catch (PolicyException | RuntimeException e) {
            policy.close();
            throw e;
        }
    }

    private static Inference inference(PolicySpec spec, ModelSession session, GraphContract contract)
            throws PolicyException {
        if (spec.family() instanceof LatentGoal) {
            return new LatentGoalInference(spec, session.session(), contract);
        } else if (spec.family() instanceof Recurrent) {
            return new RecurrentInference(spec, session.session(), contract);
        } else if (spec.family() instanceof Chunked) {
            return new ChunkedInference(spec, session.session(), contract);
        } else if (spec.family() instanceof Diffusion) {
            return new DiffusionInference(spec, session.session(), contract);
        }
        return new FeedforwardInference(spec, session.session(), contract);
    }

    /** One step on zeros, so that a graph whose real output shapes contradict the spec fails here. */
    private void warmUp(ObservationSpec observationFeatures, ObservationSpec goalFeatures) throws PolicyException {
        Observation o = zeros(observationFeatures);
        Observation g = goalFeatures == null ? null : zeros(goalFeatures);
        try {
            ensureEnvironments(1);
            inference.act(new Observation[] {o}, new Observation[] {g}, 0, 1, raw);
            reset(0, 0);
        } catch (OrtException e) {
            throw new PolicyException(spec.source() + ": the graph fails on a test input (" + ModelSession.reason(e)
                    + "); check the spec's sizes against the model", e);
        }
    }

    private static Observation zeros(ObservationSpec spec) {
        double[][] values = new double[spec.features().size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = new double[spec.features().get(i).size()];
        }
        return new Observation(spec, 0, values);
    }

    /** The model's spec. */
    public PolicySpec spec() {
        return spec;
    }

    /** The execution provider actually used: "CPU" or "CUDA". */
    public String provider() {
        return session.provider();
    }

    /** Environment 0's episode start. */
    @Override
    public void reset(long seed) {
        reset(0, seed);
    }

    /** Episode start of one environment: its state, queued actions and faults cleared, its noise seeded. */
    public void reset(int environment, long seed) {
        checkOpen();
        ensureEnvironments(environment + 1);
        inference.reset(environment, seed);
        guards[environment].reset();
    }

    /** Environment 0's action (a batch of one). */
    @Override
    public Action act(Observation observation, Observation goal) {
        oneObservation[0] = observation;
        oneGoal[0] = goal;
        try {
            run(oneObservation, oneGoal, 1);
            return new Action(raw[0]);
        } finally {
            oneObservation[0] = null;
            oneGoal[0] = null;
        }
    }

    /**
     * One action per environment {@code 0..K-1} from one graph call over all of them (or one per
     * environment for a graph with a fixed batch of 1). {@code goals} may be {@code null} for a
     * policy without goal.
     */
    public Action[] actBatch(Observation[] observations, Observation[] goals) {
        run(observations, goals, observations.length);
        Action[] actions = new Action[observations.length];
        for (int e = 0; e < actions.length; e++) {
            actions[e] = new Action(raw[e]);
        }
        return actions;
    }

    /**
     * As {@link #actBatch(Observation[], Observation[])}, writing environment {@code e}'s action
     * into {@code actions[e]} (at least the action's size) instead of allocating Actions.
     */
    public void actBatch(Observation[] observations, Observation[] goals, double[][] actions) {
        if (actions.length < observations.length) {
            throw new IllegalArgumentException(observations.length + " observations but " + actions.length
                    + " action rows");
        }
        run(observations, goals, observations.length);
        for (int e = 0; e < observations.length; e++) {
            System.arraycopy(raw[e], 0, actions[e], 0, raw[e].length);
        }
    }

    private void run(Observation[] observations, Observation[] goals, int count) {
        checkOpen();
        if (goals != null && goals.length < count) {
            throw new IllegalArgumentException(count + " observations but " + goals.length + " goals");
        }
        ensureEnvironments(count);
        try {
            for (int first = 0; first < count; first += maxBatch) {
                inference.act(observations, goals, first, Math.min(maxBatch, count - first), raw);
            }
        } catch (OrtException e) {
            throw new IllegalStateException(spec.source() + ": inference failed (" + ModelSession.reason(e) + ")", e);
        }
        for (int e = 0; e < count; e++) {
            guards[e].apply(raw[e]);
        }
    }

    private void ensureEnvironments(int count) {
        if (count <= guards.length) {
            return;
        }
        int old = guards.length;
        guards = Arrays.copyOf(guards, count);
        raw = Arrays.copyOf(raw, count);
        for (int e = old; e < count; e++) {
            guards[e] = new ActionGuard(actionFeature);
            raw[e] = new double[actionFeature.size()];
        }
        inference.ensureEnvironments(count);
    }

    /** Environment 0's faults since its reset. */
    @Override
    public PolicyFaults faults() {
        return faults(0);
    }

    /** One environment's faults since its reset. */
    public PolicyFaults faults(int environment) {
        return environment < guards.length ? guards[environment].faults() : PolicyFaults.NONE;
    }

    /** Replaces an environment's Gaussian noise source (diffusion only; tests replay recorded noise). */
    void noise(int environment, RandomGenerator generator) {
        ensureEnvironments(environment + 1);
        ((DiffusionInference) inference).noise(environment, generator);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(spec.source() + ": policy is closed");
        }
    }

    /** Closes the tensors and the session. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            inference.close();
            session.close();
        }
    }

    @Override
    public String toString() {
        return "OnnxPolicy{" + spec + ", " + provider() + "}";
    }
}
