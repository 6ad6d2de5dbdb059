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
}
