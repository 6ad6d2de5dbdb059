package dev.mantis.policies.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.mantis.policies.PolicyException;
import dev.mantis.policies.spec.Chunked;
import dev.mantis.policies.spec.PolicySpec;
import dev.mantis.robot.spec.Observation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Action chunks {@code [batch, horizon, size]}: executes {@code execute} actions of each chunk, or
 * calls every step and averages the chunks' predictions for the step (exponential ensembling,
 * weight {@code exp(-k i)}, {@code i = 0} for the oldest chunk).
 */
final class ChunkedInference extends Inference {

    private final Graph graph;
    private final int goalInput;
    private final int horizon;
    private final int execute;
    private final boolean ensemble;
    private final double[] weights;
    /** Per environment: the last {@code horizon} chunks (ring by call number), spec units. */
    private double[][][] chunks = new double[0][][];
    /** Per environment: calls since reset (ensemble) or the next action's index in the chunk. */
    private int[] position = new int[0];
    private final double[] action;

    ChunkedInference(PolicySpec spec, OrtSession session, GraphContract contract) throws PolicyException {
        super(spec);
        Chunked c = (Chunked) spec.family();
        horizon = c.horizon();
        execute = c.execute();
        ensemble = c.ensemble() == Chunked.Ensemble.EXPONENTIAL;
        weights = new double[horizon];
        for (int i = 0; i < horizon; i++) {
            weights[i] = Math.exp(-c.k() * i);
        }
        action = new double[actionSize];
        List<TensorLayout> inputs = new ArrayList<>();
        inputs.add(contract.input(spec.tensors().observation(), "observation features", observationFeed.size()));
        goalInput = spec.tensors().goal() == null ? -1 : 1;
        if (goalInput >= 0) {
            inputs.add(contract.input(spec.tensors().goal(), "goal features", goalFeed.size()));
        }
        TensorLayout out = contract.output(spec.tensors().action(), "chunked horizon x action", horizon, actionSize);
        contract.finish();
        graph = new Graph(session, inputs, List.of(out));
    }

    @Override
    void ensureEnvironments(int count) {
        int old = chunks.length;
        if (count <= old) {
            return;
        }
        chunks = Arrays.copyOf(chunks, count);
        position = Arrays.copyOf(position, count);
        for (int e = old; e < count; e++) {
            chunks[e] = new double[ensemble ? horizon : 1][horizon * actionSize];
            position[e] = ensemble ? 0 : execute;
        }
    }

    @Override
    void reset(int environment, long seed) {
        position[environment] = ensemble ? 0 : execute;
    }

    @Override
    void act(Observation[] observations, Observation[] goals, int first, int count, double[][] out)
            throws OrtException {
        boolean call = ensemble;
        for (int e = first; e < first + count && !call; e++) {
            call = position[e] >= execute;
        }
        if (call) {
            GraphCall graphCall = graph.call(count);
            feed(graphCall, 0, goalInput, observations, goals, first, count);
            graphCall.run();
            for (int r = 0; r < count; r++) {
                int e = first + r;
                if (ensemble || position[e] >= execute) {
                    double[] chunk = chunks[e][ensemble ? position[e] % horizon : 0];
                    for (int a = 0; a < horizon; a++) {
                        decode(graphCall.output(0), r, a, action);
                        System.arraycopy(action, 0, chunk, a * actionSize, actionSize);
                    }
                    if (!ensemble) {
                        position[e] = 0;
                    }
                }
            }
        }
        for (int e = first; e < first + count; e++) {
            if (ensemble) {
                average(e, out[e]);
            } else {
                System.arraycopy(chunks[e][0], position[e] * actionSize, out[e], 0, actionSize);
                position[e]++;
            }
        }
    }

    /** The weighted average for the current step of environment {@code e}'s chunks (its newest just stored). */
    private void average(int e, double[] out) {
        int now = position[e];
        int n = Math.min(now + 1, horizon);
        Arrays.fill(out, 0, actionSize, 0.0);
        double total = 0;
        for (int i = 0; i < n; i++) {
            int made = now - n + 1 + i;
            double[] chunk = chunks[e][made % horizon];
            int offset = (now - made) * actionSize;
            double w = weights[i];
            for (int j = 0; j < actionSize; j++) {
                out[j] += w * chunk[offset + j];
            }
            total += w;
        }
        for (int j = 0; j < actionSize; j++) {
            out[j] /= total;
        }
        position[e] = now + 1;
    }

    @Override
    public void close() {
        graph.close();
    }
}
