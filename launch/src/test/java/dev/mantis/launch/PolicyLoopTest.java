package dev.mantis.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The train -> export -> evaluate loop as a user runs it: oracle demonstrations of reach, a
 * behaviour-cloning MLP trained by the PyTorch script, evaluated on held-out seeds by the ONNX
 * host.
 */
class PolicyLoopTest {

    @Test
    void aPolicyTrainedOnOracleDemosReachesHeldOutGoals(@TempDir Path dir) throws Exception {
        PythonCheck.requireTorch();
        Path data = dir.resolve("reach");
        var collect = RobotInspectCommandTest.run("collect", "--task", "reach", "--episodes", "200", "--seed", "1",
                "--out", data.toString(), "--workers", "2");
        assertEquals(0, collect.code(), collect.err());
        Path model = dir.resolve("reach_bc.onnx");
        var train = RobotInspectCommandTest.run("train", "bc", "--data", data.toString(), "--out", model.toString());
        assertEquals(0, train.code(), train.err());
        var eval = RobotInspectCommandTest.run("eval", "--task", "reach", "--policy", model.toString(), "--episodes",
                "100", "--seed", "777", "--json");
        assertEquals(0, eval.code(), eval.err());
        JsonNode row = new ObjectMapper().readTree(eval.out()).get("tasks").get(0);
        assertTrue(row.get("success_rate").asDouble() >= 0.8, eval.out());
    }

    @Test
    void nonFiniteActionsNeverReachTheRobotAndAreCounted() throws Exception {
        Path nan = Path.of("../policies/src/test/resources/models/nan_output.onnx").toAbsolutePath().normalize();
        var eval = RobotInspectCommandTest.run("eval", "--task", "reach", "--policy", nan.toString(), "--episodes", "2",
                "--workers", "1", "--json");
        assertEquals(0, eval.code(), eval.err());
        JsonNode report = new ObjectMapper().readTree(eval.out());
        JsonNode row = report.get("tasks").get(0);
        assertEquals(0, row.get("successes").asInt());
        int steps = (int) Math.round(row.get("mean_steps").asDouble() * 2);
        assertEquals(steps, report.get("policy_faults").get("reach").get("non_finite_outputs").asInt(),
                "every step's NaN output was replaced: " + eval.out());
        assertTrue(!row.get("failures").has("diverged"), "the robot never saw a NaN: " + eval.out());
    }

    @Test
    void aModelThatDoesNotFitTheTaskIsRefusedInOneLine() throws Exception {
        Path ff = Path.of("../policies/src/test/resources/models/feedforward.onnx").toAbsolutePath().normalize();
        var eval = RobotInspectCommandTest.run("eval", "--task", "stack_two", "--policy", ff.toString(),
                "--episodes", "1");
        assertEquals(2, eval.code(), eval.out());
        assertEquals(1, eval.err().lines().count(), eval.err());
        assertTrue(eval.err().startsWith("mantis: " + ff + ": "), eval.err());
    }

    @Test
    void theBundledReachPolicyRunsBatchedAsWellAsOneSceneAtATime() throws Exception {
        Path model = Path.of("../assets/src/main/resources/mantis/policies/reach_bc.onnx").toAbsolutePath()
                .normalize();
        var batched = RobotInspectCommandTest.run("eval", "--task", "reach", "--policy", model.toString(),
                "--episodes", "24", "--seed", "5", "--batch", "8", "--json");
        var single = RobotInspectCommandTest.run("eval", "--task", "reach", "--policy", model.toString(),
                "--episodes", "24", "--seed", "5", "--workers", "2", "--json");
        assertEquals(0, batched.code(), batched.err());
        assertEquals(0, single.code(), single.err());
        JsonNode b = new ObjectMapper().readTree(batched.out()).get("tasks").get(0);
        JsonNode s = new ObjectMapper().readTree(single.out()).get("tasks").get(0);
        assertEquals(24, b.get("episodes").asInt());
        assertTrue(b.get("success_rate").asDouble() >= 0.8, batched.out());
        // one ORT call over 8 observations differs from 8 calls by float rounding (< 1e-6) at most
        assertTrue(Math.abs(b.get("successes").asInt() - s.get("successes").asInt()) <= 1, batched.out() + single.out());
        assertEquals(s.get("mean_steps").asDouble(), b.get("mean_steps").asDouble(), 1.0);
    }
}
