package dev.mantis.sim.task;

import dev.mantis.robot.safety.SafetyEvent;
import dev.mantis.robot.spec.Action;
import dev.mantis.sim.scene.Scene;
import java.util.List;

/**
 * Sees every control step of an episode that {@link EpisodeRunner} runs: the scene before the
 * step, the action actually applied, and the reward, end and success after it. It may also choose
 * the action that is applied in place of the policy's, e.g. the nearest one a dataset stores
 * exactly.
 */
public interface StepRecorder {

    /** Records nothing and applies the policy's actions unchanged. */
    StepRecorder NONE = new StepRecorder() {
    };

    /** After the task's reset, before the first step. */
    default void begin(Scene scene) {
    }

    /** Before step {@code step} (0-based), with the scene as the policy sees it. */
    default void before(Scene scene, int step) {
    }

    /**
     * The action to apply for the policy's {@code action}; the robot then clamps it. The returned
     * action must be a fixed point of clamping if what is recorded must replay exactly.
     */
    default Action choose(Scene scene, Action action) {
        return action;
    }

    /**
     * With the safety layer on, right before {@link #after}: the layer's events of the step (empty
     * when it let the command through unchanged).
     */
    default void safety(List<SafetyEvent> events) {
    }

    /** After the step: the action applied (clamped), the step's reward, whether the episode ends, success. */
    default void after(Action applied, double reward, boolean done, boolean success) {
    }
}
