package dev.mantis.robot.spec;

import java.util.Arrays;

/** One action vector, interpreted by the controller named in the robot's {@link ActionSpec}. Immutable. */
public final class Action {

    private final double[] values;

    /** An action; the array is copied. */
    public Action(double... values) {
        this.values = values.clone();
    }

    /** Number of elements. */
    public int size() {
        return values.length;
    }

    /** Element {@code i}. */
    public double get(int i) {
        return values[i];
    }

    /** A copy of the elements. */
    public double[] toArray() {
        return values.clone();
    }

    /** Whether every element is finite. */
    public boolean isFinite() {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Action a && Arrays.equals(values, a.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Action" + Arrays.toString(values);
    }
}
