package dev.mantis.policies.spec;

/**
 * One call predicts {@code horizon} actions. Without ensembling the first {@code execute} are
 * executed before the next call; with {@link Ensemble#EXPONENTIAL} the model is called every step
 * and the predictions of all chunks for the current step are averaged with weights
 * {@code exp(-k * i)}, {@code i = 0} for the oldest chunk (as ACT).
 */
public record Chunked(int horizon, int execute, Ensemble ensemble, double k) implements Family {

    /** How chunks are combined. */
    public enum Ensemble {
        /** Execute {@code execute} actions of each chunk. */
        NONE,
        /** Temporal ensembling with exponential weights. */
        EXPONENTIAL
    }

    @Override
    public String id() {
        return "chunked";
    }
}
