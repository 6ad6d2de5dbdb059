package dev.mantis.sim.control;

import dev.mantis.robot.spec.FeatureSpec;

/**
 * Turns actions into joint-drive targets. {@link #command} runs once per control step with an
 * action already clamped to {@link #actionFeature()}'s bounds; {@link #beforePhysicsStep} runs
 * before every physics step.
 */
public interface Controller {

    /** The controller's name as robot-learning users know it, e.g. {@code pd_joint_pos}. */
    String name();

    /** The action vector this controller takes: element names, unit and bounds. */
    FeatureSpec actionFeature();

    /** Re-synchronises internal targets with the robot's current state (after a reset or restore). */
    void reset();

    /** Applies a clamped action. */
    void command(double[] action);

    /** Called before each physics step of {@code dt} seconds. */
    default void beforePhysicsStep(double dt) {
    }
}
