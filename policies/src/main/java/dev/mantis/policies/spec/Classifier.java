package dev.mantis.policies.spec;

/**
 * Not a policy: a success classifier, {@code probability = f(observation, goal)} in [0, 1] read
 * from the graph output {@code output} ({@code [batch, 1]}); a frame counts as a success when its
 * probability is at least {@code threshold}; {@code confirmFrames} such frames in a row end an
 * episode early (0: episodes run to their horizon). The spec has no {@code action}.
 */
public record Classifier(String output, double threshold, int confirmFrames) implements Family {

    /** The family's name in the spec. */
    public static final String ID = "success_classifier";

    @Override
    public String id() {
        return ID;
    }
}
