package dev.mantis.policies.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.Observation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code actBatch} over K = 3 environments (both forms, alternately) equals three policies acting
 * alone, step by step, with per-environment state (hidden state, chunks, noise seeds) and one
 * environment reset mid-way.
 */
class BatchTest {

    private static final int K = 3;
    private static final int STEPS = 12;

    private static void batchEqualsSingles(String name) throws IOException {
        List<Observation> observations = new ArrayList<>();
        List<Observation> goals = new ArrayList<>();
        boolean latent = name.startsWith("latent_goal");
        for (JsonNode c : ExampleModels.reference("feedforward").get("cases")) {
            observations.add(ExampleModels.observation(ExampleModels.OBSERVATION, c.get("observation")));
            goals.add(ExampleModels.observation(ExampleModels.GOAL, c.get("goal")));
        }
        try (OnnxPolicy batch = ExampleModels.load(name); OnnxPolicy s0 = ExampleModels.load(name);
                OnnxPolicy s1 = ExampleModels.load(name); OnnxPolicy s2 = ExampleModels.load(name)) {
            OnnxPolicy[] singles = {s0, s1, s2};
            for (int e = 0; e < K; e++) {
                batch.reset(e, 100 + e);
                singles[e].reset(100 + e);
            }
            for (int step = 0; step < STEPS; step++) {
                if (step == 5) {
                    batch.reset(1, 7);
                    singles[1].reset(7);
                }
                Observation[] o = new Observation[K];
                Observation[] g = new Observation[K];
                for (int e = 0; e < K; e++) {
                    o[e] = observations.get((e + step) % observations.size());
                    g[e] = latent ? observations.get((e + step + 1) % observations.size())
                            : goals.get((e + 2 * step) % goals.size());
                }
                double[][] rows = new double[K][7];
                Action[] actions = null;
                if (step % 2 == 0) {
                    actions = batch.actBatch(o, g);
                } else {
                    batch.actBatch(o, g, rows);
                }
                for (int e = 0; e < K; e++) {
                    assertArrayEquals(singles[e].act(o[e], g[e]).toArray(),
                            actions != null ? actions[e].toArray() : rows[e], 1e-6,
                            name + " step " + step + " environment " + e);
                }
            }
        }
    }

    @Test
    void feedforward() throws IOException {
        batchEqualsSingles("feedforward");
    }

    @Test
    void latentGoal() throws IOException {
        batchEqualsSingles("latent_goal");
    }

    @Test
    void recurrent() throws IOException {
        batchEqualsSingles("recurrent");
    }

    @Test
    void chunked() throws IOException {
        batchEqualsSingles("chunked");
    }

    @Test
    void diffusion() throws IOException {
        batchEqualsSingles("diffusion");
        batchEqualsSingles("diffusion_ddpm");
    }
}
