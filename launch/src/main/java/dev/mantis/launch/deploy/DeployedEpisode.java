package dev.mantis.launch.deploy;

import dev.mantis.robot.safety.SafetyEvent;
import dev.mantis.sim.task.EpisodeResult;
import java.util.List;

/**
 * One episode a deployment ran: its result, the instruction it was given, its safety events, and
 * why the whole run must stop after it (null when it may go on).
 */
record DeployedEpisode(EpisodeResult result, String instruction, List<SafetyEvent> safetyEvents, String stop) {

    DeployedEpisode {
        safetyEvents = List.copyOf(safetyEvents);
    }
}
