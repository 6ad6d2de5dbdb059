package dev.mantis.robot.kinematics;

/**
 * The outcome of one inverse-kinematics solve. The configuration itself is written into the
 * caller's array; it is within joint limits whether or not the solve converged.
 *
 * @param converged whether both errors are within the tolerances
 * @param positionError remaining position error, metres
 * @param orientationError remaining orientation error, radians (0 when solving for position only)
 * @param iterations iterations used over all attempts
 * @param attempts attempts made (1 + restarts used)
 */
public record IkResult(boolean converged, double positionError, double orientationError, int iterations,
        int attempts) {
}
