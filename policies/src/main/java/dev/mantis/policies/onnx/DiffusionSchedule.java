package dev.mantis.policies.onnx;

import dev.mantis.policies.spec.Diffusion;

/**
 * The noise schedule and update rule of a {@link Diffusion} spec, as diffusers' DDPMScheduler
 * ("fixed_small" variance, epsilon prediction) and DDIMScheduler (eta 0, set_alpha_to_one) with
 * "leading" timestep spacing compute them, in double precision.
 */
final class DiffusionSchedule {

    private final Diffusion diffusion;
    private final double[] alphasCumprod;
    private final int[] timesteps;

    DiffusionSchedule(Diffusion diffusion) {
        this.diffusion = diffusion;
        int n = diffusion.trainSteps();
        double[] betas = new double[n];
        for (int i = 0; i < n; i++) {
            double f = n == 1 ? 0 : (double) i / (n - 1);
            betas[i] = switch (diffusion.betaSchedule()) {
                case LINEAR -> diffusion.betaStart() + f * (diffusion.betaEnd() - diffusion.betaStart());
                case SCALED_LINEAR -> {
                    double s = Math.sqrt(diffusion.betaStart())
                            + f * (Math.sqrt(diffusion.betaEnd()) - Math.sqrt(diffusion.betaStart()));
                    yield s * s;
                }
                case SQUAREDCOS_CAP_V2 -> Math.min(1 - alphaBar((i + 1.0) / n) / alphaBar((double) i / n), 0.999);
            };
        }
        alphasCumprod = new double[n];
        double product = 1;
        for (int i = 0; i < n; i++) {
            product *= 1 - betas[i];
            alphasCumprod[i] = product;
        }
        int steps = diffusion.steps();
        timesteps = new int[steps];
        int ratio = n / steps;
        for (int i = 0; i < steps; i++) {
            timesteps[i] = (steps - 1 - i) * ratio;
        }
    }

    private static double alphaBar(double t) {
        double c = Math.cos((t + 0.008) / 1.008 * Math.PI / 2);
        return c * c;
    }

    /** The timesteps in sampling order (descending). */
    int[] timesteps() {
        return timesteps.clone();
    }

    /** Number of sampling steps. */
    int steps() {
        return timesteps.length;
    }

    /** Timestep of sampling step {@code i}. */
    int timestep(int i) {
        return timesteps[i];
    }

    /** Whether sampling step {@code i} adds noise (DDPM, all but the last step). */
    boolean needsNoise(int i) {
        return diffusion.sampler() == Diffusion.Sampler.DDPM && timesteps[i] > 0;
    }

    /** Cumulative product of the alphas at training timestep {@code t}. */
    double alphaCumprod(int t) {
        return alphasCumprod[t];
    }

    /**
     * One update of sampling step {@code i}, element-wise: {@code sample[j]} becomes the less noisy
     * sample given the predicted noise {@code eps[j]} (and, where {@link #needsNoise}, standard
     * normal {@code noise[j]}).
     */
    void step(int i, double[] sample, float[] eps, double[] noise, int n) {
        int t = timesteps[i];
        int prev = t - diffusion.trainSteps() / diffusion.steps();
        double alphaProd = alphasCumprod[t];
        double alphaProdPrev = prev >= 0 ? alphasCumprod[prev] : 1.0;
        double betaProd = 1 - alphaProd;
        double betaProdPrev = 1 - alphaProdPrev;
        double clip = diffusion.clipSample();
        double sqrtAlphaProd = Math.sqrt(alphaProd);
        double sqrtBetaProd = Math.sqrt(betaProd);
        if (diffusion.sampler() == Diffusion.Sampler.DDIM) {
            double a = Math.sqrt(alphaProdPrev);
            double b = Math.sqrt(1 - alphaProdPrev);
            for (int j = 0; j < n; j++) {
                double x0 = clip((sample[j] - sqrtBetaProd * eps[j]) / sqrtAlphaProd, clip);
                sample[j] = a * x0 + b * eps[j];
            }
            return;
        }
        double currentAlpha = alphaProd / alphaProdPrev;
        double currentBeta = 1 - currentAlpha;
        double originalCoeff = Math.sqrt(alphaProdPrev) * currentBeta / betaProd;
        double sampleCoeff = Math.sqrt(currentAlpha) * betaProdPrev / betaProd;
        double sigma = t > 0 ? Math.sqrt(Math.max(betaProdPrev / betaProd * currentBeta, 1e-20)) : 0;
        for (int j = 0; j < n; j++) {
            double x0 = clip((sample[j] - sqrtBetaProd * eps[j]) / sqrtAlphaProd, clip);
            sample[j] = originalCoeff * x0 + sampleCoeff * sample[j] + (t > 0 ? sigma * noise[j] : 0);
        }
    }

    private static double clip(double x, double range) {
        return range > 0 ? Math.max(-range, Math.min(range, x)) : x;
    }
}
