package dev.mantis.sim.physics;

/**
 * Settings of a physics world.
 *
 * @param physicsHz physics steps per simulated second (e.g. 240 or more)
 * @param gravity gravity along world z, m/s² (negative: down)
 * @param solverIterations constraint-solver iterations per step
 */
public record PhysicsSettings(double physicsHz, double gravity, int solverIterations) {

    /** 240 Hz, standard gravity, 10 solver iterations (Bullet's default). */
    public static final PhysicsSettings DEFAULT = new PhysicsSettings(240, -9.81, 10);

    public PhysicsSettings {
        if (!(physicsHz >= 30 && physicsHz <= 20_000)) {
            throw new IllegalArgumentException("physics rate " + physicsHz + " Hz is outside 30..20000 Hz");
        }
        if (!Double.isFinite(gravity)) {
            throw new IllegalArgumentException("gravity must be finite, got " + gravity);
        }
        if (solverIterations < 1 || solverIterations > 1000) {
            throw new IllegalArgumentException("solver iterations " + solverIterations + " outside 1..1000");
        }
    }

    /** The physics time step, seconds. */
    public double dt() {
        return 1.0 / physicsHz;
    }

    /** These settings at another physics rate. */
    public PhysicsSettings withPhysicsHz(double hz) {
        return new PhysicsSettings(hz, gravity, solverIterations);
    }
}
