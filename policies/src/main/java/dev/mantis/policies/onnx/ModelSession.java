package dev.mantis.policies.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import dev.mantis.policies.Device;
import dev.mantis.policies.PolicyException;
import dev.mantis.policies.PolicyOptions;
import dev.mantis.policies.spec.PolicySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An open ONNX Runtime session of one model file on the device the options ask for (CUDA falling
 * back to the CPU for {@link Device#AUTO}), with the spec text found in the model or its sidecar.
 */
final class ModelSession implements AutoCloseable {

    private final OrtSession session;
    private final SessionOptions sessionOptions;
    private final String provider;

    private ModelSession(OrtSession session, SessionOptions sessionOptions, String provider) {
        this.session = session;
        this.sessionOptions = sessionOptions;
        this.provider = provider;
    }

    /** Opens {@code model}; {@code file} is its name in messages. */
    static ModelSession open(Path model, String file, PolicyOptions options) throws PolicyException {
        if (!Files.isRegularFile(model)) {
            throw new PolicyException(file + ": no such model file; check the path");
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        if (options.device() == Device.CPU) {
            return openCpu(env, model, file, options);
        }
        SessionOptions cuda = sessionOptions(options);
        try {
            cuda.addCUDA();
        } catch (OrtException e) {
            cuda.close();
            return cudaMissing(env, model, file, options, reason(e));
        }
        try {
            return new ModelSession(env.createSession(model.toString(), cuda), cuda, "CUDA");
        } catch (OrtException e) {
            cuda.close();
            ModelSession cpu = openCpu(env, model, file, options);
            cpu.close();
            return cudaMissing(env, model, file, options, reason(e));
        }
    }

    private static ModelSession cudaMissing(OrtEnvironment env, Path model, String file, PolicyOptions options,
            String reason) throws PolicyException {
        if (options.device() == Device.CUDA) {
            throw new PolicyException(file + ": the CUDA device was requested but CUDA is not available (" + reason
                    + "); build with -Pcuda (onnxruntime_gpu, CUDA 12) on a machine with an NVIDIA GPU, or use"
                    + " device auto or cpu");
        }
        ModelSession cpu = openCpu(env, model, file, options);
        options.warnings().accept(file + ": CUDA is not available (" + reason + "); running on CPU");
        return cpu;
    }

    private static ModelSession openCpu(OrtEnvironment env, Path model, String file, PolicyOptions options)
            throws PolicyException {
        SessionOptions cpu = sessionOptions(options);
        try {
            return new ModelSession(env.createSession(model.toString(), cpu), cpu, "CPU");
        } catch (OrtException e) {
            cpu.close();
            throw new PolicyException(file + ": not a valid ONNX model (" + reason(e)
                    + "); re-export it with policies/train", e);
        }
    }

    private static SessionOptions sessionOptions(PolicyOptions options) {
        SessionOptions so = new SessionOptions();
        try {
            so.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            so.setInterOpNumThreads(1);
            if (options.intraOpThreads() > 0) {
                so.setIntraOpNumThreads(options.intraOpThreads());
            }
            so.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
        } catch (OrtException e) {
            so.close();
            throw new IllegalStateException("ONNX Runtime rejected session options: " + reason(e), e);
        }
        return so;
    }

    /**
     * The spec JSON: metadata key {@code mantis.policy}, else the sidecar {@code MODEL.onnx.json}.
     */
    String specJson(Path model, String file) throws PolicyException {
        try {
            String json = session.getMetadata().getCustomMetadata().get(PolicySpec.METADATA_KEY);
            if (json != null) {
                return json;
            }
        } catch (OrtException e) {
            throw new PolicyException(file + ": cannot read the model's metadata (" + reason(e)
                    + "); re-export it with policies/train", e);
        }
        Path sidecar = model.resolveSibling(model.getFileName() + ".json");
        if (!Files.isRegularFile(sidecar)) {
            throw new PolicyException(file + ": no policy spec (no metadata '" + PolicySpec.METADATA_KEY
                    + "' and no " + sidecar.getFileName() + "); export the model with policies/train or write the"
                    + " sidecar (policies/README.md)");
        }
        try {
            return Files.readString(sidecar, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot read " + sidecar + " (" + e.getMessage() + ")", e);
        }
    }

    OrtSession session() {
        return session;
    }

    /** "CPU" or "CUDA". */
    String provider() {
        return provider;
    }

    /** ONNX Runtime's message without its error-code prefix, on one line. */
    static String reason(OrtException e) {
        String m = e.getMessage() == null ? e.getCode().toString() : e.getMessage();
        int i = m.indexOf(" - message: ");
        if (m.startsWith("Error code - ") && i > 0) {
            m = m.substring(i + " - message: ".length());
        }
        if (m.startsWith("Load model from ") && m.contains(" failed:")) {
            m = m.substring(m.indexOf(" failed:") + " failed:".length());
        }
        return m.replaceAll("\\s+", " ").trim();
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing an ONNX Runtime session: " + reason(e), e);
        } finally {
            sessionOptions.close();
        }
    }
}
