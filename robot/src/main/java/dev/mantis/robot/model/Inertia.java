package dev.mantis.robot.model;

/** A symmetric rotational inertia tensor, kg·m², about the centre of mass in the inertial frame. */
public record Inertia(double ixx, double ixy, double ixz, double iyy, double iyz, double izz) {

    /** Whether the tensor is positive definite (Sylvester's criterion on leading minors). */
    public boolean isPositiveDefinite() {
        double m1 = ixx;
        double m2 = ixx * iyy - ixy * ixy;
        double m3 = ixx * (iyy * izz - iyz * iyz) - ixy * (ixy * izz - iyz * ixz) + ixz * (ixy * iyz - iyy * ixz);
        return m1 > 0 && m2 > 0 && m3 > 0;
    }
}
