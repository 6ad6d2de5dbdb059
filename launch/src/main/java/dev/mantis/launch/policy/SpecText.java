package dev.mantis.launch.policy;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The raw {@code mantis.policy} JSON of a model: from its ONNX metadata, else its sidecar FILE.onnx.json. */
final class SpecText {

    private SpecText() {
    }

    /** The spec text, or "{}" when the model has none (the host then reports it when loading). */
    static String read(Path model) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = OrtEnvironment.getEnvironment().createSession(model.toString(), options)) {
            String json = session.getMetadata().getCustomMetadata().get("mantis.policy");
            if (json != null) {
                return json;
            }
        } catch (OrtException e) {
            return "{}";
        }
        Path sidecar = model.resolveSibling(model.getFileName() + ".json");
        try {
            return Files.isRegularFile(sidecar) ? Files.readString(sidecar) : "{}";
        } catch (IOException e) {
            return "{}";
        }
    }
}
