package dev.mantis.policies.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mantis.policies.PolicyFaults;
import dev.mantis.policies.PolicyOptions;
import dev.mantis.robot.spec.Observation;
import dev.mantis.robot.spec.ObservationSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each family's host logic on hand-built models whose outputs are computed by hand. */
class FamilyTest {

    private static final double EPS = 1e-6;

    @TempDir
    Path dir;

    private OnnxPolicy load(OnnxModelBuilder model, ObservationSpec goal) throws IOException {
        return OnnxPolicy.load(model.write(dir.resolve("m.onnx")), TestRobot.TYPE, TestRobot.OBSERVATION, goal,
                TestRobot.ACTION, PolicyOptions.defaults());
    }

    @Test
    void feedforwardNormalisesInputsAndOutputs() throws IOException {
        ObjectNode spec = TestModels.spec("feedforward");
        ObjectNode n = spec.putObject("normalization");
        n.putObject("observation.state").<ObjectNode>set("mean", TestModels.JSON.valueToTree(new double[] {1, 0}))
                .set("std", TestModels.JSON.valueToTree(new double[] {2, 0}));
        n.putObject("observation.goal.state").<ObjectNode>set("mean", TestModels.JSON.valueToTree(new double[] {0, 1}))
                .set("std", TestModels.JSON.valueToTree(new double[] {1, 4}));
        n.putObject("action").<ObjectNode>set("mean", TestModels.JSON.valueToTree(new double[] {0.5, -0.5}))
                .set("std", TestModels.JSON.valueToTree(new double[] {2, 1}));
        try (OnnxPolicy p = load(TestModels.feedforward(spec), TestRobot.GOAL)) {
            assertEquals("CPU", p.provider());
            // x = [(1-1)/2, 0.5/1 (std 0 -> 1), 0.25, 0.5, (1-1)/4]; y = xW + B = [1.75, 0.5]; y * std + mean
            assertArrayEquals(new double[] {4.0, 0.0},
                    p.act(TestRobot.observation(1, 0.5, 0.25), TestRobot.goal(0.5, 1)).toArray(), EPS);
            assertEquals(PolicyFaults.NONE, p.faults());
            // y = [8.5, 8.5] -> [17.5, 8.0]: the first element is clamped to 10
            assertArrayEquals(new double[] {10, 8}, p.act(TestRobot.observation(3, 4, 5), TestRobot.goal(1, 2))
                    .toArray(), EPS);
            assertEquals(new PolicyFaults(0, 1), p.faults());
            p.reset(1);
            assertEquals(PolicyFaults.NONE, p.faults());
        }
    }

    @Test
    void nonFiniteOutputsAreReplacedByTheLastSafeAction() throws IOException {
        try (OnnxPolicy p = load(TestModels.logOfState(), null)) {
            // log(-1) = NaN before any safe action: zeros clamped into the bounds
            assertArrayEquals(new double[] {0, 0}, p.act(TestRobot.observation(-1, 1, 0), null).toArray());
            assertArrayEquals(new double[] {0, Math.log(2)}, p.act(TestRobot.observation(1, 2, 0), null).toArray(),
                    EPS);
            assertArrayEquals(new double[] {0, Math.log(2)}, p.act(TestRobot.observation(0, 2, 0), null).toArray(),
                    EPS);
            assertArrayEquals(new double[] {10, 0}, p.act(TestRobot.observation(1e6, 1, 0), null).toArray(), EPS);
            assertEquals(new PolicyFaults(2, 1), p.faults());
        }
    }

    @Test
    void recurrentStateIsFedBackAndZeroedAtReset() throws IOException {
        try (OnnxPolicy p = load(TestModels.recurrent(), null)) {
            Observation o = TestRobot.observation(1, 2, 9);
            assertArrayEquals(new double[] {1, 2}, p.act(o, null).toArray(), EPS);
            assertArrayEquals(new double[] {2, 4}, p.act(o, null).toArray(), EPS);
            assertArrayEquals(new double[] {3, 6}, p.act(o, null).toArray(), EPS);
            p.reset(0);
            assertArrayEquals(new double[] {1, 2}, p.act(o, null).toArray(), EPS);
        }
    }

    @Test
    void chunkedExecutesPartOfEachChunk() throws IOException {
        try (OnnxPolicy p = load(TestModels.chunked(2, "none", 0.01), null)) {
            assertArrayEquals(new double[] {0, 0}, p.act(TestRobot.observation(0, 0, 0), null).toArray(), EPS);
            assertArrayEquals(new double[] {1, 1}, p.act(TestRobot.observation(5, 5, 0), null).toArray(), EPS);
            assertArrayEquals(new double[] {5, 5}, p.act(TestRobot.observation(5, 5, 0), null).toArray(), EPS);
            assertArrayEquals(new double[] {6, 6}, p.act(TestRobot.observation(0, 0, 0), null).toArray(), EPS);
            p.reset(0);
            assertArrayEquals(new double[] {0, 0}, p.act(TestRobot.observation(0, 0, 0), null).toArray(), EPS);
        }
    }

    @Test
    void chunkedExponentialEnsembleWeighsTheOldestChunkMost() throws IOException {
        double k = 0.5;
        double[] states = {0, 2, -1, 3, 1, 0.5};
        try (OnnxPolicy p = load(TestModels.chunked(4, "exponential", k), null)) {
            for (int t = 0; t < states.length; t++) {
                // chunk made at step m predicts state_m + (t - m) for step t; weight exp(-k i), i = 0 oldest
                double sum = 0;
                double total = 0;
                int oldest = Math.max(0, t - 3);
                for (int m = oldest; m <= t; m++) {
                    double w = Math.exp(-k * (m - oldest));
                    sum += w * (states[m] + t - m);
                    total += w;
                }
                double expected = sum / total;
                assertArrayEquals(new double[] {expected, expected},
                        p.act(TestRobot.observation(states[t], states[t], 0), null).toArray(), EPS, "step " + t);
            }
        }
    }

    @Test
    void latentGoalFeedsTheUnitLatentDifference() throws IOException {
        try (OnnxPolicy p = load(TestModels.latentGoal(), TestRobot.OBSERVATION)) {
            // phi(x) = (x0 + x2, 2 x1 + x2): phi(o) = (1, 4), phi(g) = (4, 12), d = (3, 8)
            double norm = Math.sqrt(73);
            assertArrayEquals(new double[] {1 + 3 / norm, 2 + 8 / norm},
                    p.act(TestRobot.observation(1, 2, 0), TestRobot.observation(4, 6, 0)).toArray(), EPS);
            // goal reached: d = 0, z = 0
            assertArrayEquals(new double[] {1, 2},
                    p.act(TestRobot.observation(1, 2, 0), TestRobot.observation(1, 2, 0)).toArray(), EPS);
        }
    }

    /** eps = 0: both samplers scale the initial noise by 1/sqrt(alpha_cumprod[90]) (clip 0) or clip it. */
    @Test
    void diffusionWithZeroNoisePredictionRescalesTheSeededNoise() throws IOException {
        double alphaCumprod90 = alphaBar(0.91) / alphaBar(0);
        for (String schedule : new String[] {"ddim", "ddpm"}) {
            for (double clip : new double[] {0, 1}) {
                if (schedule.equals("ddpm") && clip > 0) {
                    continue;
                }
                OnnxModelBuilder model = TestModels.diffusion(schedule, 0, 0, 0, clip);
                try (OnnxPolicy p = load(model, null)) {
                    p.reset(42);
                    SplittableRandom seeded = new SplittableRandom(42);
                    double[] noise = new double[4];
                    for (int i = 0; i < 4; i++) {
                        noise[i] = seeded.nextGaussian();
                    }
                    if (schedule.equals("ddpm")) {
                        p.noise(0, new Recorded(noise));
                    }
                    double[] expected = new double[4];
                    for (int i = 0; i < 4; i++) {
                        double x = noise[i] / Math.sqrt(alphaCumprod90);
                        expected[i] = clip > 0 ? Math.max(-clip, Math.min(clip, x)) : x;
                    }
                    Observation o = TestRobot.observation(0, 0, 0);
                    assertArrayEquals(new double[] {expected[0], expected[1]}, p.act(o, null).toArray(), 1e-5,
                            schedule + " clip " + clip);
                    assertArrayEquals(new double[] {expected[2], expected[3]}, p.act(o, null).toArray(), 1e-5);
                }
            }
        }
    }

    @Test
    void ddpmDrawsTheInitialSampleThenNoiseForEveryStepButTheLast() throws IOException {
        try (OnnxPolicy p = load(TestModels.diffusion("ddpm", 0.1f, 0.2f, 0.001f, 1.0), null)) {
            Recorded counter = new Recorded(new double[0]);
            p.noise(0, counter);
            p.act(TestRobot.observation(0.1, 0.2, 0), null);
            assertEquals(4 + 9 * 4, counter.draws);
            p.act(TestRobot.observation(0.1, 0.2, 0), null);
            assertEquals(40, counter.draws, "the second action of the chunk needs no sampling");
        }
    }

    @Test
    void diffusionIsReproducibleBySeed() throws IOException {
        try (OnnxPolicy p = load(TestModels.diffusion("ddpm", 0.1f, 0.2f, 0.001f, 1.0), null)) {
            Observation o = TestRobot.observation(0.1, 0.2, 0);
            p.reset(7);
            double[] first = p.act(o, null).toArray();
            p.reset(7);
            assertArrayEquals(first, p.act(o, null).toArray());
            p.reset(8);
            assertNotEquals(first[0], p.act(o, null).toArray()[0]);
        }
    }

    private static double alphaBar(double t) {
        double c = Math.cos((t + 0.008) / 1.008 * Math.PI / 2);
        return c * c;
    }

    /** Gaussian draws from a list, then zeros; counts the draws. */
    static final class Recorded implements RandomGenerator {
        private final double[] values;
        int draws;

        Recorded(double[] values) {
            this.values = values;
        }

        @Override
        public double nextGaussian() {
            double v = draws < values.length ? values[draws] : 0;
            draws++;
            return v;
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }
    }
}
