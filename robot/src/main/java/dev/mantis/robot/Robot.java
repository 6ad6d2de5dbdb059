package dev.mantis.robot;

import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.ActionSpec;
import dev.mantis.robot.spec.Observation;
import dev.mantis.robot.spec.ObservationSpec;

/**
 * A robot as policies, recorders and episode loops see it, simulated or real alike: what it
 * observes, what it accepts, and the calls to observe and command it.
 */
public interface Robot extends AutoCloseable {

    /** The robot type, e.g. {@code panda}. */
    String robotType();

    /** The features {@link #observe()} returns. */
    ObservationSpec observationSpec();

    /** The controller and action vector {@link #act} accepts. */
    ActionSpec actionSpec();

    /** Connects to the robot (a no-op for one already connected). */
    void connect();

    /** The current observation. */
    Observation observe();

    /**
     * Commands an action. Out-of-range elements are clamped to the action spec's bounds; the
     * action actually applied is returned.
     *
     * @throws IllegalArgumentException for a wrong-length or non-finite action
     */
    Action act(Action action);

    /** Releases the robot (and any native or network resources). */
    @Override
    void close();
}
