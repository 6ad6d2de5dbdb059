package dev.mantis.sim.task;

import dev.mantis.robot.model.Joint;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.scene.Scene;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the {@link Goal.Articulate} goal needs at run time: the start draw, success, reward and
 * the oracle's plan (closed gripper to the site from above, then along the joint).
 */
final class ArticulateGoals {

    /** Control steps the oracle holds its last waypoint (the rest of the episode). */
    static final int HOLD = 1000;
    /** Largest move per control step along the joint, metres: slow enough to keep contact. */
    static final double DRIVE_STEP = 0.01;

    private ArticulateGoals() {
    }

    /** Sets the joint to a start drawn from the goal's start range; returns the goal state (x, y, z). */
    static double[] reset(TaskSpec spec, Goal.Articulate g, Scene scene, SplittableRandom rng) {
        scene.setObjectJoint(g.object(), g.joint(), StartPoses.draw(rng, g.start()));
        return site(spec, g, scene);
    }

    /** The goal state (x, y, z): the site where the goal drives the joint, as the object stands now. */
    static double[] site(TaskSpec spec, Goal.Articulate g, Scene scene) {
        Vec3 at = site(spec, g, scene, g.driveTo());
        return new double[] {at.x(), at.y(), at.z()};
    }

    /**
     * The oracle's tool point when the joint is at {@code q} (world frame): the goal's site, in
     * the joint frame at joint value 0, moved along the joint's axis by {@code q} (a prismatic
     * joint) or turned about it (a revolute one).
     */
    static Vec3 site(TaskSpec spec, Goal.Articulate g, Scene scene, double q) {
        Joint joint = spec.articulated(g.object()).model().joint(g.joint()).orElseThrow();
        Vec3 a = joint.axis();
        Transform T_joint_moved = joint.type() == dev.mantis.robot.model.JointType.PRISMATIC
                ? Transform.translation(new Vec3(a.x() * q, a.y() * q, a.z() * q))
                : Transform.of(axisAngle(a, q), Vec3.ZERO);
        Vec3 site = new Vec3(g.site()[0], g.site()[1], g.site()[2]);
        return scene.articulatedPose(g.object()).compose(joint.origin()).compose(T_joint_moved).apply(site);
    }

    private static double[] axisAngle(Vec3 a, double angle) {
        double[] r = new double[9];
        dev.mantis.robot.spatial.Rotations.axisAngle(a.x(), a.y(), a.z(), angle, r, 0);
        return r;
    }

    /** Whether the joint lies in the target range. */
    static boolean success(Goal.Articulate g, Scene scene) {
        double q = scene.objectJoint(g.object(), g.joint());
        return q >= g.target()[0] && q <= g.target()[1];
    }

    /**
     * Dense reward in [0, 1]: the mean of the tool point approaching the site (where it is now)
     * and of the joint's progress from its start toward the target range.
     */
    static double reward(TaskSpec spec, Goal.Articulate g, Scene scene, double[] ee, double start) {
        double q = scene.objectJoint(g.object(), g.joint());
        Vec3 site = site(spec, g, scene, q);
        double reach = 1 - Math.tanh(5 * Math.sqrt(sq(ee[0] - site.x()) + sq(ee[1] - site.y()) + sq(ee[2] - site.z())));
        double goal = g.driveTo() > start ? g.target()[0] : g.target()[1];
        double progress = goal == start ? 1 : Math.max(0, Math.min(1, (q - start) / (goal - start)));
        return 0.5 * reach + 0.5 * progress;
    }

    private static double sq(double x) {
        return x * x;
    }

    /**
     * Above the site with the gripper closed (its fingers across the object's y axis), down to
     * it, then along the joint to {@code driveTo}, held.
     */
    static List<WaypointOracle.Waypoint> plan(TaskSpec spec, Goal.Articulate g, Scene scene) {
        double q = scene.objectJoint(g.object(), g.joint());
        Vec3 at = site(spec, g, scene, q);
        Vec3 to = site(spec, g, scene, g.driveTo());
        double yaw = Task.yaw(scene.articulatedPose(g.object()));
        Vec3 above = new Vec3(at.x(), at.y(), at.z() + Task.APPROACH);
        return List.of(new WaypointOracle.Waypoint(above, yaw, 0, 2),
                new WaypointOracle.Waypoint(at, yaw, 0, 3),
                new WaypointOracle.Waypoint(to, yaw, 0, HOLD, DRIVE_STEP));
    }
}
