package dev.mantis.policies.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A reusable float32 tensor {@code [batch, row]} over a direct buffer that ONNX Runtime reads
 * (inputs) or writes (pinned outputs) in place.
 */
final class BatchTensor implements AutoCloseable {

    private final FloatBuffer buffer;
    private final OnnxTensor tensor;
    private final int rowSize;

    BatchTensor(OrtEnvironment env, TensorLayout layout, int batch) throws OrtException {
        this.rowSize = layout.rowSize();
        this.buffer = ByteBuffer.allocateDirect(Float.BYTES * rowSize * batch).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        this.tensor = OnnxTensor.createTensor(env, buffer, layout.shape(batch));
    }

    OnnxTensor tensor() {
        return tensor;
    }

    int rowSize() {
        return rowSize;
    }

    /** Element {@code i} of row {@code row}. */
    float get(int row, int i) {
        return buffer.get(row * rowSize + i);
    }

    /** Sets element {@code i} of row {@code row}. */
    void set(int row, int i, double v) {
        buffer.put(row * rowSize + i, (float) v);
    }

    /** Copies {@code out.length} elements of row {@code row} from column {@code column} into {@code out}. */
    void getRange(int row, int column, float[] out) {
        buffer.get(row * rowSize + column, out, 0, out.length);
    }

    /** Copies row {@code row} into {@code out}. */
    void getRow(int row, float[] out) {
        buffer.get(row * rowSize, out, 0, rowSize);
    }

    /** Sets row {@code row} from {@code values}. */
    void putRow(int row, float[] values) {
        buffer.put(row * rowSize, values, 0, rowSize);
    }

    @Override
    public void close() {
        tensor.close();
    }
}
