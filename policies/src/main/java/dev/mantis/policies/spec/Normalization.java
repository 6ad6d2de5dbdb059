package dev.mantis.policies.spec;

/**
 * Per-element normalisation of one feature: inputs are fed as {@code (x - mean) / std}, outputs
 * mapped back as {@code y * std + mean}; a {@code std} of 0 counts as 1.
 */
public final class Normalization {

    private final double[] mean;
    private final double[] std;

    /** A normalisation; arrays of the feature's size, copied. */
    public Normalization(double[] mean, double[] std) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " elements, std " + std.length);
        }
        this.mean = mean.clone();
        this.std = std.clone();
        for (int i = 0; i < this.std.length; i++) {
            if (this.std[i] == 0) {
                this.std[i] = 1;
            }
        }
    }

    /** The identity for {@code size} elements. */
    public static Normalization identity(int size) {
        double[] ones = new double[size];
        java.util.Arrays.fill(ones, 1);
        return new Normalization(new double[size], ones);
    }

    /** Number of elements. */
    public int size() {
        return mean.length;
    }

    /** Mean of element {@code i}. */
    public double mean(int i) {
        return mean[i];
    }

    /** Standard deviation of element {@code i} (0 replaced by 1). */
    public double std(int i) {
        return std[i];
    }

    /** Element {@code i} of an input, normalised. */
    public double normalize(int i, double x) {
        return (x - mean[i]) / std[i];
    }

    /** Element {@code i} of an output, in the feature's units. */
    public double denormalize(int i, double y) {
        return y * std[i] + mean[i];
    }
}
