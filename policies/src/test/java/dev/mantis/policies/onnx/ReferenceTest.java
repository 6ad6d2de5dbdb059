package dev.mantis.policies.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mantis.policies.PolicyException;
import dev.mantis.policies.PolicyFaults;
import dev.mantis.robot.spec.Observation;
import java.io.IOException;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Each family's example model (policies/train/export_examples.py) reproduces the actions in its
 * NAME.reference.json within the tolerance the file states (1e-5).
 */
class ReferenceTest {

    private static Observation observation(JsonNode c) {
        return ExampleModels.observation(ExampleModels.OBSERVATION, c.get("observation"));
    }

    private static Observation goal(JsonNode c) {
        return ExampleModels.observation(ExampleModels.GOAL, c.get("goal"));
    }

    @Test
    void feedforward() throws IOException {
        JsonNode ref = ExampleModels.reference("feedforward");
        try (OnnxPolicy p = ExampleModels.load("feedforward")) {
            for (JsonNode c : ref.get("cases")) {
                p.reset(0);
                assertArrayEquals(ExampleModels.doubles(c.get("action")), p.act(observation(c), goal(c)).toArray(),
                        ref.get("tolerance").asDouble(), c.get("name").asText());
            }
            assertEquals(PolicyFaults.NONE, p.faults());
        }
    }

    @Test
    void latentGoal() throws IOException {
        JsonNode ref = ExampleModels.reference("latent_goal");
        try (OnnxPolicy p = ExampleModels.load("latent_goal")) {
            for (JsonNode c : ref.get("cases")) {
                Observation solved = ExampleModels.observation(ExampleModels.OBSERVATION, c.get("goal"));
                assertArrayEquals(ExampleModels.doubles(c.get("action")), p.act(observation(c), solved).toArray(),
                        ref.get("tolerance").asDouble(), c.get("name").asText());
            }
        }
    }

    @Test
    void recurrent() throws IOException {
        JsonNode ref = ExampleModels.reference("recurrent");
        try (OnnxPolicy p = ExampleModels.load("recurrent")) {
            for (JsonNode c : ref.get("cases")) {
                p.act(observation(c.get("steps").get(0)), goal(c.get("steps").get(0)));
                p.reset(0);
                for (JsonNode s : c.get("steps")) {
                    assertArrayEquals(ExampleModels.doubles(s.get("action")), p.act(observation(s), goal(s)).toArray(),
                            ref.get("tolerance").asDouble(), c.get("name").asText() + " step " + s.get("step"));
                }
            }
        }
    }

    @Test
    void chunkedExecutesEightOfSixteenThenCallsAgain() throws IOException {
        JsonNode ref = ExampleModels.reference("chunked");
        double tolerance = ref.get("tolerance").asDouble();
        try (OnnxPolicy p = ExampleModels.load("chunked")) {
            for (JsonNode c : ref.get("cases")) {
                p.reset(0);
                JsonNode actions = c.get("actions");
                for (int step = 0; step < 8; step++) {
                    assertArrayEquals(ExampleModels.doubles(actions.get(step)), p.act(observation(c), goal(c)).toArray(),
                            tolerance, c.get("name").asText() + " step " + step);
                }
                assertArrayEquals(ExampleModels.doubles(actions.get(0)), p.act(observation(c), goal(c)).toArray(),
                        tolerance, "a new chunk at step 8");
            }
        }
    }

    @Test
    void diffusionDdim() throws IOException {
        diffusion("diffusion", 1);
    }

    @Test
    void diffusionDdpmWithHorizonFour() throws IOException {
        diffusion("diffusion_ddpm", 4);
    }

    private static void diffusion(String name, int horizon) throws IOException {
        JsonNode ref = ExampleModels.reference(name);
        try (OnnxPolicy p = ExampleModels.load(name)) {
            for (JsonNode c : ref.get("cases")) {
                p.reset(0);
                p.noise(0, new RecordedNoise(c));
                JsonNode actions = c.get("action");
                for (int a = 0; a < horizon; a++) {
                    assertArrayEquals(ExampleModels.doubles(actions.get(a)), p.act(observation(c), goal(c)).toArray(),
                            ref.get("tolerance").asDouble(), c.get("name").asText() + " action " + a);
                }
            }
        }
    }

    @Test
    void nanOutputGivesTheSafeActionAndCountsIt() throws IOException {
        JsonNode c = ExampleModels.reference("feedforward").get("cases").get(0);
        try (OnnxPolicy p = ExampleModels.load("nan_output")) {
            assertArrayEquals(new double[7], p.act(observation(c), goal(c)).toArray());
            assertArrayEquals(new double[7], p.act(observation(c), goal(c)).toArray());
            assertEquals(new PolicyFaults(2, 0), p.faults());
        }
    }

    @Test
    void corruptModelIsReportedInOneLine() {
        PolicyException e = assertThrows(PolicyException.class, () -> ExampleModels.load("corrupt"));
        assertEquals(ExampleModels.path("corrupt.onnx") + ": not a valid ONNX model (Protobuf parsing failed.);"
                + " re-export it with policies/train", e.getMessage());
    }

    /** The initial sample, then each step's DDPM noise, from a reference case. */
    private static final class RecordedNoise implements RandomGenerator {
        private final double[] values;
        private int next;

        RecordedNoise(JsonNode c) {
            double[] all = ExampleModels.doubles(c.get("noise"));
            for (JsonNode s : c.get("steps")) {
                double[] z = ExampleModels.doubles(s.get("noise"));
                if (z != null) {
                    double[] more = Arrays.copyOf(all, all.length + z.length);
                    System.arraycopy(z, 0, more, all.length, z.length);
                    all = more;
                }
            }
            values = all;
        }

        @Override
        public double nextGaussian() {
            if (next >= values.length) {
                throw new IllegalStateException("the host drew more than the " + values.length + " recorded values");
            }
            return values[next++];
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }
    }
}
