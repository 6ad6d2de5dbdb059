package dev.mantis.policies;

import dev.mantis.robot.spec.FeatureSpec;
import java.util.Arrays;

/**
 * Makes a policy's raw output safe to send, one environment at a time: an action with a NaN or
 * infinite element is replaced by the last safe action (before the first, zeros clamped into the
 * bounds), and elements outside the action feature's bounds are clamped. Counts both.
 */
public final class ActionGuard {

    private final double[] lower;
    private final double[] upper;
    private final double[] lastSafe;
    private int nonFinite;
    private int clamped;

    /** A guard for actions of {@code action}'s size and bounds (no bounds: unbounded). */
    public ActionGuard(FeatureSpec action) {
        int n = action.size();
        lower = new double[n];
        upper = new double[n];
        boolean bounded = action.lower().length == n;
        for (int i = 0; i < n; i++) {
            lower[i] = bounded ? action.lower(i) : Double.NEGATIVE_INFINITY;
            upper[i] = bounded ? action.upper(i) : Double.POSITIVE_INFINITY;
        }
        lastSafe = new double[n];
        reset();
    }

    /** Forgets the last action and the counts (episode start). */
    public void reset() {
        for (int i = 0; i < lastSafe.length; i++) {
            lastSafe[i] = Math.min(Math.max(0.0, lower[i]), upper[i]);
        }
        nonFinite = 0;
        clamped = 0;
    }

    /** Makes {@code action} (at least the spec's size; the first elements are used) safe in place. */
    public void apply(double[] action) {
        int n = lastSafe.length;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(action[i])) {
                nonFinite++;
                System.arraycopy(lastSafe, 0, action, 0, n);
                return;
            }
        }
        for (int i = 0; i < n; i++) {
            double v = action[i];
            if (v < lower[i]) {
                action[i] = lower[i];
                clamped++;
            } else if (v > upper[i]) {
                action[i] = upper[i];
                clamped++;
            }
        }
        System.arraycopy(action, 0, lastSafe, 0, n);
    }

    /** Faults since the last reset. */
    public PolicyFaults faults() {
        return nonFinite == 0 && clamped == 0 ? PolicyFaults.NONE : new PolicyFaults(nonFinite, clamped);
    }

    @Override
    public String toString() {
        return "ActionGuard{last=" + Arrays.toString(lastSafe) + ", " + faults() + "}";
    }
}
