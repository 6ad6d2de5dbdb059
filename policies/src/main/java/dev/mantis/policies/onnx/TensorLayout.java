package dev.mantis.policies.onnx;

import java.util.Arrays;

/** A graph tensor as the host feeds or reads it: float32 {@code [batch, dims...]}. */
record TensorLayout(String name, int... dims) {

    TensorLayout {
        dims = dims.clone();
    }

    /** Elements per batch row. */
    int rowSize() {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** The ONNX shape for {@code batch} rows. */
    long[] shape(int batch) {
        long[] shape = new long[dims.length + 1];
        shape[0] = batch;
        for (int i = 0; i < dims.length; i++) {
            shape[i + 1] = dims[i];
        }
        return shape;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(dims);
    }
}
