package dev.mantis.sim.task;

import java.util.Map;

/**
 * The outcome of one episode.
 *
 * @param task task id
 * @param episode episode index within the run
 * @param seed the seed the episode was reset with
 * @param success whether the success predicate held
 * @param steps control steps taken
 * @param reward sum of the dense reward over the steps
 * @param failure why it failed ("timeout", "diverged", "unplaceable", "safety_stop"), empty on success
 * @param safetyEvents the safety layer's events by kind label (e.g. {@code position_limit}), empty
 *     without events or without the safety layer
 */
public record EpisodeResult(String task, int episode, long seed, boolean success, int steps, double reward,
        String failure, Map<String, Integer> safetyEvents) {

    /** The failure of an episode that a safety stop (watchdog or e-stop) ended. */
    public static final String SAFETY_STOP = "safety_stop";

    public EpisodeResult {
        safetyEvents = Map.copyOf(safetyEvents);
    }

    /** An outcome without safety events. */
    public EpisodeResult(String task, int episode, long seed, boolean success, int steps, double reward,
            String failure) {
        this(task, episode, seed, success, steps, reward, failure, Map.of());
    }
}
