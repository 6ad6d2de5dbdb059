package dev.mantis.policies.spec;

/**
 * The graph tensors the features are fed to and the action read from ({@code goal} is
 * {@code null} for a model without a goal input, latent-goal models included).
 */
public record TensorNames(String observation, String goal, String action) {
}
