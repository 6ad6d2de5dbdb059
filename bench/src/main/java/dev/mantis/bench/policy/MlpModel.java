package dev.mantis.bench.policy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes the benchmark's feedforward policy as an ONNX file (protobuf by hand, opset 17): an MLP
 * (observation 39 + goal 7) -> 256 -> ReLU -> 256 -> ReLU -> 8 with seeded weights and a
 * {@code mantis.policy} spec with normalisation, for robot {@code bench}: observation.state (32),
 * observation.environment_state (7), observation.goal.state (7), 8 action elements.
 */
final class MlpModel {

    static final int STATE = 32;
    static final int ENVIRONMENT = 7;
    static final int GOAL = 7;
    static final int HIDDEN = 256;
    static final int ACTION = 8;

    private final ByteArrayOutputStream graph = new ByteArrayOutputStream();
    private final SplittableRandom random;

    private MlpModel(long seed) {
        random = new SplittableRandom(seed);
    }

    /** Writes the model to {@code file}. */
    static void write(Path file, long seed) throws IOException {
        Files.write(file, new MlpModel(seed).build());
    }

    private byte[] build() {
        int in = STATE + ENVIRONMENT;
        valueInfo(11, "observation", in);
        valueInfo(11, "goal", GOAL);
        valueInfo(12, "action", ACTION);
        layer(1, in + GOAL, HIDDEN);
        layer(2, HIDDEN, HIDDEN);
        layer(3, HIDDEN, ACTION);
        node("Concat", new String[] {"observation", "goal"}, "x0", "axis", 1);
        node("MatMul", new String[] {"x0", "W1"}, "m1", null, 0);
        node("Add", new String[] {"m1", "b1"}, "a1", null, 0);
        node("Relu", new String[] {"a1"}, "x1", null, 0);
        node("MatMul", new String[] {"x1", "W2"}, "m2", null, 0);
        node("Add", new String[] {"m2", "b2"}, "a2", null, 0);
        node("Relu", new String[] {"a2"}, "x2", null, 0);
        node("MatMul", new String[] {"x2", "W3"}, "m3", null, 0);
        node("Add", new String[] {"m3", "b3"}, "action", null, 0);
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        varint(model, 1, 8);
        ByteArrayOutputStream g = new ByteArrayOutputStream();
        g.writeBytes(graph.toByteArray());
        bytes(g, 2, "mlp");
        bytes(model, 7, g.toByteArray());
        ByteArrayOutputStream opset = new ByteArrayOutputStream();
        bytes(opset, 1, "");
        varint(opset, 2, 17);
        bytes(model, 8, opset.toByteArray());
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        bytes(meta, 1, "mantis.policy");
        bytes(meta, 2, spec());
        bytes(model, 14, meta.toByteArray());
        return model.toByteArray();
    }

    private static String spec() {
        return "{\"version\": 1, \"family\": \"feedforward\", \"robot_type\": \"bench\", \"controller\":"
                + " \"pd_joint_pos\", \"control_hz\": 20, \"observation\": [{\"name\": \"observation.state\", \"size\": "
                + STATE + "}, {\"name\": \"observation.environment_state\", \"size\": " + ENVIRONMENT + "}],"
                + " \"goal\": [{\"name\": \"observation.goal.state\", \"size\": " + GOAL + "}], \"action\":"
                + " {\"name\": \"action\", \"size\": " + ACTION + "}, \"tensors\": {\"observation\": \"observation\","
                + " \"goal\": \"goal\", \"action\": \"action\"}, \"normalization\": {"
                + norm("observation.state", STATE) + ", " + norm("observation.environment_state", ENVIRONMENT) + ", "
                + norm("observation.goal.state", GOAL) + ", " + norm("action", ACTION) + "}}";
    }

    private static String norm(String name, int n) {
        double[] mean = new double[n];
        double[] std = new double[n];
        Arrays.fill(mean, 0.1);
        Arrays.fill(std, 0.5);
        return "\"" + name + "\": {\"mean\": " + Arrays.toString(mean) + ", \"std\": " + Arrays.toString(std) + "}";
    }

    private void layer(int i, int in, int out) {
        float[] w = new float[in * out];
        double scale = 1 / Math.sqrt(in);
        for (int j = 0; j < w.length; j++) {
            w[j] = (float) ((2 * random.nextDouble() - 1) * scale);
        }
        initializer("W" + i, w, in, out);
        float[] b = new float[out];
        for (int j = 0; j < b.length; j++) {
            b[j] = (float) ((2 * random.nextDouble() - 1) * scale);
        }
        initializer("b" + i, b, out);
    }

    private void initializer(String name, float[] values, long... dims) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        for (long d : dims) {
            varint(t, 1, d);
        }
        varint(t, 2, 1);
        bytes(t, 8, name);
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        bytes(t, 9, raw.array());
        bytes(graph, 5, t.toByteArray());
    }

    private void node(String op, String[] inputs, String output, String intAttribute, int value) {
        ByteArrayOutputStream n = new ByteArrayOutputStream();
        for (String s : inputs) {
            bytes(n, 1, s);
        }
        bytes(n, 2, output);
        bytes(n, 4, op);
        if (intAttribute != null) {
            ByteArrayOutputStream a = new ByteArrayOutputStream();
            bytes(a, 1, intAttribute);
            varint(a, 3, value);
            varint(a, 20, 2);
            bytes(n, 5, a.toByteArray());
        }
        bytes(graph, 1, n.toByteArray());
    }

    /** A float32 {@code [batch, size]} graph input (field 11) or output (field 12). */
    private void valueInfo(int field, String name, int size) {
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        bytes(batch, 2, "batch");
        ByteArrayOutputStream width = new ByteArrayOutputStream();
        varint(width, 1, size);
        ByteArrayOutputStream shape = new ByteArrayOutputStream();
        bytes(shape, 1, batch.toByteArray());
        bytes(shape, 1, width.toByteArray());
        ByteArrayOutputStream tensor = new ByteArrayOutputStream();
        varint(tensor, 1, 1);
        bytes(tensor, 2, shape.toByteArray());
        ByteArrayOutputStream type = new ByteArrayOutputStream();
        bytes(type, 1, tensor.toByteArray());
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        bytes(info, 1, name);
        bytes(info, 2, type.toByteArray());
        bytes(graph, field, info.toByteArray());
    }

    private static void varint(ByteArrayOutputStream out, int field, long value) {
        raw(out, (long) field << 3);
        raw(out, value);
    }

    private static void bytes(ByteArrayOutputStream out, int field, String s) {
        bytes(out, field, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(ByteArrayOutputStream out, int field, byte[] b) {
        raw(out, ((long) field << 3) | 2);
        raw(out, b.length);
        out.writeBytes(b);
    }

    private static void raw(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
