package dev.mantis.policies;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to run a policy: the {@link Device}, the number of threads one inference may use on the CPU
 * ({@code intraOpThreads}; 0 lets ONNX Runtime choose, 1 gives the lowest latency for small
 * models) and where warnings go (one line each).
 */
public record PolicyOptions(Device device, int intraOpThreads, Consumer<String> warnings) {

    public PolicyOptions {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(warnings, "warnings");
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be >= 0, got " + intraOpThreads);
        }
    }

    /** CPU, one thread, warnings to standard error. */
    public static PolicyOptions defaults() {
        return new PolicyOptions(Device.CPU, 1, System.err::println);
    }

    /** These options on {@code device}. */
    public PolicyOptions withDevice(Device device) {
        return new PolicyOptions(device, intraOpThreads, warnings);
    }

    /** These options with warnings sent to {@code warnings}. */
    public PolicyOptions withWarnings(Consumer<String> warnings) {
        return new PolicyOptions(device, intraOpThreads, warnings);
    }
}
