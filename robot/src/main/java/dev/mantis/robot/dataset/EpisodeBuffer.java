package dev.mantis.robot.dataset;

import java.util.Arrays;
import java.util.List;

/**
 * The frames of one episode being recorded, feature by feature, before they are written. Values
 * are stored as the feature's dtype stores them (float32 features are rounded to float), so what
 * is written and what its statistics describe are the same numbers. Reusable: {@link #clear()}
 * starts the next episode without allocating once the buffer has grown.
 */
public final class EpisodeBuffer {

    private final List<DatasetFeature> features;
    private final int[] dims;
    private final double[][] values;
    private final boolean[] filled;
    private int length;

    /** A buffer for the given numeric features (a spec's {@link DatasetSpec#frameFeatures()}). */
    public EpisodeBuffer(List<DatasetFeature> features) {
        this.features = List.copyOf(features);
        this.dims = new int[features.size()];
        this.values = new double[features.size()][];
        this.filled = new boolean[features.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = features.get(i).size();
            values[i] = new double[dims[i] * 256];
        }
    }

    /** The features, in column order. */
    public List<DatasetFeature> features() {
        return features;
    }

    /** Position of the named feature. */
    public int indexOf(String name) {
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("the dataset records no feature '" + name + "'");
    }

    /** Sets feature {@code feature} of the current frame from {@code v[offset ..]}. */
    public void put(int feature, double[] v, int offset) {
        int dim = dims[feature];
        if (offset + dim > v.length) {
            throw new IllegalArgumentException("feature '" + features.get(feature).name() + "' needs " + dim
                    + " values, got " + (v.length - offset));
        }
        ensureCapacity(feature);
        String dtype = features.get(feature).dtype();
        double[] out = values[feature];
        int base = length * dim;
        for (int j = 0; j < dim; j++) {
            out[base + j] = stored(dtype, v[offset + j], feature);
        }
        filled[feature] = true;
    }

    /** Sets feature {@code feature} of the current frame to {@code v} (all of it). */
    public void put(int feature, double[] v) {
        if (v.length != dims[feature]) {
            throw new IllegalArgumentException("feature '" + features.get(feature).name() + "' needs " + dims[feature]
                    + " values, got " + v.length);
        }
        put(feature, v, 0);
    }

    /** Sets a one-element feature of the current frame. */
    public void put(int feature, double v) {
        if (dims[feature] != 1) {
            throw new IllegalArgumentException("feature '" + features.get(feature).name() + "' has " + dims[feature]
                    + " elements, not one");
        }
        ensureCapacity(feature);
        values[feature][length] = stored(features.get(feature).dtype(), v, feature);
        filled[feature] = true;
    }

    /** Sets a one-element boolean feature of the current frame. */
    public void put(int feature, boolean v) {
        put(feature, v ? 1 : 0);
    }

    /**
     * Ends the current frame.
     *
     * @throws IllegalStateException if a feature was not set in it
     */
    public void endFrame() {
        for (int i = 0; i < filled.length; i++) {
            if (!filled[i]) {
                throw new IllegalStateException("frame " + length + " has no value for '" + features.get(i).name()
                        + "'");
            }
        }
        Arrays.fill(filled, false);
        length++;
    }

    /** Number of finished frames. */
    public int length() {
        return length;
    }

    /**
     * The stored values of a feature, row-major (frame r, element j at r * size + j), valid for
     * the first {@code length() * size} entries; a view, not a copy.
     */
    public double[] values(int feature) {
        return values[feature];
    }

    /** Replaces this buffer's frames by a copy of {@code other}'s (same features). */
    public void copyFrom(EpisodeBuffer other) {
        if (!other.features.equals(features)) {
            throw new IllegalArgumentException("buffers of different features");
        }
        for (int i = 0; i < values.length; i++) {
            int n = other.length * dims[i];
            if (values[i].length < n) {
                values[i] = new double[n];
            }
            System.arraycopy(other.values[i], 0, values[i], 0, n);
        }
        length = other.length;
        Arrays.fill(filled, false);
    }

    /** Forgets every frame, for the next episode. */
    public void clear() {
        length = 0;
        Arrays.fill(filled, false);
    }

    private void ensureCapacity(int feature) {
        int needed = (length + 1) * dims[feature];
        if (needed > values[feature].length) {
            values[feature] = Arrays.copyOf(values[feature], Math.max(needed, values[feature].length * 2));
        }
    }

    private double stored(String dtype, double v, int feature) {
        switch (dtype) {
            case "float32":
                return (float) v;
            case "int64":
                if (v != Math.rint(v) || Math.abs(v) > 0x1p53) {
                    throw new IllegalArgumentException("feature '" + features.get(feature).name()
                            + "' holds integers, got " + v);
                }
                return v;
            case "bool":
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException("feature '" + features.get(feature).name()
                            + "' holds booleans (0 or 1), got " + v);
                }
                return v;
            default:
                return v;
        }
    }
}
