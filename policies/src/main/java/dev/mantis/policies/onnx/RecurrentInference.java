package dev.mantis.policies.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.mantis.policies.PolicyException;
import dev.mantis.policies.spec.PolicySpec;
import dev.mantis.policies.spec.Recurrent;
import dev.mantis.robot.spec.Observation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Hidden state fed back each step, kept per environment, zero after reset. */
final class RecurrentInference extends Inference {

    private final Graph graph;
    private final int goalInput;
    private final int firstStateInput;
    private final int[] stateSizes;
    private float[][][] states = new float[0][][];

    RecurrentInference(PolicySpec spec, OrtSession session, GraphContract contract) throws PolicyException {
        super(spec);
        Recurrent r = (Recurrent) spec.family();
        List<TensorLayout> inputs = new ArrayList<>();
        List<TensorLayout> outputs = new ArrayList<>();
        inputs.add(contract.input(spec.tensors().observation(), "observation features", observationFeed.size()));
        goalInput = spec.tensors().goal() == null ? -1 : 1;
        if (goalInput >= 0) {
            inputs.add(contract.input(spec.tensors().goal(), "goal features", goalFeed.size()));
        }
        firstStateInput = inputs.size();
        outputs.add(contract.output(spec.tensors().action(), "action", actionSize));
        stateSizes = new int[r.stateSizes().size()];
        for (int i = 0; i < stateSizes.length; i++) {
            stateSizes[i] = r.stateSizes().get(i);
            inputs.add(contract.input(r.stateInputs().get(i), "recurrent state " + i, stateSizes[i]));
            outputs.add(contract.output(r.stateOutputs().get(i), "recurrent state " + i, stateSizes[i]));
        }
        contract.finish();
        graph = new Graph(session, inputs, outputs);
    }

    @Override
    void ensureEnvironments(int count) {
        int old = states.length;
        if (count <= old) {
            return;
        }
        states = Arrays.copyOf(states, count);
        for (int e = old; e < count; e++) {
            states[e] = new float[stateSizes.length][];
            for (int i = 0; i < stateSizes.length; i++) {
                states[e][i] = new float[stateSizes[i]];
            }
        }
    }

    @Override
    void reset(int environment, long seed) {
        for (float[] s : states[environment]) {
            Arrays.fill(s, 0f);
        }
    }

    @Override
    void act(Observation[] observations, Observation[] goals, int first, int count, double[][] out)
            throws OrtException {
        GraphCall call = graph.call(count);
        feed(call, 0, goalInput, observations, goals, first, count);
        for (int r = 0; r < count; r++) {
            for (int i = 0; i < stateSizes.length; i++) {
                call.input(firstStateInput + i).putRow(r, states[first + r][i]);
            }
        }
        call.run();
        for (int r = 0; r < count; r++) {
            decode(call.output(0), r, 0, out[first + r]);
            for (int i = 0; i < stateSizes.length; i++) {
                call.output(1 + i).getRow(r, states[first + r][i]);
            }
        }
    }

    @Override
    public void close() {
        graph.close();
    }
}
