package dev.mantis.robot.kinematics;

/**
 * Settings of {@link InverseKinematics}.
 *
 * @param positionTolerance converged when the position error is below this, metres
 * @param orientationTolerance converged when the orientation error is below this, radians
 * @param orientationWeight weight of orientation error against position error, metres per
 *     radian; 0 solves for position only
 * @param maxIterations iterations per attempt
 * @param restarts further attempts from seeded random in-limit configurations after the first
 * @param damping base damping of the least-squares step (metres)
 * @param nullSpaceGain gain pulling redundant joints toward the rest posture, per iteration
 * @param maxStep largest change of any variable in one iteration (radians or metres)
 * @param seed seed of the restart sequence; the same inputs always give the same answer
 */
public record IkSettings(double positionTolerance, double orientationTolerance, double orientationWeight,
        int maxIterations, int restarts, double damping, double nullSpaceGain, double maxStep, long seed) {

    /** 0.1 mm, 0.1 mrad, 150 iterations, 20 restarts. */
    public static final IkSettings DEFAULT = new IkSettings(1e-4, 1e-4, 1.0, 150, 20, 1e-3, 0.05, 0.4, 42);

    public IkSettings {
        if (!(positionTolerance > 0) || !(orientationTolerance > 0) || !(orientationWeight >= 0)
                || maxIterations < 1 || restarts < 0 || !(damping >= 0) || !(nullSpaceGain >= 0)
                || !(maxStep > 0)) {
            throw new IllegalArgumentException("invalid IK settings: tolerances " + positionTolerance + " m, "
                    + orientationTolerance + " rad (> 0), orientation weight " + orientationWeight + " (>= 0), "
                    + maxIterations + " iterations (>= 1), " + restarts + " restarts (>= 0), damping " + damping
                    + " (>= 0), null-space gain " + nullSpaceGain + " (>= 0), max step " + maxStep + " (> 0)");
        }
    }

    /** These settings with orientation ignored. */
    public IkSettings positionOnly() {
        return new IkSettings(positionTolerance, orientationTolerance, 0, maxIterations, restarts, damping,
                nullSpaceGain, maxStep, seed);
    }
}
