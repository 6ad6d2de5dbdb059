package dev.mantis.policies.spec;

/**
 * Not a policy: a success classifier, {@code probability = f(observation, goal)} in [0, 1] read
 * from the graph output {@code output} ({@code [batch, 1]}); the episode counts as a success when
 * the probability is at least {@code threshold}. The spec has no {@code action}.
 */
public record Classifier(String output, double threshold) implements Family {

    /** The family's name in the spec. */
    public static final String ID = "success_classifier";

    @Override
    public String id() {
        return ID;
    }
}
