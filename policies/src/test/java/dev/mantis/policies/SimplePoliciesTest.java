package dev.mantis.policies;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.spec.ActionSpec;
import dev.mantis.robot.spec.FeatureSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RandomPolicy, ReplayPolicy and the ActionGuard every ONNX policy uses. */
class SimplePoliciesTest {

    /** Element 0 in [0.1, 0.3], 1 in [-inf, -5], 2 in [2, inf], 3 unbounded. */
    private static final ActionSpec SPEC = new ActionSpec("pd_joint_pos", FeatureSpec.vector("action",
            List.of("a", "b", "c", "d"), "rad",
            new double[] {0.1, Double.NEGATIVE_INFINITY, 2, Double.NEGATIVE_INFINITY},
            new double[] {0.3, -5, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}));

    @Test
    void randomActionsStayInBoundsAndRepeatBySeed() {
        RandomPolicy p = new RandomPolicy(SPEC);
        p.reset(11);
        double[][] first = new double[1000][];
        double min3 = 1;
        double max3 = -1;
        for (int i = 0; i < first.length; i++) {
            first[i] = p.act(null, null).toArray();
            assertTrue(first[i][0] >= 0.1 && first[i][0] <= 0.3, "bounded: " + first[i][0]);
            assertTrue(first[i][1] >= -7 && first[i][1] <= -5, "upper bound only: " + first[i][1]);
            assertTrue(first[i][2] >= 2 && first[i][2] <= 4, "lower bound only: " + first[i][2]);
            assertTrue(first[i][3] >= -1 && first[i][3] <= 1, "unbounded: " + first[i][3]);
            min3 = Math.min(min3, first[i][3]);
            max3 = Math.max(max3, first[i][3]);
        }
        assertTrue(min3 < -0.95 && max3 > 0.95, "covers [-1, 1]");
        p.reset(11);
        for (double[] a : first) {
            assertArrayEquals(a, p.act(null, null).toArray());
        }
        p.reset(12);
        assertFalse(first[0][0] == p.act(null, null).toArray()[0]);
        assertEquals(PolicyFaults.NONE, p.faults());
    }

    @Test
    void replayReturnsRecordedActionsThenHoldsTheLast() {
        ReplayPolicy p = new ReplayPolicy(new double[] {1, 2, 3, 4, 5, 6}, 2);
        assertEquals(3, p.length());
        assertArrayEquals(new double[] {1, 2}, p.act(null, null).toArray());
        assertArrayEquals(new double[] {3, 4}, p.act(null, null).toArray());
        assertArrayEquals(new double[] {5, 6}, p.act(null, null).toArray());
        assertArrayEquals(new double[] {5, 6}, p.act(null, null).toArray());
        p.reset(0);
        assertArrayEquals(new double[] {1, 2}, p.act(null, null).toArray());
        ReplayPolicy rows = new ReplayPolicy(new double[][] {{7}, {8}});
        assertArrayEquals(new double[] {7}, rows.act(null, null).toArray());
        assertSame(rows.act(null, null), rows.act(null, null), "no allocation per step");
        assertThrows(IllegalArgumentException.class, () -> new ReplayPolicy(new double[] {1, 2, 3}, 2));
        assertThrows(IllegalArgumentException.class, () -> new ReplayPolicy(new double[0][]));
    }

    @Test
    void guardClampsAndReplacesNonFiniteActions() {
        ActionGuard g = new ActionGuard(SPEC.action());
        double[] a = {Double.NaN, 0, 0, 0};
        g.apply(a);
        assertArrayEquals(new double[] {0.1, -5, 2, 0}, a, "zeros clamped into the bounds");
        a = new double[] {0.2, -6, 3, 100};
        g.apply(a);
        assertArrayEquals(new double[] {0.2, -6, 3, 100}, a);
        a = new double[] {1, 0, 0, Double.POSITIVE_INFINITY};
        g.apply(a);
        assertArrayEquals(new double[] {0.2, -6, 3, 100}, a, "the last safe action");
        a = new double[] {1, 0, 0, -1e9};
        g.apply(a);
        assertArrayEquals(new double[] {0.3, -5, 2, -1e9}, a);
        assertEquals(new PolicyFaults(2, 3), g.faults());
        g.reset();
        assertEquals(PolicyFaults.NONE, g.faults());
    }
}
