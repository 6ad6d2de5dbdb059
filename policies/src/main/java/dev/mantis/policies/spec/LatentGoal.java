package dev.mantis.policies.spec;

/**
 * Goal given as an observation of the solved scene: the encoder graph {@code encoderInput ->
 * encoderOutput} maps both observations to latents, {@code z = (phi(goal) - phi(observation)) /
 * max(|phi(goal) - phi(observation)|, 1e-6)} is fed to {@code latentInput} ({@code latentSize}
 * elements) with the observation.
 */
public record LatentGoal(String encoderInput, String encoderOutput, String latentInput, int latentSize)
        implements Family {

    @Override
    public String id() {
        return "latent_goal";
    }
}
