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
 * @param objectRotations per object its rotation R_world_object as the physics engine holds it
 *     (9 numbers, row-major): {@link Scene#restore} sets it bit for bit, where the quaternion in
 *     {@code objects} would round
 * @param articulated per articulated object: its base pose (position, then rotation R_world_object row-major), then
 *     its joint positions, then its joint velocities
 */
public record SceneState(double time, double[][] robotPositions, double[][] robotVelocities, double[][] robotTargets,
        double[][] objects, double[][] fixtures, double[][] objectRotations, double[][] articulated) {

    /** A state of a scene without articulated objects. */
    public SceneState(double time, double[][] robotPositions, double[][] robotVelocities, double[][] robotTargets,
            double[][] objects, double[][] fixtures, double[][] objectRotations) {
        this(time, robotPositions, robotVelocities, robotTargets, objects, fixtures, objectRotations, new double[0][]);
    }

    /** A state whose object rotations are those of the quaternions in {@code objects}. */
    public SceneState(double time, double[][] robotPositions, double[][] robotVelocities, double[][] robotTargets,
            double[][] objects, double[][] fixtures) {
        this(time, robotPositions, robotVelocities, robotTargets, objects, fixtures, rotations(objects));
    }

    private static double[][] rotations(double[][] objects) {
        double[][] r = new double[objects.length][9];
        for (int i = 0; i < objects.length; i++) {
            double[] o = objects[i];
            dev.mantis.robot.spatial.Rotations.fromQuaternion(o[3], o[4], o[5], o[6], r[i], 0);
        }
        return r;
    }
}
