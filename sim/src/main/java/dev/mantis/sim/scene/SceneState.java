package dev.mantis.sim.scene;

/**
 * The full dynamic state of a scene at one instant, for {@link Scene#snapshot()} and
 * {@link Scene#restore}: simulated time, every robot's joint positions, velocities and drive
 * targets, every object's pose and velocity, every fixture's pose. Treat the arrays as read-only.
 *
 * @param time simulated seconds since the last reset
 * @param robotPositions per robot, per degree of freedom (rad or m)
 * @param robotVelocities per robot, per degree of freedom (rad/s or m/s)
 * @param robotTargets per robot, per degree of freedom, the drive's target position
 * @param objects per object 13 numbers: position (m), quaternion x y z w, linear velocity (m/s),
 *     angular velocity (rad/s), all in the world frame
 * @param fixtures per fixture 7 numbers: position (m) and quaternion x y z w, world frame
 */
public record SceneState(double time, double[][] robotPositions, double[][] robotVelocities, double[][] robotTargets,
        double[][] objects, double[][] fixtures) {
}
