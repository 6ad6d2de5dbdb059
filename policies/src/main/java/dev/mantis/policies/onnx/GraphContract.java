package dev.mantis.policies.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.mantis.policies.PolicyException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches the tensors a family feeds and reads against the graph: names present, float32, shapes
 * {@code [batch, dims...]} (symbolic dimensions accepted), no graph input left unfed. Also finds
 * the largest batch one call may hold (1 for a graph exported with a fixed batch of 1).
 */
final class GraphContract {

    private final String file;
    private final Map<String, NodeInfo> graphInputs;
    private final Map<String, NodeInfo> graphOutputs;
    private final Set<String> fed = new LinkedHashSet<>();
    private int maxBatch = Integer.MAX_VALUE;

    GraphContract(String file, OrtSession session) throws PolicyException {
        this.file = file;
        try {
            graphInputs = session.getInputInfo();
            graphOutputs = session.getOutputInfo();
        } catch (OrtException e) {
            throw new PolicyException(file + ": cannot read the graph's inputs and outputs ("
                    + ModelSession.reason(e) + ")", e);
        }
    }

    /** An input the host feeds; {@code what} says which part of the spec sets its {@code dims}. */
    TensorLayout input(String name, String what, int... dims) throws PolicyException {
        if (fed.contains(name)) {
            throw new PolicyException(file + ": the spec feeds graph input '" + name + "' twice; give each input its"
                    + " own tensor");
        }
        TensorInfo info = tensor("input", name, graphInputs);
        checkShape("input", name, info, what, dims);
        fed.add(name);
        return new TensorLayout(name, dims);
    }

    /** An output the host reads. */
    TensorLayout output(String name, String what, int... dims) throws PolicyException {
        TensorInfo info = tensor("output", name, graphOutputs);
        checkShape("output", name, info, what, dims);
        return new TensorLayout(name, dims);
    }

    /** The rank of a graph input, batch included (0 if it does not exist or is no tensor). */
    int inputRank(String name) {
        NodeInfo n = graphInputs.get(name);
        return n != null && n.getInfo() instanceof TensorInfo t ? t.getShape().length : 0;
    }

    /** Checks that every graph input is fed; call after declaring them all. */
    void finish() throws PolicyException {
        for (String name : graphInputs.keySet()) {
            if (!fed.contains(name)) {
                throw new PolicyException(file + ": graph input '" + name + "' is not in the spec; the host feeds only "
                        + fed);
            }
        }
    }

    /** The largest batch one graph call may hold. */
    int maxBatch() {
        return maxBatch;
    }

    private TensorInfo tensor(String kind, String name, Map<String, NodeInfo> graph) throws PolicyException {
        NodeInfo node = graph.get(name);
        if (node == null) {
            throw new PolicyException(file + ": the spec names " + kind + " tensor '" + name + "' but the graph's "
                    + kind + "s are " + new ArrayList<>(graph.keySet()));
        }
        if (!(node.getInfo() instanceof TensorInfo info)) {
            throw new PolicyException(file + ": graph " + kind + " '" + name + "' is not a tensor (" + node.getInfo()
                    + "); export it as a float32 tensor");
        }
        if (info.type != OnnxJavaType.FLOAT) {
            String type = info.onnxType.name().replace("ONNX_TENSOR_ELEMENT_DATA_TYPE_", "").toLowerCase();
            throw new PolicyException(file + ": graph " + kind + " '" + name + "' is " + type + " but the host "
                    + (kind.equals("input") ? "feeds" : "reads") + " float32; export it as float32");
        }
        return info;
    }

    private void checkShape(String kind, String name, TensorInfo info, String what, int[] dims) throws PolicyException {
        long[] shape = info.getShape();
        boolean ok = shape.length == dims.length + 1;
        for (int i = 0; ok && i < dims.length; i++) {
            ok = shape[i + 1] < 0 || shape[i + 1] == dims[i];
        }
        if (!ok) {
            StringBuilder expected = new StringBuilder("[batch");
            for (int d : dims) {
                expected.append(", ").append(d);
            }
            throw new PolicyException(file + ": graph " + kind + " '" + name + "' has shape " + format(info)
                    + " but the spec needs " + expected.append(']') + " (" + what + ")");
        }
        if (shape[0] > 1) {
            throw new PolicyException(file + ": graph " + kind + " '" + name + "' has a fixed batch of " + shape[0]
                    + "; export it with a dynamic batch dimension (or a batch of 1)");
        }
        if (shape[0] == 1) {
            maxBatch = 1;
        }
    }

    private static String format(TensorInfo info) {
        long[] shape = info.getShape();
        String[] names = info.getDimensionNames();
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            if (shape[i] >= 0) {
                b.append(shape[i]);
            } else {
                b.append(names != null && i < names.length && !names[i].isEmpty() ? names[i] : "?");
            }
        }
        return b.append(']').toString();
    }
}
