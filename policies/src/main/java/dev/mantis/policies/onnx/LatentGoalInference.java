package dev.mantis.policies.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.mantis.policies.PolicyException;
import dev.mantis.policies.spec.LatentGoal;
import dev.mantis.policies.spec.PolicySpec;
import dev.mantis.robot.spec.Observation;
import java.util.List;

/**
 * Goal as an observation of the solved scene: the encoder maps the observations and the goals to
 * latents (one call over both), {@code z = (phi(goal) - phi(observation)) / max(|...|, 1e-6)},
 * then the policy graph maps (observation, z) to the action. Every call feeds every graph input
 * (ONNX Runtime requires it); inputs a call does not need get the observation or zeros.
 */
final class LatentGoalInference extends Inference {

    private static final double MIN_NORM = 1e-6;

    private final Graph encoder;
    private final Graph policy;
    private final int latentSize;
    private final int maxBatch;
    private double[][] latents = new double[0][];

    LatentGoalInference(PolicySpec spec, OrtSession session, GraphContract contract) throws PolicyException {
        super(spec);
        LatentGoal g = (LatentGoal) spec.family();
        latentSize = g.latentSize();
        List<TensorLayout> inputs = List.of(
                contract.input(spec.tensors().observation(), "observation features", observationFeed.size()),
                contract.input(g.encoderInput(), "observation features (encoder)", observationFeed.size()),
                contract.input(g.latentInput(), "latent_goal latent_size", latentSize));
        TensorLayout latent = contract.output(g.encoderOutput(), "latent_goal latent_size", latentSize);
        TensorLayout action = contract.output(spec.tensors().action(), "action", actionSize);
        contract.finish();
        maxBatch = contract.maxBatch();
        encoder = new Graph(session, inputs, List.of(latent));
        policy = new Graph(session, inputs, List.of(action));
    }

    @Override
    void act(Observation[] observations, Observation[] goals, int first, int count, double[][] out)
            throws OrtException {
        int rows = 2 * count;
        if (latents.length < rows) {
            latents = new double[rows][latentSize];
        }
        for (int r0 = 0; r0 < rows; r0 += Math.min(maxBatch, rows)) {
            int n = Math.min(Math.min(maxBatch, rows), rows - r0);
            GraphCall call = encoder.call(n);
            for (int q = 0; q < n; q++) {
                int row = r0 + q;
                if (row < count) {
                    observationFeed.write(observations[first + row], call.input(1), q);
                } else {
                    goalFeed.write(goals == null ? null : goals[first + row - count], call.input(1), q);
                }
            }
            call.run();
            for (int q = 0; q < n; q++) {
                for (int i = 0; i < latentSize; i++) {
                    latents[r0 + q][i] = call.output(0).get(q, i);
                }
            }
        }
        GraphCall call = policy.call(count);
        for (int r = 0; r < count; r++) {
            observationFeed.write(observations[first + r], call.input(0), r);
            double norm = 0;
            for (int i = 0; i < latentSize; i++) {
                double d = latents[count + r][i] - latents[r][i];
                norm += d * d;
            }
            double scale = 1 / Math.max(Math.sqrt(norm), MIN_NORM);
            for (int i = 0; i < latentSize; i++) {
                call.input(2).set(r, i, (latents[count + r][i] - latents[r][i]) * scale);
            }
        }
        call.run();
        for (int r = 0; r < count; r++) {
            decode(call.output(0), r, 0, out[first + r]);
        }
    }

    @Override
    public void close() {
        encoder.close();
        policy.close();
    }
}
