package dev.mantis.policies.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One way of running the graph at one batch size: input tensors the caller fills and pinned
 * output tensors ONNX Runtime writes into, all allocated once.
 */
final class GraphCall implements AutoCloseable {

    private final OrtSession session;
    private final BatchTensor[] inputs;
    private final BatchTensor[] outputs;
    private final Map<String, OnnxTensor> inputMap = new HashMap<>();
    private final Map<String, OnnxTensor> outputMap = new HashMap<>();

    GraphCall(OrtSession session, List<TensorLayout> inputLayouts, List<TensorLayout> outputLayouts, int batch)
            throws OrtException {
        this.session = session;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        inputs = new BatchTensor[inputLayouts.size()];
        outputs = new BatchTensor[outputLayouts.size()];
        try {
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = new BatchTensor(env, inputLayouts.get(i), batch);
                inputMap.put(inputLayouts.get(i).name(), inputs[i].tensor());
            }
            for (int i = 0; i < outputs.length; i++) {
                outputs[i] = new BatchTensor(env, outputLayouts.get(i), batch);
                outputMap.put(outputLayouts.get(i).name(), outputs[i].tensor());
            }
        } catch (OrtException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Input {@code i}, in the order of the layouts. */
    BatchTensor input(int i) {
        return inputs[i];
    }

    /** Output {@code i}, in the order of the layouts. */
    BatchTensor output(int i) {
        return outputs[i];
    }

    /** Runs the graph on the inputs; the outputs hold the results afterwards. */
    void run() throws OrtException {
        session.run(inputMap, outputMap).close();
    }

    @Override
    public void close() {
        for (BatchTensor t : inputs) {
            if (t != null) {
                t.close();
            }
        }
        for (BatchTensor t : outputs) {
            if (t != null) {
                t.close();
            }
        }
    }
}
