package dev.mantis.sim.task;

import dev.mantis.robot.spec.Action;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.scene.StepStatus;
import java.util.SplittableRandom;
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
        scene.reset(seed);
        try {
            task.reset(scene, new SplittableRandom(seed));
        } catch (PlacementException e) {
            return new EpisodeResult(task.spec().id(), episode, seed, false, 0, 0, "unplaceable");
        }
        recorder.begin(scene);
        Oracle policy = policyForEpisode.apply(scene);
        double reward = 0;
        int horizon = task.spec().horizon();
        for (int step = 1; step <= horizon; step++) {
            recorder.before(scene, step - 1);
            Action action = recorder.choose(scene, policy.act(scene));
            Action applied = scene.robot(0).act(action);
            if (scene.step() != StepStatus.OK) {
                recorder.after(applied, 0, true, false);
                return new EpisodeResult(task.spec().id(), episode, seed, false, step, reward, "diverged");
            }
            double r = task.reward(scene);
            reward += r;
            boolean success = task.success(scene);
            recorder.after(applied, r, success || step == horizon, success);
            if (success) {
                return new EpisodeResult(task.spec().id(), episode, seed, true, step, reward, "");
            }
        }
        return new EpisodeResult(task.spec().id(), episode, seed, false, horizon, reward, "timeout");
    }
}
