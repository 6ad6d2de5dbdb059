package dev.mantis.policies.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mantis.policies.PolicyException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing the mantis.policy spec of policies/README.md, and the exact message for each mistake. */
class PolicySpecTest {

    private static final String README_EXAMPLE = """
            {
              "version": 1,
              "family": "feedforward",
              "robot_type": "panda",
              "controller": "pd_ee_delta_pose",
              "control_hz": 20,
              "observation": [
                {"name": "observation.state", "size": 2},
                {"name": "observation.environment_state", "size": 3}
              ],
              "goal": [{"name": "observation.goal.state", "size": 1}],
              "action": {"name": "action", "size": 2},
              "tensors": {"observation": "observation", "goal": "goal", "action": "action"},
              "normalization": {
                "observation.state": {"mean": [1, 2], "std": [2, 0]},
                "action": {"mean": [0.5, 0], "std": [3, 1]}
              }
            }
            """;

    private static String message(String json) {
        return assertThrows(PolicyException.class, () -> PolicySpec.parse(json, "m.onnx")).getMessage();
    }

    /** The README example with {@code from} replaced by {@code to}. */
    private static String example(String from, String to) {
        if (!README_EXAMPLE.contains(from)) {
            throw new IllegalArgumentException(from);
        }
        return README_EXAMPLE.replace(from, to);
    }

    @Test
    void readsTheReadmeExample() throws PolicyException {
        PolicySpec spec = PolicySpec.parse(README_EXAMPLE, "m.onnx");
        assertEquals("feedforward", spec.family().id());
        assertEquals("panda", spec.robotType());
        assertEquals("pd_ee_delta_pose", spec.controller());
        assertEquals(20, spec.controlHz());
        assertEquals(List.of(new FeatureSize("observation.state", 2), new FeatureSize("observation.environment_state",
                3)), spec.observation());
        assertEquals(5, spec.observationSize());
        assertEquals(1, spec.goalSize());
        assertEquals(new TensorNames("observation", "goal", "action"), spec.tensors());
        Normalization state = spec.normalization("observation.state", 2);
        assertEquals(0.5, state.normalize(0, 2), 1e-12);
        assertEquals(5, state.normalize(1, 7), 1e-12, "std 0 counts as 1");
        assertEquals(3.5, spec.normalization("action", 2).denormalize(0, 1), 1e-12);
        assertEquals(9, spec.normalization("observation.environment_state", 3).normalize(2, 9), 0,
                "no entry: identity");
    }

    @Test
    void readsFamilySettings() throws PolicyException {
        String chunked = example("\"family\": \"feedforward\",", "\"family\": \"chunked\", \"chunked\": {\"horizon\": 16,"
                + " \"execute\": 8, \"ensemble\": \"exponential\", \"k\": 0.02},");
        assertEquals(new Chunked(16, 8, Chunked.Ensemble.EXPONENTIAL, 0.02), PolicySpec.parse(chunked, "m").family());
        String diffusion = example("\"family\": \"feedforward\",", "\"family\": \"diffusion\", \"diffusion\":"
                + " {\"schedule\": \"ddim\", \"train_steps\": 100, \"steps\": 10, \"beta_start\": 0.0001,"
                + " \"beta_end\": 0.02, \"beta_schedule\": \"squaredcos_cap_v2\", \"horizon\": 1,"
                + " \"sample_input\": \"sample\", \"timestep_input\": \"timestep\", \"clip_sample\": 1.0},");
        assertEquals(new Diffusion(Diffusion.Sampler.DDIM, 100, 10, 0.0001, 0.02,
                Diffusion.BetaSchedule.SQUAREDCOS_CAP_V2, 1, 1, "sample", "timestep", 1.0),
                PolicySpec.parse(diffusion, "m").family());
        String recurrent = example("\"family\": \"feedforward\",", "\"family\": \"recurrent\", \"recurrent\":"
                + " {\"state_inputs\": [\"h_in\"], \"state_outputs\": [\"h_out\"], \"state_sizes\": [64]},");
        assertEquals(new Recurrent(List.of("h_in"), List.of("h_out"), List.of(64)),
                PolicySpec.parse(recurrent, "m").family());
    }

    @Test
    void latentGoalNeedsTheObservationFeaturesAsGoalAndNoGoalTensor() throws PolicyException {
        String latent = example("\"family\": \"feedforward\",", "\"family\": \"latent_goal\", \"latent_goal\":"
                + " {\"encoder_input\": \"phi_in\", \"encoder_output\": \"phi_out\", \"latent_input\": \"z\","
                + " \"latent_size\": 32},");
        assertEquals("m.onnx: mantis.policy: a latent_goal policy's 'goal' must list the same features as"
                + " 'observation' [observation.state (2), observation.environment_state (3)], got"
                + " [observation.goal.state (1)]", message(latent));
        String sameGoal = latent.replace("\"goal\": [{\"name\": \"observation.goal.state\", \"size\": 1}],",
                "\"goal\": [{\"name\": \"observation.state\", \"size\": 2}, {\"name\":"
                        + " \"observation.environment_state\", \"size\": 3}],");
        assertEquals("m.onnx: mantis.policy: a latent_goal policy feeds its goal through the encoder: remove"
                + " 'tensors.goal'", message(sameGoal));
        PolicySpec spec = PolicySpec.parse(sameGoal.replace("\"goal\": \"goal\", ", ""), "m.onnx");
        assertEquals(new LatentGoal("phi_in", "phi_out", "z", 32), spec.family());
        assertNull(spec.tensors().goal());
    }

    @Test
    void reportsEachMistakeInOneLine() {
        assertEquals("m.onnx: mantis.policy: 'family' is 'mlp', expected one of [feedforward, latent_goal, recurrent,"
                + " chunked, diffusion, success_classifier]", message(example("\"feedforward\"", "\"mlp\"")));
        assertEquals("m.onnx: mantis.policy version 2 is not supported (this host reads version 1); update Mantis or"
                + " re-export the model", message(example("\"version\": 1", "\"version\": 2")));
        assertEquals("m.onnx: mantis.policy: 'robot_type' is missing",
                message(example("\"robot_type\": \"panda\",", "")));
        assertEquals("m.onnx: mantis.policy: 'observation[1].size' must be a positive integer, got 0",
                message(example("\"size\": 3}", "\"size\": 0}")));
        assertEquals("m.onnx: mantis.policy: 'tensors.goal' is missing",
                message(example("\"goal\": \"goal\", ", "")));
        assertEquals("m.onnx: mantis.policy: 'normalization.observation.state.mean' has 3 numbers, the feature has 2",
                message(example("[1, 2]", "[1, 2, 3]")));
        assertEquals("m.onnx: mantis.policy: 'normalization' has 'observation.velocity', which is no feature of the"
                + " policy [observation.state, observation.environment_state, observation.goal.state, action]",
                message(example("\"observation.state\": {\"mean\"", "\"observation.velocity\": {\"mean\"")));
        assertEquals("m.onnx: mantis.policy: 'chunked.execute' (20) exceeds its horizon (16)",
                message(example("\"family\": \"feedforward\",", "\"family\": \"chunked\", \"chunked\":"
                        + " {\"horizon\": 16, \"execute\": 20},")));
        assertEquals("m.onnx: mantis.policy: 'recurrent' needs as many state_inputs, state_outputs and state_sizes"
                + " (at least one), got 1, 2 and 1", message(example("\"family\": \"feedforward\",",
                        "\"family\": \"recurrent\", \"recurrent\": {\"state_inputs\": [\"h\"], \"state_outputs\":"
                                + " [\"a\", \"b\"], \"state_sizes\": [4]},")));
        assertEquals("m.onnx: mantis.policy: 'diffusion.beta_schedule' is 'cosine', expected linear, scaled_linear or"
                + " squaredcos_cap_v2", message(example("\"family\": \"feedforward\",", "\"family\": \"diffusion\","
                        + " \"diffusion\": {\"schedule\": \"ddpm\", \"train_steps\": 100, \"steps\": 100,"
                        + " \"beta_schedule\": \"cosine\", \"sample_input\": \"x\", \"timestep_input\": \"t\"},")));
        assertEquals("m.onnx: mantis.policy: 'latent_goal' is missing",
                message(example("\"family\": \"feedforward\"", "\"family\": \"latent_goal\"")));
        assertEquals("m.onnx: mantis.policy must be a JSON object; re-export the model with policies/train",
                message("[1, 2]"));
    }
}
