package dev.mantis.policies.spec;

/**
 * A denoiser sampled by DDPM or DDIM (eta 0): from seeded Gaussian noise {@code [batch, horizon,
 * size]}, {@code steps} calls of the graph with (noisy sample -> {@code sampleInput}, timestep as
 * float32 {@code [batch]} -> {@code timestepInput}, observation, goal) predicting the noise; the
 * clean sample, clipped to {@code [-clipSample, clipSample]} when {@code clipSample > 0}, is the
 * normalised action chunk, of which the first {@code execute} are executed before sampling again.
 * Timesteps are spaced as diffusers' "leading": {@code (steps-1-i) * (trainSteps / steps)}.
 */
public record Diffusion(Sampler sampler, int trainSteps, int steps, double betaStart, double betaEnd,
        BetaSchedule betaSchedule, int horizon, int execute, String sampleInput, String timestepInput,
        double clipSample) implements Family {

    /** The update rule (the spec's {@code schedule}). */
    public enum Sampler {
        /** Denoising diffusion probabilistic models (stochastic, "fixed_small" variance). */
        DDPM,
        /** Denoising diffusion implicit models, eta 0 (deterministic after the initial noise). */
        DDIM
    }

    /** How the training betas are spaced. */
    public enum BetaSchedule {
        /** {@code linspace(beta_start, beta_end, train_steps)}. */
        LINEAR,
        /** {@code linspace(sqrt(beta_start), sqrt(beta_end), train_steps)^2}. */
        SCALED_LINEAR,
        /** Nichol and Dhariwal's cosine schedule, betas capped at 0.999. */
        SQUAREDCOS_CAP_V2
    }

    @Override
    public String id() {
        return "diffusion";
    }
}
