package dev.mantis.policies.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mantis.policies.Device;
import dev.mantis.policies.PolicyException;
import dev.mantis.policies.PolicyOptions;
import dev.mantis.robot.spec.ActionSpec;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.robot.spec.ObservationSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading: the exact one-line messages for every way a model can fail to fit, and the devices. */
class LoadTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("m.onnx");
    }

    private String failure(OnnxModelBuilder model, String robot, ObservationSpec observation, ObservationSpec goal,
            ActionSpec action) throws IOException {
        model.write(file());
        return assertThrows(PolicyException.class, () -> OnnxPolicy.load(file(), robot, observation, goal, action,
                PolicyOptions.defaults())).getMessage();
    }

    private String failure(OnnxModelBuilder model) throws IOException {
        return failure(model, TestRobot.TYPE, TestRobot.OBSERVATION, TestRobot.GOAL, TestRobot.ACTION);
    }

    @Test
    void wrongRobotType() throws IOException {
        assertEquals(file() + ": trained for robot 'panda', this robot is 'ur5e'", failure(
                TestModels.feedforward(TestModels.spec("feedforward")), "ur5e", TestRobot.OBSERVATION,
                TestRobot.GOAL, TestRobot.ACTION));
    }

    @Test
    void wrongController() throws IOException {
        ActionSpec ee = new ActionSpec("pd_ee_delta_pose", TestRobot.ACTION.action());
        assertEquals(file() + ": trained for controller 'pd_joint_pos', this robot uses 'pd_ee_delta_pose'",
                failure(TestModels.feedforward(TestModels.spec("feedforward")), TestRobot.TYPE, TestRobot.OBSERVATION,
                        TestRobot.GOAL, ee));
    }

    @Test
    void missingAndMisSizedFeatures() throws IOException {
        ObjectNode spec = TestModels.spec("feedforward");
        ((ObjectNode) spec.withArray("observation").get(1)).put("name", "observation.velocity");
        assertEquals(file() + ": the policy needs observation feature 'observation.velocity' (1) but the robot/task"
                + " provide [observation.state (2), observation.environment_state (1)]",
                failure(TestModels.feedforward(spec)));
        ObservationSpec wide = new ObservationSpec(List.of(
                FeatureSpec.vector("observation.state", List.of("a", "b", "c"), "rad"),
                FeatureSpec.vector("observation.environment_state", List.of("x"), "m")));
        assertEquals(file() + ": the policy needs observation feature 'observation.state' (2) but the robot/task"
                + " provide [observation.state (3), observation.environment_state (1)]",
                failure(TestModels.feedforward(TestModels.spec("feedforward")), TestRobot.TYPE, wide, TestRobot.GOAL,
                        TestRobot.ACTION));
        assertEquals(file() + ": the policy needs goal feature 'observation.goal.state' (2) but the robot/task"
                + " provide []", failure(TestModels.feedforward(TestModels.spec("feedforward")), TestRobot.TYPE,
                        TestRobot.OBSERVATION, null, TestRobot.ACTION));
    }

    @Test
    void wrongActionSizeOrNames() throws IOException {
        ActionSpec three = new ActionSpec("pd_joint_pos",
                FeatureSpec.vector("action", List.of("j0", "j1", "j2"), "rad"));
        assertEquals(file() + ": the policy outputs 2 action elements but the robot's controller 'pd_joint_pos'"
                + " takes 3", failure(TestModels.feedforward(TestModels.spec("feedforward")), TestRobot.TYPE,
                        TestRobot.OBSERVATION, TestRobot.GOAL, three));
        ObjectNode spec = TestModels.spec("feedforward");
        ((ObjectNode) spec.get("action")).putArray("names").add("j1").add("j0");
        assertEquals(file() + ": the policy's action elements are [j1, j0] but the robot's are [j0, j1]",
                failure(TestModels.feedforward(spec)));
    }

    @Test
    void tensorNamesMissingFromTheGraph() throws IOException {
        ObjectNode spec = TestModels.spec("feedforward");
        ((ObjectNode) spec.get("tensors")).put("observation", "obs");
        assertEquals(file() + ": the spec names input tensor 'obs' but the graph's inputs are [observation, goal]",
                failure(TestModels.feedforward(spec)));
        spec = TestModels.spec("feedforward");
        ((ObjectNode) spec.get("tensors")).put("action", "actions");
        assertEquals(file() + ": the spec names output tensor 'actions' but the graph's outputs are [action]",
                failure(TestModels.feedforward(spec)));
    }

    @Test
    void nonFloatTensorsAndWrongShapes() throws IOException {
        String spec = TestModels.specWithoutGoal("feedforward").toString();
        assertEquals(file() + ": graph input 'observation' is int64 but the host feeds float32; export it as float32",
                failure(new OnnxModelBuilder().typedInput("observation", OnnxModelBuilder.INT64, -1, 3)
                        .output("action", -1, 2).initializer("P", TestModels.PICK, 3, 2)
                        .node("Cast", List.of("observation"), List.of("x"), "to", 1)
                        .node("MatMul", List.of("x", "P"), List.of("action")).metadata("mantis.policy", spec)));
        assertEquals(file() + ": graph output 'action' is double but the host reads float32; export it as float32",
                failure(new OnnxModelBuilder().input("observation", -1, 3)
                        .typedOutput("action", OnnxModelBuilder.DOUBLE, -1, 2).initializer("P", TestModels.PICK, 3, 2)
                        .node("MatMul", List.of("observation", "P"), List.of("x"))
                        .node("Cast", List.of("x"), List.of("action"), "to", 11).metadata("mantis.policy", spec)));
        assertEquals(file() + ": graph input 'observation' has shape [batch, 4] but the spec needs [batch, 3]"
                + " (observation features)", failure(new OnnxModelBuilder().input("observation", -1, 4)
                        .output("action", -1, 2).initializer("P", new float[8], 4, 2)
                        .node("MatMul", List.of("observation", "P"), List.of("action"))
                        .metadata("mantis.policy", spec)));
        assertEquals(file() + ": graph input 'observation' has a fixed batch of 4; export it with a dynamic batch"
                + " dimension (or a batch of 1)", failure(new OnnxModelBuilder().input("observation", 4, 3)
                        .output("action", 4, 2).initializer("P", TestModels.PICK, 3, 2)
                        .node("MatMul", List.of("observation", "P"), List.of("action"))
                        .metadata("mantis.policy", spec)));
        assertEquals(file() + ": graph input 'extra' is not in the spec; the host feeds only [observation]",
                failure(new OnnxModelBuilder().input("observation", -1, 3).input("extra", -1, 1)
                        .output("action", -1, 2).initializer("P", TestModels.PICK, 3, 2)
                        .node("MatMul", List.of("observation", "P"), List.of("action"))
                        .metadata("mantis.policy", spec)));
    }

    @Test
    void outputsWhoseRealShapeContradictsTheSpecFailAtLoad() throws IOException {
        String message = failure(new OnnxModelBuilder().input("observation", -1, 3).output("action", -1, 2)
                .initializer("shape", new long[] {-1, 2}, 2)
                .node("Reshape", List.of("observation", "shape"), List.of("action"))
                .metadata("mantis.policy", TestModels.specWithoutGoal("feedforward").toString()));
        assertTrue(message.startsWith(file() + ": the graph fails on a test input ("), message);
        assertTrue(message.endsWith("); check the spec's sizes against the model"), message);
    }

    @Test
    void graphWithFixedBatchOfOneStillActsInBatches() throws IOException {
        new OnnxModelBuilder().input("observation", 1, 3).output("action", 1, 2)
                .initializer("P", TestModels.PICK, 3, 2).node("MatMul", List.of("observation", "P"), List.of("action"))
                .metadata("mantis.policy", TestModels.specWithoutGoal("feedforward").toString()).write(file());
        try (OnnxPolicy p = OnnxPolicy.load(file(), TestRobot.TYPE, TestRobot.OBSERVATION, null, TestRobot.ACTION,
                PolicyOptions.defaults())) {
            var actions = p.actBatch(new dev.mantis.robot.spec.Observation[] {TestRobot.observation(1, 2, 0),
                TestRobot.observation(3, 4, 0), TestRobot.observation(5, 6, 0)}, null);
            assertArrayEquals(new double[] {5, 6}, actions[2].toArray(), 1e-6);
            assertArrayEquals(new double[] {1, 2}, actions[0].toArray(), 1e-6);
        }
    }

    @Test
    void corruptMissingAndSpeclessFiles() throws IOException {
        Files.write(file(), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        PolicyException e = assertThrows(PolicyException.class, () -> OnnxPolicy.load(file(), TestRobot.TYPE,
                TestRobot.OBSERVATION, null, TestRobot.ACTION, PolicyOptions.defaults()));
        assertEquals(file() + ": not a valid ONNX model (Protobuf parsing failed.); re-export it with policies/train",
                e.getMessage());
        Path missing = dir.resolve("missing.onnx");
        assertEquals(missing + ": no such model file; check the path", assertThrows(PolicyException.class,
                () -> OnnxPolicy.load(missing, TestRobot.TYPE, TestRobot.OBSERVATION, null, TestRobot.ACTION,
                        PolicyOptions.defaults())).getMessage());
        OnnxModelBuilder bare = new OnnxModelBuilder().input("observation", -1, 3).output("action", -1, 2)
                .initializer("P", TestModels.PICK, 3, 2).node("MatMul", List.of("observation", "P"), List.of("action"));
        assertEquals(file() + ": no policy spec (no metadata 'mantis.policy' and no m.onnx.json); export the model"
                + " with policies/train or write the sidecar (policies/README.md)", failure(bare));
        assertEquals(file() + ": mantis.policy is not valid JSON (Unexpected end-of-input: expected close marker for"
                + " Object at line 1, column 13); re-export the model with policies/train",
                failure(bare.metadata("mantis.policy", "{\"version\":1")));
    }

    @Test
    void sidecarSpecIsUsedWithoutMetadata() throws IOException {
        new OnnxModelBuilder().input("observation", -1, 3).output("action", -1, 2)
                .initializer("P", TestModels.PICK, 3, 2).node("MatMul", List.of("observation", "P"), List.of("action"))
                .write(file());
        Files.writeString(dir.resolve("m.onnx.json"), TestModels.specWithoutGoal("feedforward").toString());
        try (OnnxPolicy p = OnnxPolicy.load(file(), TestRobot.TYPE, TestRobot.OBSERVATION, null, TestRobot.ACTION,
                PolicyOptions.defaults())) {
            assertEquals("feedforward", p.spec().family().id());
            assertArrayEquals(new double[] {1, 2}, p.act(TestRobot.observation(1, 2, 3), null).toArray(), 1e-6);
        }
    }

    @Test
    void autoFallsBackToCpuWithOneWarningAndCudaFails() throws IOException {
        Assumptions.assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
                "this ONNX Runtime has CUDA");
        TestModels.feedforward(TestModels.spec("feedforward")).write(file());
        List<String> warnings = new ArrayList<>();
        PolicyOptions auto = new PolicyOptions(Device.AUTO, 1, warnings::add);
        try (OnnxPolicy p = OnnxPolicy.load(file(), TestRobot.TYPE, TestRobot.OBSERVATION, TestRobot.GOAL,
                TestRobot.ACTION, auto)) {
            assertEquals("CPU", p.provider());
            p.act(TestRobot.observation(1, 2, 3), TestRobot.goal(0, 0));
        }
        assertEquals(List.of(file() + ": CUDA is not available (Failed to find CUDA shared provider); running on CPU"),
                warnings);
        PolicyException e = assertThrows(PolicyException.class, () -> OnnxPolicy.load(file(), TestRobot.TYPE,
                TestRobot.OBSERVATION, TestRobot.GOAL, TestRobot.ACTION, auto.withDevice(Device.CUDA)));
        assertEquals(file() + ": the CUDA device was requested but CUDA is not available (Failed to find CUDA"
                + " shared provider); build with -Pcuda (onnxruntime_gpu, CUDA 12) on a machine with an NVIDIA GPU, or"
                + " use device auto or cpu", e.getMessage());
        assertEquals(1, warnings.size());
    }
}
