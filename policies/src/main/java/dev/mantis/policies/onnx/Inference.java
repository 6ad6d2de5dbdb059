package dev.mantis.policies.onnx;

import ai.onnxruntime.OrtException;
import dev.mantis.policies.spec.Normalization;
import dev.mantis.policies.spec.PolicySpec;
import dev.mantis.robot.spec.Observation;

/**
 * What a model family does with the graph to produce one raw action per environment and step,
 * keeping per-environment state (hidden state, queued actions, noise generators) by index.
 */
abstract class Inference implements AutoCloseable {

    final PolicySpec spec;
    final FeatureFeed observationFeed;
    final FeatureFeed goalFeed;
    final Normalization actionNorm;
    final int actionSize;
    private final float[] outputRow;

    Inference(PolicySpec spec) {
        this.spec = spec;
        this.observationFeed = new FeatureFeed("observation", spec.observation(), spec);
        this.goalFeed = new FeatureFeed("goal", spec.goal(), spec);
        this.actionSize = spec.action().size();
        this.actionNorm = spec.normalization(spec.action().name(), actionSize);
        this.outputRow = new float[actionSize];
    }

    /** Makes room for state of environments {@code 0..count-1}. */
    void ensureEnvironments(int count) {
        // stateless families keep nothing per environment
    }

    /** Episode start of {@code environment}: state cleared, sampling seeded with {@code seed}. */
    void reset(int environment, long seed) {
        // stateless families have nothing to reset
    }

    /**
     * Writes the raw actions (spec units, not yet made safe) of environments
     * {@code first..first+count-1} into {@code out[first..]}; {@code count} is at most the graph's
     * batch limit. {@code goals} is {@code null} for a policy without goal.
     */
    abstract void act(Observation[] observations, Observation[] goals, int first, int count, double[][] out)
            throws OrtException;

    /** Writes rows {@code 0..count-1}: observations (and goals, if {@code goalInput >= 0}) of environments from {@code first}. */
    final void feed(GraphCall call, int observationInput, int goalInput, Observation[] observations,
            Observation[] goals, int first, int count) {
        for (int r = 0; r < count; r++) {
            observationFeed.write(observations[first + r], call.input(observationInput), r);
            if (goalInput >= 0) {
                goalFeed.write(goals == null ? null : goals[first + r], call.input(goalInput), r);
            }
        }
    }

    /** Writes action {@code a} of {@code row} of a normalised output into {@code out}, in spec units. */
    final void decode(BatchTensor output, int row, int a, double[] out) {
        output.getRange(row, a * actionSize, outputRow);
        for (int i = 0; i < actionSize; i++) {
            out[i] = actionNorm.denormalize(i, outputRow[i]);
        }
    }

    @Override
    public abstract void close();
}
