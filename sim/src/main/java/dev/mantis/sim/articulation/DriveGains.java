package dev.mantis.sim.articulation;

/**
 * Gains of the joint drives, as a natural frequency and a damping ratio rather than raw
 * stiffness: each joint gets {@code kp = I w^2} and {@code kd = 2 zeta I w}, where I is its
 * effective inertia at the current configuration, so every joint responds like a second-order
 * system with the same frequency and damping whatever it carries.
 *
 * @param frequency natural frequency w, rad/s
 * @param dampingRatio zeta (1 = critically damped)
 * @param limitFrequency natural frequency of the stiff spring that pushes a joint back inside
 *     its position limits, rad/s
 * @param gripForce force (N) each finger of a gripper squeezes with once an object blocks it,
 *     capped by the finger joint's effort limit
 */
public record DriveGains(double frequency, double dampingRatio, double limitFrequency, double gripForce) {

    /** 30 rad/s, critically damped; limit spring at 120 rad/s; 20 N grip. */
    public static final DriveGains DEFAULT = new DriveGains(30, 1.0, 120, 20);

    public DriveGains {
        if (!(frequency > 0) || !(dampingRatio >= 0) || !(limitFrequency > 0) || !(gripForce >= 0)
                || !Double.isFinite(frequency + dampingRatio + limitFrequency + gripForce)) {
            throw new IllegalArgumentException("drive gains must be positive and finite: " + frequency + " rad/s, "
                    + "damping ratio " + dampingRatio + ", limit " + limitFrequency + " rad/s, grip " + gripForce + " N");
        }
    }
}
