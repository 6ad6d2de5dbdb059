package dev.mantis.policies;

import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.Observation;

/** A policy: reset at episode start, then one action per control step. Not thread-safe. */
public interface Policy extends AutoCloseable {

    /** Starts an episode: clears recurrent state, queued actions and fault counts; seeds any sampling. */
    void reset(long seed);

    /**
     * The action for this control step. {@code observation}: the robot/task features (e.g.
     * {@code observation.state}, {@code observation.environment_state}); {@code goal}: the goal
     * features ({@code observation.goal.state}) or, for latent-goal policies, an observation of the
     * solved scene ({@code null} for a policy without goal). Never NaN or infinite.
     */
    Action act(Observation observation, Observation goal);

    /** Faults since the last reset (NaN/Inf outputs replaced by the last safe action, clamped elements). */
    PolicyFaults faults();

    /** Releases native resources (ONNX sessions); the policy cannot act afterwards. */
    @Override
    default void close() {
    }
}
