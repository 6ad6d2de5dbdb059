package dev.mantis.policies.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mantis.policies.Device;
import dev.mantis.policies.PolicyOptions;
import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.Observation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * For machines with an NVIDIA GPU (policies/gpu-check.sh: built with -Pcuda, run with
 * -Dmantis.gpu=true): the example feedforward model loads with Device.CUDA, runs on the CUDA
 * provider, reproduces its reference and acts in batches. Skipped otherwise.
 */
@EnabledIfSystemProperty(named = "mantis.gpu", matches = "true")
class GpuCheckTest {

    @Test
    void feedforwardRunsOnCuda() throws IOException {
        List<String> warnings = new ArrayList<>();
        JsonNode ref = ExampleModels.reference("feedforward");
        try (OnnxPolicy p = OnnxPolicy.load(ExampleModels.path("feedforward.onnx"), "panda", ExampleModels.OBSERVATION,
                ExampleModels.GOAL, ExampleModels.ACTION, new PolicyOptions(Device.CUDA, 1, warnings::add))) {
            assertEquals("CUDA", p.provider());
            List<Observation> observations = new ArrayList<>();
            List<Observation> goals = new ArrayList<>();
            for (JsonNode c : ref.get("cases")) {
                Observation o = ExampleModels.observation(ExampleModels.OBSERVATION, c.get("observation"));
                Observation g = ExampleModels.observation(ExampleModels.GOAL, c.get("goal"));
                observations.add(o);
                goals.add(g);
                assertArrayEquals(ExampleModels.doubles(c.get("action")), p.act(o, g).toArray(), 1e-4,
                        c.get("name").asText());
            }
            Action[] batch = p.actBatch(observations.toArray(Observation[]::new), goals.toArray(Observation[]::new));
            for (int i = 0; i < batch.length; i++) {
                assertArrayEquals(p.act(observations.get(i), goals.get(i)).toArray(), batch[i].toArray(), 1e-5);
            }
        }
        assertEquals(List.of(), warnings);
        System.out.println("GPU check passed: feedforward.onnx runs on CUDA and matches its reference");
    }
}
