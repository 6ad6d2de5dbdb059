package dev.mantis.policies.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@link GraphCall}s of one input/output layout, one per batch size seen, made on first use. */
final class Graph implements AutoCloseable {

    private final OrtSession session;
    private final List<TensorLayout> inputs;
    private final List<TensorLayout> outputs;
    private final Map<Integer, GraphCall> calls = new HashMap<>();
    private GraphCall last;
    private int lastBatch;

    Graph(OrtSession session, List<TensorLayout> inputs, List<TensorLayout> outputs) {
        this.session = session;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
    }

    /** The call for {@code batch} rows. */
    GraphCall call(int batch) throws OrtException {
        if (last != null && lastBatch == batch) {
            return last;
        }
        GraphCall call = calls.get(batch);
        if (call == null) {
            call = new GraphCall(session, inputs, outputs, batch);
            calls.put(batch, call);
        }
        last = call;
        lastBatch = batch;
        return call;
    }

    /** Index of the named input in this layout. */
    int inputIndex(String name) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no input " + name + " in " + inputs);
    }

    @Override
    public void close() {
        calls.values().forEach(GraphCall::close);
        calls.clear();
        last = null;
    }
}
