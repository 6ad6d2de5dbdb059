package dev.mantis.robot.model;

/**
 * The URDF {@code <safety_controller>}: soft position limits (radians or metres) and the gains
 * of the velocity bounds around them.
 */
public record SafetyController(double softLowerLimit, double softUpperLimit, double kPosition, double kVelocity) {
}
