package dev.mantis.launch.policy;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mantis.launch.InputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mantis policy inspect}: a model's spec, graph inputs and outputs, and the execution providers here. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print an ONNX policy's mantis.policy spec, its graph inputs and outputs (names, types, shapes) "
                + "and the execution providers ONNX Runtime offers on this machine.",
        footer = {"", "Example:", "  mantis policy inspect assets/policies/reach_bc.onnx"})
public final class PolicyInspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.onnx", description = "The model.")
    Path model;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(model)) {
            throw new InputException(model + ": no such model file");
        }
        PrintWriter out = spec.commandLine().getOut();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(model.toString(), options)) {
            out.println(model + ":");
            out.println("inputs");
            print(out, session.getInputInfo());
            out.println("outputs");
            print(out, session.getOutputInfo());
            String json = SpecText.read(model);
            ObjectMapper mapper = new ObjectMapper();
            out.println("mantis.policy");
            out.println(json.equals("{}") ? "  (none: neither metadata key mantis.policy nor " + model.getFileName()
                    + ".json)" : mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(json))
                    .indent(2).stripTrailing());
        } catch (OrtException e) {
            throw new InputException(model + ": not a valid ONNX model (" + e.getMessage().lines().findFirst()
                    .orElse("") + ")");
        }
        out.println("providers here: " + OrtEnvironment.getAvailableProviders());
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, Map<String, NodeInfo> nodes) {
        for (var e : nodes.entrySet()) {
            out.println("  " + e.getKey() + "  " + e.getValue().getInfo());
        }
    }
}
