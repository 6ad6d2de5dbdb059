package dev.mantis.robot.model;

/**
 * Limits of a one-degree-of-freedom joint: position range (radians or metres; infinite for
 * continuous joints), effort (N·m or N) and velocity (rad/s or m/s) magnitudes.
 */
public record JointLimits(double lower, double upper, double effort, double velocity) {

    /** Limits with no bound on anything. */
    public static final JointLimits UNBOUNDED = new JointLimits(Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);

    /** Whether the position range is finite on both sides. */
    public boolean boundedPosition() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }

    /** {@code q} clamped into [lower, upper]. */
    public double clamp(double q) {
        return Math.max(lower, Math.min(upper, q));
    }
}
