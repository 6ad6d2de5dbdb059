package dev.mantis.robot.safety;

import dev.mantis.robot.spatial.Vec3;

/** An axis-aligned box for the end-effector position, in the robot base frame, metres. */
public record WorkspaceBox(Vec3 min, Vec3 max) {

    public WorkspaceBox {
        if (!(min.x() <= max.x() && min.y() <= max.y() && min.z() <= max.z())) {
            throw new IllegalArgumentException("workspace box min " + min + " must be <= max " + max
                    + " on every axis");
        }
    }

    /** The lower bound along axis {@code i} (0 x, 1 y, 2 z). */
    public double min(int i) {
        return i == 0 ? min.x() : i == 1 ? min.y() : min.z();
    }

    /** The upper bound along axis {@code i} (0 x, 1 y, 2 z). */
    public double max(int i) {
        return i == 0 ? max.x() : i == 1 ? max.y() : max.z();
    }

    /** Whether position (x, y, z) lies in the box. */
    public boolean contains(double x, double y, double z) {
        return x >= min.x() && x <= max.x() && y >= min.y() && y <= max.y() && z >= min.z() && z <= max.z();
    }
}
