package dev.mantis.launch;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Whether the Python training stack (python3 with torch, onnx, numpy) is installed: required in CI. */
public final class PythonCheck {

    private PythonCheck() {
    }

    /** Fails in CI, skips elsewhere, when python3 cannot import torch, onnx and numpy. */
    public static void requireTorch() throws Exception {
        String missing;
        try {
            Process p = new ProcessBuilder(dev.mantis.launch.policy.Python.executable(), "-c",
                    "import torch, onnx, numpy").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            missing = p.waitFor() == 0 ? null : out.strip();
        } catch (java.io.IOException e) {
            missing = "python3 is not installed";
        }
        if (missing != null) {
            String message = "the PyTorch training stack is missing (" + missing + "); run scripts/install-deps.sh";
            if (System.getenv("CI") != null) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
    }
}
