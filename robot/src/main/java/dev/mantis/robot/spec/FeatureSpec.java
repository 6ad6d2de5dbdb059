package dev.mantis.robot.spec;

import java.util.Arrays;
import java.util.List;

/**
 * Describes one feature of an observation or action: its name (e.g. {@code observation.state}),
 * element type, shape, a name per element (for vectors), the unit of its elements and, for
 * vectors, inclusive bounds per element (infinite where unbounded).
 */
public record FeatureSpec(String name, DType dtype, List<Integer> shape, List<String> names, String unit,
        double[] lower, double[] upper) {

    public FeatureSpec {
        shape = List.copyOf(shape);
        names = List.copyOf(names);
        lower = lower.clone();
        upper = upper.clone();
        int size = shape.stream().reduce(1, (a, b) -> a * b);
        if (!names.isEmpty() && names.size() != size) {
            throw new IllegalArgumentException("feature '" + name + "' has " + size + " elements but " + names.size()
                    + " names");
        }
        if (lower.length != upper.length || (lower.length != 0 && lower.length != size)) {
            throw new IllegalArgumentException("feature '" + name + "' bounds must have " + size + " entries");
        }
    }

    /** A float vector feature with named elements, a unit and bounds. */
    public static FeatureSpec vector(String name, List<String> names, String unit, double[] lower, double[] upper) {
        return new FeatureSpec(name, DType.FLOAT32, List.of(names.size()), names, unit, lower, upper);
    }

    /** A float vector feature with named elements and a unit, unbounded. */
    public static FeatureSpec vector(String name, List<String> names, String unit) {
        double[] lo = new double[names.size()];
        double[] hi = new double[names.size()];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        return vector(name, names, unit, lo, hi);
    }

    /** Number of elements. */
    public int size() {
        int n = 1;
        for (int d : shape) { // a loop, not a stream: observations and recorders ask every step
            n *= d;
        }
        return n;
    }

    /** Lower bound of element {@code i}. */
    public double lower(int i) {
        return lower[i];
    }

    /** Upper bound of element {@code i}. */
    public double upper(int i) {
        return upper[i];
    }

    /**
     * The float32 value nearest {@code x} that lies within element {@code i}'s bounds (datasets
     * store float32, so a value that must replay exactly is one).
     */
    public double nearestFloat32(int i, double x) {
        float f = (float) Math.max(lower[i], Math.min(upper[i], x));
        if (f > upper[i]) {
            f = Math.nextDown(f);
        } else if (f < lower[i]) {
            f = Math.nextUp(f);
        }
        return f;
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureSpec f && name.equals(f.name) && dtype == f.dtype && shape.equals(f.shape)
                && names.equals(f.names) && unit.equals(f.unit) && Arrays.equals(lower, f.lower)
                && Arrays.equals(upper, f.upper);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + shape.hashCode();
    }

    @Override
    public String toString() {
        return name + " " + dtype.lerobotName() + shape + " [" + unit + "]";
    }
}
