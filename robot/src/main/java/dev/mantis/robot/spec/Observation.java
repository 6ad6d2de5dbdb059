package dev.mantis.robot.spec;

import java.util.Arrays;

/**
 * One observation: a value array per feature of its {@link ObservationSpec}, taken at
 * {@code timestamp} seconds. Immutable: the arrays are copied in and never handed out.
 */
public final class Observation {

    private final ObservationSpec spec;
    private final double timestamp;
    private final double[][] values;

    /** An observation; {@code values[i]} belongs to feature i and is copied. */
    public Observation(ObservationSpec spec, double timestamp, double[][] values) {
        if (values.length != spec.features().size()) {
            throw new IllegalArgumentException("expected " + spec.features().size() + " feature values, got "
                    + values.length);
        }
        this.spec = spec;
        this.timestamp = timestamp;
        this.values = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            FeatureSpec f = spec.features().get(i);
            if (values[i].length != f.size()) {
                throw new IllegalArgumentException("feature '" + f.name() + "' needs " + f.size() + " values, got "
                        + values[i].length);
            }
            this.values[i] = values[i].clone();
        }
    }

    /** The spec this observation follows. */
    public ObservationSpec spec() {
        return spec;
    }

    /** Time of the observation, seconds since the robot connected or the episode started. */
    public double timestamp() {
        return timestamp;
    }

    /** A copy of the named feature's values. */
    public double[] get(String feature) {
        return values[spec.indexOf(feature)].clone();
    }

    /** Element {@code i} of feature number {@code feature}. */
    public double value(int feature, int i) {
        return values[feature][i];
    }

    /** Copies feature number {@code feature} into {@code out} at {@code offset}. */
    public void copy(int feature, double[] out, int offset) {
        System.arraycopy(values[feature], 0, out, offset, values[feature].length);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Observation{t=").append(timestamp);
        for (int i = 0; i < values.length; i++) {
            b.append(", ").append(spec.features().get(i).name()).append('=').append(Arrays.toString(values[i]));
        }
        return b.append('}').toString();
    }
}
