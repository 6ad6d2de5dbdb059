package dev.mantis.spark;

import dev.mantis.sim.task.EpisodeResult;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

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
 * @param safetyEvents the safety layer's events by kind
 * @param safetyLog the events one line each (a recorded episode's log; see
 *     {@link dev.mantis.sim.record.EpisodeRecorder#safetyLog}), empty where not recorded
 */
public record Outcome(String task, int episode, long seed, boolean success, int steps, double reward,
        String failure, HashMap<String, Integer> safetyEvents, String safetyLog) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The outcome of {@code r}, with the log of its safety events {@code safetyLog}. */
    public static Outcome of(EpisodeResult r, String safetyLog) {
        return new Outcome(r.task(), r.episode(), r.seed(), r.success(), r.steps(), r.reward(), r.failure(),
                new HashMap<>(r.safetyEvents()), safetyLog);
    }

    /** Back to a result. */
    public EpisodeResult result() {
        return new EpisodeResult(task, episode, seed, success, steps, reward, failure, Map.copyOf(safetyEvents));
    }

    /** How many safety events the episode had. */
    public long safetyEventCount() {
        return safetyEvents.values().stream().mapToLong(Integer::longValue).sum();
    }
}
