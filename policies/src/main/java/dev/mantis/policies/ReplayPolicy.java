package dev.mantis.policies;

import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.Observation;
import java.util.Arrays;

/**
 * Plays recorded actions back in order, one per step, holding the last once they run out;
 * {@link #reset(long)} rewinds. Ignores observations and never corrects anything.
 */
public final class ReplayPolicy implements Policy {

    private final Action[] actions;
    private int next;

    /** Replays {@code actions} (one row per step; copied). */
    public ReplayPolicy(double[][] actions) {
        if (actions.length == 0) {
            throw new IllegalArgumentException("a replay needs at least one action");
        }
        this.actions = new Action[actions.length];
        for (int i = 0; i < actions.length; i++) {
            if (actions[i].length != actions[0].length) {
                throw new IllegalArgumentException("action " + i + " has " + actions[i].length
                        + " elements, action 0 has " + actions[0].length);
            }
            this.actions[i] = new Action(actions[i]);
        }
    }

    /** Replays {@code flat}: row-major, {@code width} elements per step. */
    public ReplayPolicy(double[] flat, int width) {
        this(rows(flat, width));
    }

    private static double[][] rows(double[] flat, int width) {
        if (width <= 0 || flat.length % width != 0) {
            throw new IllegalArgumentException(flat.length + " values are not whole rows of " + width);
        }
        double[][] rows = new double[flat.length / width][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return rows;
    }

    /** Number of recorded steps. */
    public int length() {
        return actions.length;
    }

    @Override
    public void reset(long seed) {
        next = 0;
    }

    @Override
    public Action act(Observation observation, Observation goal) {
        Action a = actions[next];
        if (next < actions.length - 1) {
            next++;
        }
        return a;
    }

    @Override
    public PolicyFaults faults() {
        return PolicyFaults.NONE;
    }
}
