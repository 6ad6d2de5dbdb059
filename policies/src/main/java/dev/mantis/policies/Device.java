package dev.mantis.policies;

/** Where a policy runs. */
public enum Device {
    /** The CPU. */
    CPU,
    /** An NVIDIA GPU through ONNX Runtime's CUDA provider; loading fails if it is not available. */
    CUDA,
    /** CUDA when available, else the CPU with one warning. */
    AUTO
}
