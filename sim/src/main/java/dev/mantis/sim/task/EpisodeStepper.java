package dev.mantis.sim.task;

import dev.mantis.robot.spec.Action;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.scene.StepStatus;
import java.util.SplittableRandom;

/**
 * One episode run step by step from outside, for loops that drive several scenes in lockstep
 * (e.g. a batched policy): {@link #start} resets, then each {@link #step} applies one action
 * until success, divergence or the horizon. {@link EpisodeRunner} is this with a policy.
 */
public final class EpisodeStepper {

    private final Task task;
    private final Scene scene;
    private final int episode;
    private final long seed;
    private final StepRecorder recorder;
    private double reward;
    private int steps;
    private EpisodeResult result;

    private EpisodeStepper(Task task, Scene scene, int episode, long seed, StepRecorder recorder) {
        this.task = task;
        this.scene = scene;
        this.episode = episode;
        this.seed = seed;
        this.recorder = recorder;
    }

    /**
     * Resets {@code scene} and {@code task} with {@code seed}; an episode whose objects cannot be
     * placed is finished at once as "unplaceable".
     */
    public static EpisodeStepper start(Task task, Scene scene, int episode, long seed, StepRecorder recorder) {
        EpisodeStepper e = new EpisodeStepper(task, scene, episode, seed, recorder);
        scene.reset(seed);
        try {
            task.reset(scene, new SplittableRandom(seed));
        } catch (PlacementException ex) {
            e.result = new EpisodeResult(task.spec().id(), episode, seed, false, 0, 0, "unplaceable");
            return e;
        }
        recorder.begin(scene);
        return e;
    }

    /** Whether the episode has ended. */
    public boolean finished() {
        return result != null;
    }

    /** The result, once finished. */
    public EpisodeResult result() {
        if (result == null) {
            throw new IllegalStateException("episode " + episode + " of " + task.spec().id() + " is still running");
        }
        return result;
    }

    /** Call before the policy looks at the scene for the next action (the recorder observes it). */
    public void beforeAct() {
        recorder.before(scene, steps);
    }

    /** Applies the policy's {@code action} for one control period and updates reward and the ending. */
    public void step(Action proposed) {
        if (result != null) {
            throw new IllegalStateException("episode " + episode + " of " + task.spec().id() + " has ended");
        }
        steps++;
        Action applied = scene.robot(0).act(recorder.choose(scene, proposed));
        if (scene.step() != StepStatus.OK) {
            recorder.after(applied, 0, true, false);
            result = new EpisodeResult(task.spec().id(), episode, seed, false, steps, reward, "diverged");
            return;
        }
        double r = task.reward(scene);
        reward += r;
        boolean success = task.success(scene);
        int horizon = task.spec().horizon();
        recorder.after(applied, r, success || steps == horizon, success);
        if (success) {
            result = new EpisodeResult(task.spec().id(), episode, seed, true, steps, reward, "");
        } else if (steps == horizon) {
            result = new EpisodeResult(task.spec().id(), episode, seed, false, horizon, reward, "timeout");
        }
    }
}
