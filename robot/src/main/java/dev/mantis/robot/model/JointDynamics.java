package dev.mantis.robot.model;

/** Joint damping (N·m·s/rad or N·s/m) and static friction (N·m or N), from URDF {@code <dynamics>}. */
public record JointDynamics(double damping, double friction) {

    /** No damping and no friction (the URDF default). */
    public static final JointDynamics NONE = new JointDynamics(0, 0);
}
