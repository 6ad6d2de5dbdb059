package dev.mantis.sim.task;

/**
 * The outcome of one episode.
 *
 * @param task task id
 * @param episode episode index within the run
 * @param seed the seed the episode was reset with
 * @param success whether the success predicate held
 * @param steps control steps taken
 * @param reward sum of the dense reward over the steps
 * @param failure why it failed ("timeout", "diverged"), empty on success
 */
public record EpisodeResult(String task, int episode, long seed, boolean success, int steps, double reward,
        String failure) {
}
