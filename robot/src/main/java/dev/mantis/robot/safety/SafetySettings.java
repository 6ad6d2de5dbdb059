package dev.mantis.robot.safety;

import java.util.Optional;

/**
 * The tunable part of the safety layer, as a safety YAML file gives it; {@link SafetyLimits#of}
 * turns it and a robot's URDF into limits.
 *
 * @param positionMargin distance kept inside each joint's URDF position limits (or its
 *     {@code safety_controller} soft limits where tighter), rad or m
 * @param velocityScale fraction of each joint's URDF velocity limit a command may use
 * @param acceleration joint acceleration limit of commands, rad/s² or m/s²
 * @param eeSpeed end-effector translation speed limit, m/s
 * @param eeAcceleration end-effector translation acceleration limit, m/s²
 * @param eeAngularSpeed end-effector rotation speed limit, rad/s
 * @param workspace the end-effector box in the base frame; empty: the box around the arm's reach,
 *     above the base plane
 * @param maxRateHz most commands per second; sooner ones are held and merged into the next
 * @param stateTimeout oldest state the robot may act on, seconds
 * @param stepTimeout longest time between two commands (a late policy step), seconds
 * @param onTrip what the watchdog and the e-stop do
 */
public record SafetySettings(double positionMargin, double velocityScale, double acceleration, double eeSpeed,
        double eeAcceleration, double eeAngularSpeed, Optional<WorkspaceBox> workspace, double maxRateHz,
        double stateTimeout, double stepTimeout, OnTrip onTrip) {

    /** What a tripped watchdog or engaged e-stop does. */
    public enum OnTrip {
        /** Keep commanding the last safe position. */
        HOLD,
        /** Command the last safe position once, then send nothing (drivers that stop without commands). */
        STOP
    }

    /**
     * The default settings: 0.05 rad (or m) inside the joint limits, the URDF velocities, 10 rad/s²,
     * the end-effector at most 1 m/s, 20 m/s² and 2.5 rad/s inside the reach box, at most 500
     * commands per second, state at most 0.1 s old and a command at least every 0.25 s, holding on a
     * trip.
     */
    public static final SafetySettings DEFAULT = new SafetySettings(0.05, 1.0, 10.0, 1.0, 20.0, 2.5,
            Optional.empty(), 500, 0.1, 0.25, OnTrip.HOLD);

    public SafetySettings {
        positive("velocity scale", velocityScale);
        positive("acceleration", acceleration);
        positive("end-effector speed", eeSpeed);
        positive("end-effector acceleration", eeAcceleration);
        positive("end-effector angular speed", eeAngularSpeed);
        positive("max rate", maxRateHz);
        positive("state timeout", stateTimeout);
        positive("step timeout", stepTimeout);
        if (!(positionMargin >= 0) || Double.isInfinite(positionMargin)) {
            throw new IllegalArgumentException("position margin must be >= 0, got " + positionMargin);
        }
    }

    private static void positive(String what, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(what + " must be > 0, got " + v);
        }
    }

    /** The minimum period between forwarded commands, seconds. */
    public double minPeriod() {
        return 1 / maxRateHz;
    }
}
