package dev.mantis.policies;

/**
 * What a policy's safety guard corrected, for the episode record: {@code nonFiniteOutputs} steps
 * whose action had a NaN or infinite element (replaced by the last safe action) and
 * {@code clampedElements} action elements clamped into the action spec's bounds.
 */
public record PolicyFaults(int nonFiniteOutputs, int clampedElements) {

    /** No faults. */
    public static final PolicyFaults NONE = new PolicyFaults(0, 0);

    /** Whether anything was corrected. */
    public boolean any() {
        return nonFiniteOutputs > 0 || clampedElements > 0;
    }
}
