package dev.mantis.policies.onnx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small ONNX models (protobuf by hand, opset 17) for tests: inputs, outputs, float
 * initializers, nodes with int/float/ints attributes, metadata properties. A dimension of -1 is
 * the symbolic {@code batch}.
 */
final class OnnxModelBuilder {

    static final int FLOAT = 1;
    static final int INT64 = 7;
    static final int DOUBLE = 11;

    private final ByteArrayOutputStream graph = new ByteArrayOutputStream();
    private final List<byte[]> metadata = new ArrayList<>();

    OnnxModelBuilder typedInput(String name, int elemType, long... dims) {
        field(graph, 11, valueInfo(name, elemType, dims));
        return this;
    }

    OnnxModelBuilder input(String name, long... dims) {
        return typedInput(name, FLOAT, dims);
    }

    OnnxModelBuilder typedOutput(String name, int elemType, long... dims) {
        field(graph, 12, valueInfo(name, elemType, dims));
        return this;
    }

    OnnxModelBuilder output(String name, long... dims) {
        return typedOutput(name, FLOAT, dims);
    }

    /** A float32 constant with the given dims. */
    OnnxModelBuilder initializer(String name, float[] values, long... dims) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        for (long d : dims) {
            varintField(t, 1, d);
        }
        varintField(t, 2, FLOAT);
        field(t, 8, name.getBytes(StandardCharsets.UTF_8));
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        field(t, 9, raw.array());
        field(graph, 5, t.toByteArray());
        return this;
    }

    /** An int64 constant (for Reshape shapes). */
    OnnxModelBuilder initializer(String name, long[] values, long... dims) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        for (long d : dims) {
            varintField(t, 1, d);
        }
        varintField(t, 2, INT64);
        field(t, 8, name.getBytes(StandardCharsets.UTF_8));
        ByteBuffer raw = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        field(t, 9, raw.array());
        field(graph, 5, t.toByteArray());
        return this;
    }

    /** A node; attributes as name/value pairs (Integer, Float or long[]). */
    OnnxModelBuilder node(String op, List<String> inputs, List<String> outputs, Object... attributes) {
        ByteArrayOutputStream n = new ByteArrayOutputStream();
        for (String in : inputs) {
            field(n, 1, in.getBytes(StandardCharsets.UTF_8));
        }
        for (String out : outputs) {
            field(n, 2, out.getBytes(StandardCharsets.UTF_8));
        }
        field(n, 4, op.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < attributes.length; i += 2) {
            ByteArrayOutputStream a = new ByteArrayOutputStream();
            field(a, 1, ((String) attributes[i]).getBytes(StandardCharsets.UTF_8));
            Object v = attributes[i + 1];
            if (v instanceof Integer iv) {
                varintField(a, 3, iv);
                varintField(a, 20, 2);
            } else if (v instanceof Float fv) {
                tag(a, 2, 5);
                int bits = Float.floatToIntBits(fv);
                for (int b = 0; b < 4; b++) {
                    a.write((bits >>> (8 * b)) & 0xff);
                }
                varintField(a, 20, 1);
            } else {
                for (long l : (long[]) v) {
                    varintField(a, 8, l);
                }
                varintField(a, 20, 7);
            }
            field(n, 5, a.toByteArray());
        }
        field(graph, 1, n.toByteArray());
        return this;
    }

    OnnxModelBuilder metadata(String key, String value) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        field(m, 1, key.getBytes(StandardCharsets.UTF_8));
        field(m, 2, value.getBytes(StandardCharsets.UTF_8));
        metadata.add(m.toByteArray());
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        varintField(model, 1, 8);
        field(model, 2, "mantis-test".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream g = new ByteArrayOutputStream();
        g.writeBytes(graph.toByteArray());
        field(g, 2, "test".getBytes(StandardCharsets.UTF_8));
        field(model, 7, g.toByteArray());
        ByteArrayOutputStream opset = new ByteArrayOutputStream();
        field(opset, 1, new byte[0]);
        varintField(opset, 2, 17);
        field(model, 8, opset.toByteArray());
        for (byte[] m : metadata) {
            field(model, 14, m);
        }
        return model.toByteArray();
    }

    Path write(Path file) throws IOException {
        Files.write(file, build());
        return file;
    }

    private static byte[] valueInfo(String name, int elemType, long[] dims) {
        ByteArrayOutputStream shape = new ByteArrayOutputStream();
        for (long d : dims) {
            ByteArrayOutputStream dim = new ByteArrayOutputStream();
            if (d < 0) {
                field(dim, 2, "batch".getBytes(StandardCharsets.UTF_8));
            } else {
                varintField(dim, 1, d);
            }
            field(shape, 1, dim.toByteArray());
        }
        ByteArrayOutputStream tensor = new ByteArrayOutputStream();
        varintField(tensor, 1, elemType);
        field(tensor, 2, shape.toByteArray());
        ByteArrayOutputStream type = new ByteArrayOutputStream();
        field(type, 1, tensor.toByteArray());
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        field(info, 1, name.getBytes(StandardCharsets.UTF_8));
        field(info, 2, type.toByteArray());
        return info.toByteArray();
    }

    private static void tag(ByteArrayOutputStream out, int number, int wireType) {
        varint(out, ((long) number << 3) | wireType);
    }

    private static void varintField(ByteArrayOutputStream out, int number, long value) {
        tag(out, number, 0);
        varint(out, value);
    }

    private static void field(ByteArrayOutputStream out, int number, byte[] bytes) {
        tag(out, number, 2);
        varint(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
