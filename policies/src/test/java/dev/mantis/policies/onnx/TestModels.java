package dev.mantis.policies.onnx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Hand-built models of every family for {@link TestRobot}, small enough that each expected output
 * can be computed by hand, with their {@code mantis.policy} specs as editable JSON trees.
 */
final class TestModels {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Feedforward weights: action = [state, env, goal] (5) x W (5 x 2) + B, before normalisation. */
    static final float[] W = {1, 0, 0, 1, 1, 1, 2, 0, 0, -1};
    static final float[] B = {0.5f, -0.25f};
    /** Picks observation.state out of the 3-element observation row. */
    static final float[] PICK = {1, 0, 0, 1, 0, 0};
    /** Latent-goal encoder weights (3 x 2). */
    static final float[] ENCODER = {1, 0, 0, 2, 1, 1};

    /** The spec every test model starts from: feedforward with a goal, no normalisation. */
    static ObjectNode spec(String family) {
        ObjectNode s = JSON.createObjectNode();
        s.put("version", 1).put("family", family).put("robot_type", TestRobot.TYPE)
                .put("controller", "pd_joint_pos").put("control_hz", 20);
        ArrayNode obs = s.putArray("observation");
        obs.addObject().put("name", "observation.state").put("size", 2);
        obs.addObject().put("name", "observation.environment_state").put("size", 1);
        s.putArray("goal").addObject().put("name", "observation.goal.state").put("size", 2);
        s.putObject("action").put("name", "action").put("size", 2);
        s.putObject("tensors").put("observation", "observation").put("goal", "goal").put("action", "action");
        return s;
    }

    /** The same spec without a goal. */
    static ObjectNode specWithoutGoal(String family) {
        ObjectNode s = spec(family);
        s.putArray("goal");
        ((ObjectNode) s.get("tensors")).remove("goal");
        return s;
    }

    /** action = concat(observation, goal) W + B. */
    static OnnxModelBuilder feedforward(ObjectNode spec) {
        return new OnnxModelBuilder().input("observation", -1, 3).input("goal", -1, 2).output("action", -1, 2)
                .initializer("W", W, 5, 2).initializer("B", B, 2)
                .node("Concat", List.of("observation", "goal"), List.of("x"), "axis", 1)
                .node("MatMul", List.of("x", "W"), List.of("y"))
                .node("Add", List.of("y", "B"), List.of("action"))
                .metadata("mantis.policy", spec.toString());
    }

    /** h_out = h_in + state; action = h_out. */
    static OnnxModelBuilder recurrent() {
        ObjectNode spec = specWithoutGoal("recurrent");
        ObjectNode r = spec.putObject("recurrent");
        r.putArray("state_inputs").add("h_in");
        r.putArray("state_outputs").add("h_out");
        r.putArray("state_sizes").add(2);
        return new OnnxModelBuilder().input("observation", -1, 3).input("h_in", -1, 2)
                .output("action", -1, 2).output("h_out", -1, 2).initializer("P", PICK, 3, 2)
                .node("MatMul", List.of("observation", "P"), List.of("s"))
                .node("Add", List.of("h_in", "s"), List.of("h_out"))
                .node("Identity", List.of("h_out"), List.of("action"))
                .metadata("mantis.policy", spec.toString());
    }

    /** Chunk of 4: action[h] = state + h. */
    static OnnxModelBuilder chunked(int execute, String ensemble, double k) {
        ObjectNode spec = specWithoutGoal("chunked");
        spec.putObject("chunked").put("horizon", 4).put("execute", execute).put("ensemble", ensemble).put("k", k);
        return new OnnxModelBuilder().input("observation", -1, 3).output("action", -1, 4, 2)
                .initializer("P", PICK, 3, 2).initializer("shape", new long[] {-1, 1, 2}, 3)
                .initializer("C", new float[] {0, 0, 1, 1, 2, 2, 3, 3}, 4, 2)
                .node("MatMul", List.of("observation", "P"), List.of("s"))
                .node("Reshape", List.of("s", "shape"), List.of("s3"))
                .node("Add", List.of("s3", "C"), List.of("action"))
                .metadata("mantis.policy", spec.toString());
    }

    /** Denoiser: eps = a * sample + b * state + c * timestep, horizon 2. */
    static OnnxModelBuilder diffusion(String schedule, float a, float b, float c, double clip) {
        ObjectNode spec = specWithoutGoal("diffusion");
        spec.putObject("diffusion").put("schedule", schedule).put("train_steps", 100).put("steps", 10)
                .put("beta_start", 0.0001).put("beta_end", 0.02).put("beta_schedule", "squaredcos_cap_v2")
                .put("horizon", 2).put("execute", 2).put("sample_input", "sample").put("timestep_input", "timestep")
                .put("clip_sample", clip);
        return new OnnxModelBuilder().input("observation", -1, 3).input("sample", -1, 2, 2).input("timestep", -1)
                .output("action", -1, 2, 2).initializer("P", PICK, 3, 2)
                .initializer("a", new float[] {a}, 1).initializer("b", new float[] {b}, 1)
                .initializer("c", new float[] {c}, 1)
                .initializer("s3", new long[] {-1, 1, 2}, 3).initializer("t3", new long[] {-1, 1, 1}, 3)
                .node("Mul", List.of("sample", "a"), List.of("e1"))
                .node("MatMul", List.of("observation", "P"), List.of("s"))
                .node("Mul", List.of("s", "b"), List.of("sb"))
                .node("Reshape", List.of("sb", "s3"), List.of("e2"))
                .node("Reshape", List.of("timestep", "t3"), List.of("tr"))
                .node("Mul", List.of("tr", "c"), List.of("e3"))
                .node("Add", List.of("e1", "e2"), List.of("e12"))
                .node("Add", List.of("e12", "e3"), List.of("action"))
                .metadata("mantis.policy", spec.toString());
    }

    /** phi = phi_in ENCODER; action = state + z. */
    static OnnxModelBuilder latentGoal() {
        ObjectNode spec = specWithoutGoal("latent_goal");
        spec.set("goal", spec.get("observation").deepCopy());
        spec.putObject("latent_goal").put("encoder_input", "phi_in").put("encoder_output", "phi_out")
                .put("latent_input", "z").put("latent_size", 2);
        return new OnnxModelBuilder().input("observation", -1, 3).input("phi_in", -1, 3).input("z", -1, 2)
                .output("action", -1, 2).output("phi_out", -1, 2)
                .initializer("E", ENCODER, 3, 2).initializer("P", PICK, 3, 2)
                .node("MatMul", List.of("phi_in", "E"), List.of("phi_out"))
                .node("MatMul", List.of("observation", "P"), List.of("s"))
                .node("Add", List.of("s", "z"), List.of("action"))
                .metadata("mantis.policy", spec.toString());
    }

    /** action = log(state): NaN for negative, -inf for zero, large for large state. */
    static OnnxModelBuilder logOfState() {
        return new OnnxModelBuilder().input("observation", -1, 3).output("action", -1, 2)
                .initializer("P", PICK, 3, 2)
                .node("MatMul", List.of("observation", "P"), List.of("s"))
                .node("Log", List.of("s"), List.of("action"))
                .metadata("mantis.policy", specWithoutGoal("feedforward").toString());
    }

    private TestModels() {
    }
}
