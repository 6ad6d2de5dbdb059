package dev.mantis.sim.task;

import dev.mantis.robot.Robot;
import dev.mantis.robot.safety.SafeRobot;
import dev.mantis.robot.safety.SafetyEvent;
import dev.mantis.robot.spec.Action;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.scene.StepStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One episode run step by step from outside, for loops that drive several scenes in lockstep
 * (e.g. a batched policy): {@link #start} resets, then each {@link #step} applies one action
 * until success, divergence, a safety stop or the horizon. {@link EpisodeRunner} is this with a
 * policy. Behind a safety layer, its events go to the recorder and are counted in the result.
 */
public final class EpisodeStepper {

    private final Task task;
    private final Scene scene;
    private final int episode;
    private final long seed;
    private final StepRecorder recorder;
    private final Optional<SafeRobot> safety;
    private final Robot robot;
    private final Map<String, Integer> safetyEvents = new TreeMap<>();
    private double reward;
    private int steps;
    private EpisodeResult result;

    private EpisodeStepper(Task task, Scene scene, Optional<SafeRobot> safety, int episode, long seed,
            StepRecorder recorder) {
        this.task = task;
        this.scene = scene;
        this.safety = safety;
        this.robot = safety.isPresent() ? safety.get() : scene.robot(0);
        this.episode = episode;
        this.seed = seed;
        this.recorder = recorder;
    }

    /**
     * Resets {@code scene} and {@code task} with {@code seed}; an episode whose objects cannot be
     * placed is finished at once as "unplaceable".
     */
    public static EpisodeStepper start(Task task, Scene scene, int episode, long seed, StepRecorder recorder) {
        return start(task, scene, Optional.empty(), episode, seed, recorder);
    }

    /**
     * {@link #start(Task, Scene, int, long, StepRecorder)} with actions going through
     * {@code safety} (a safety layer around the scene's robot, reset after the task's reset) when
     * present.
     */
    public static EpisodeStepper start(Task task, Scene scene, Optional<SafeRobot> safety, int episode, long seed,
            StepRecorder recorder) {
        EpisodeStepper e = new EpisodeStepper(task, scene, safety, episode, seed, recorder);
        scene.reset(seed);
        try {
            task.reset(scene, new SplittableRandom(seed));
        } catch (PlacementException ex) {
            e.result = new EpisodeResult(task.spec().id(), episode, seed, false, 0, 0, "unplaceable");
            return e;
        }
        safety.ifPresent(SafeRobot::reset);
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
        Action applied = robot.act(recorder.choose(scene, proposed));
        boolean stopped = false;
        if (safety.isPresent()) {
            List<SafetyEvent> events = safety.get().takeEvents();
            events.forEach(ev -> safetyEvents.merge(ev.kind().label(), 1, Integer::sum));
            recorder.safety(events);
            stopped = safety.get().stopped();
        }
        if (scene.step() != StepStatus.OK) {
            recorder.after(applied, 0, true, false);
            finish(false, steps, "diverged");
            return;
        }
        double r = task.reward(scene);
        reward += r;
        boolean success = task.success(scene);
        int horizon = task.spec().horizon();
        recorder.after(applied, r, success || stopped || steps == horizon, success);
        if (success) {
            finish(true, steps, "");
        } else if (stopped) {
            finish(false, steps, EpisodeResult.SAFETY_STOP);
        } else if (steps == horizon) {
            finish(false, horizon, "timeout");
        }
    }

    private void finish(boolean success, int steps, String failure) {
        result = new EpisodeResult(task.spec().id(), episode, seed, success, steps, reward, failure, safetyEvents);
    }
}
