package dev.mantis.policies.spec;

/**
 * A model family with its settings: how the host turns graph calls into one action per step
 * (policies/README.md), or, for {@link Classifier}, into a success probability.
 */
public sealed interface Family permits Feedforward, LatentGoal, Recurrent, Chunked, Diffusion,
        Classifier {

    /** The family's name in the spec, e.g. {@code feedforward}. */
    String id();
}
