package dev.mantis.spark;

import dev.mantis.sim.task.EpisodeResult;
import java.io.Serializable;

/**
 * An {@link EpisodeResult} as it returns from an executor.
 *
 * @param task task id
 * @param episode episode index within the run
 * @param seed the seed the episode was reset with
 * @param success whether the success predicate held
 * @param steps control steps taken
 * @param reward sum of the dense reward over the steps
 * @param failure why it failed, empty on success
 */
public record Outcome(String task, int episode, long seed, boolean success, int steps, double reward,
        String failure) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The outcome of {@code r}. */
    public static Outcome of(EpisodeResult r) {
        return new Outcome(r.task(), r.episode(), r.seed(), r.success(), r.steps(), r.reward(), r.failure());
    }

    /** Back to a result. */
    public EpisodeResult result() {
        return new EpisodeResult(task, episode, seed, success, steps, reward, failure);
    }
}
