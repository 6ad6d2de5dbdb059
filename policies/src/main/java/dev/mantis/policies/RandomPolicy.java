package dev.mantis.policies;

import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.ActionSpec;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.robot.spec.Observation;
import java.util.SplittableRandom;

/**
 * Uniformly random actions within the action spec's bounds, seeded by {@link #reset(long)} (seed 0
 * before the first reset). An element bounded on both sides is drawn from [lower, upper]; one
 * bounded on one side from the 2-wide interval at that bound; an unbounded one from [-1, 1].
 */
public final class RandomPolicy implements Policy {

    private final double[] low;
    private final double[] width;
    private final double[] values;
    private SplittableRandom random = new SplittableRandom(0);

    /** Random actions for {@code spec}. */
    public RandomPolicy(ActionSpec spec) {
        FeatureSpec action = spec.action();
        int n = action.size();
        boolean bounded = action.lower().length == n;
        low = new double[n];
        width = new double[n];
        values = new double[n];
        for (int i = 0; i < n; i++) {
            double lo = bounded ? action.lower(i) : Double.NEGATIVE_INFINITY;
            double hi = bounded ? action.upper(i) : Double.POSITIVE_INFINITY;
            double a = Double.isFinite(lo) ? lo : Double.isFinite(hi) ? hi - 2 : -1;
            double b = Double.isFinite(hi) ? hi : a + 2;
            low[i] = a;
            width[i] = b - a;
        }
    }

    @Override
    public void reset(long seed) {
        random = new SplittableRandom(seed);
    }

    @Override
    public Action act(Observation observation, Observation goal) {
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.min(low[i] + width[i] * random.nextDouble(), low[i] + width[i]);
        }
        return new Action(values);
    }

    @Override
    public PolicyFaults faults() {
        return PolicyFaults.NONE;
    }
}
