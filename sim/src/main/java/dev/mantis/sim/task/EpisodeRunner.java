package dev.mantis.sim.task;

import dev.mantis.robot.safety.SafeRobot;
import dev.mantis.sim.scene.Scene;
import java.util.Optional;
import java.util.function.Function;

/** Runs one episode of a task in a scene, start to success or horizon. */
public final class EpisodeRunner {

    private EpisodeRunner() {
    }

    /**
     * Resets {@code scene} and {@code task} with {@code seed}, then steps the policy made by
     * {@code policyForEpisode} (called after the reset) until success, divergence or the horizon.
     * An episode whose objects cannot be placed fails as "unplaceable".
     */
    public static EpisodeResult run(Task task, Scene scene, int episode, long seed,
            Function<Scene, Oracle> policyForEpisode) {
        return run(task, scene, episode, seed, policyForEpisode, StepRecorder.NONE);
    }

    /** {@link #run(Task, Scene, int, long, Function)}, telling {@code recorder} about every step. */
    public static EpisodeResult run(Task task, Scene scene, int episode, long seed,
            Function<Scene, Oracle> policyForEpisode, StepRecorder recorder) {
        return run(task, scene, Optional.empty(), episode, seed, policyForEpisode, recorder);
    }

    /**
     * {@link #run(Task, Scene, int, long, Function, StepRecorder)} with actions going through
     * {@code safety} (a safety layer around the scene's robot) when present; a safety stop ends
     * the episode as "safety_stop".
     */
    public static EpisodeResult run(Task task, Scene scene, Optional<SafeRobot> safety, int episode, long seed,
            Function<Scene, Oracle> policyForEpisode, StepRecorder recorder) {
        EpisodeStepper e = EpisodeStepper.start(task, scene, safety, episode, seed, recorder);
        if (e.finished()) {
            return e.result();
        }
        Oracle policy = policyForEpisode.apply(scene);
        while (!e.finished()) {
            e.beforeAct();
            e.step(policy.act(scene));
        }
        return e.result();
    }
}
