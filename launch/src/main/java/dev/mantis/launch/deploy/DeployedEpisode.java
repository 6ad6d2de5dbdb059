package dev.mantis.launch.deploy;

import dev.mantis.robot.safety.SafetyEvent;
import dev.mantis.sim.record.EpisodeRecorder;
import dev.mantis.sim.task.EpisodeResult;
import java.util.List;

/**
 * One episode a deployment ran: its result, the instruction it was given, its safety events, why
 * the whole run must stop after it (null when it may go on), and for an episode whose reset was
 * refused why (else null).
 */
record DeployedEpisode(EpisodeResult result, String instruction, List<SafetyEvent> safetyEvents, String stop,
        String resetProblem) {

    DeployedEpisode {
        safetyEvents = List.copyOf(safetyEvents);
    }

    /**
     * The values of the dataset's episode columns for this episode at run position {@code job},
     * with the safety layer's event count and log when {@code safety} is on.
     */
    java.util.Map<String, Object> extras(String policyId, int job, boolean safety) {
        return EpisodeRecorder.extras(result, policyId, job, new double[0], safetyEvents.size(),
                safety ? EpisodeRecorder.safetyLog(safetyEvents) : null);
    }

    /** An episode whose reset was accepted. */
    DeployedEpisode(EpisodeResult result, String instruction, List<SafetyEvent> safetyEvents, String stop) {
        this(result, instruction, safetyEvents, stop, null);
    }
}
