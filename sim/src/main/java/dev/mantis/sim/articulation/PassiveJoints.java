package dev.mantis.sim.articulation;

import dev.mantis.robot.model.Joint;

/**
 * The joints of an unactuated articulated object (a drawer, a door, a button), applied as joint
 * torques (N·m) or forces (N) at the physics rate: viscous damping and a smoothed Coulomb
 * friction from the URDF {@code <dynamics>}, an optional linear return spring per joint, and a
 * stiff one-sided spring (a mechanical stop) outside the position limits, as {@link JointDrives}
 * has. Allocation-free once built.
 */
public final class PassiveJoints {

    /** Speed (m/s or rad/s) over which friction rises to its full value; below it friction is viscous. */
    static final double FRICTION_SPEED = 0.01;
    /** Natural frequency of the mechanical stops, rad/s. */
    static final double STOP_FREQUENCY = 120;

    private final Articulation articulation;
    private final ArmDynamics dynamics;
    private final double[] damping;
    private final double[] friction;
    private final double[] stiffness;
    private final double[] rest;
    private final double[] lower;
    private final double[] upper;
    private final double[] position;

    /**
     * Passive joints of {@code articulation}; joint i has a spring of {@code stiffness[i]} (N/m
     * or N·m/rad, 0 for none) pulling it toward {@code rest[i]}.
     */
    public PassiveJoints(Articulation articulation, double[] stiffness, double[] rest) {
        this.articulation = articulation;
        this.dynamics = new ArmDynamics(articulation);
        int dof = articulation.dof();
        if (stiffness.length != dof || rest.length != dof) {
            throw new IllegalArgumentException("springs for " + stiffness.length + " joints; the object has " + dof);
        }
        this.stiffness = stiffness.clone();
        this.rest = rest.clone();
        damping = new double[dof];
        friction = new double[dof];
        lower = new double[dof];
        upper = new double[dof];
        position = new double[dof];
        for (int i = 0; i < dof; i++) {
            Joint j = articulation.joint(i);
            damping[i] = j.dynamics().damping();
            friction[i] = j.dynamics().friction();
            lower[i] = j.limits().lower();
            upper[i] = j.limits().upper();
        }
    }

    /** Lower position limit of joint {@code i}, metres or radians. */
    public double lower(int i) {
        return lower[i];
    }

    /** Upper position limit of joint {@code i}, metres or radians. */
    public double upper(int i) {
        return upper[i];
    }

    /** Computes and applies the joint forces for one physics step of {@code dt} seconds. */
    public void apply(double dt) {
        int dof = position.length;
        for (int i = 0; i < dof; i++) {
            position[i] = articulation.position(i);
        }
        dynamics.update(position);
        double wl = STOP_FREQUENCY;
        double limitScale = 1 / (1 + wl * wl * dt * dt + 2 * wl * dt);
        for (int i = 0; i < dof; i++) {
            double q = position[i];
            double v = articulation.velocity(i);
            double force = -damping[i] * v - friction[i] * Math.tanh(v / FRICTION_SPEED) + stiffness[i] * (rest[i] - q);
            double inertia = Math.max(dynamics.inertia(i), 1e-6);
            double predicted = q + dt * v;
            if (predicted < lower[i]) {
                force += inertia * (wl * wl * (lower[i] - predicted) - 2 * wl * v) * limitScale;
            } else if (predicted > upper[i]) {
                force += inertia * (wl * wl * (upper[i] - predicted) - 2 * wl * v) * limitScale;
            }
            articulation.addTorque(i, force);
        }
    }
}
