package dev.mantis.policies.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.mantis.policies.PolicyException;
import dev.mantis.policies.spec.PolicySpec;
import dev.mantis.robot.spec.Observation;
import java.util.ArrayList;
import java.util.List;

/** {@code action = f(observation, goal)}: one graph call per step, no state. */
final class FeedforwardInference extends Inference {

    private final Graph graph;
    private final int goalInput;

    FeedforwardInference(PolicySpec spec, OrtSession session, GraphContract contract) throws PolicyException {
        super(spec);
        List<TensorLayout> inputs = new ArrayList<>();
        inputs.add(contract.input(spec.tensors().observation(), "observation features", observationFeed.size()));
        goalInput = spec.tensors().goal() == null ? -1 : 1;
        if (goalInput >= 0) {
            inputs.add(contract.input(spec.tensors().goal(), "goal features", goalFeed.size()));
        }
        TensorLayout action = contract.output(spec.tensors().action(), "action", actionSize);
        contract.finish();
        graph = new Graph(session, inputs, List.of(action));
    }

    @Override
    void act(Observation[] observations, Observation[] goals, int first, int count, double[][] out)
            throws OrtException {
        GraphCall call = graph.call(count);
        feed(call, 0, goalInput, observations, goals, first, count);
        call.run();
        for (int r = 0; r < count; r++) {
            decode(call.output(0), r, 0, out[first + r]);
        }
    }

    @Override
    public void close() {
        graph.close();
    }
}
