package dev.mantis.sim.task;

import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.robot.spec.Action;
import dev.mantis.sim.robot.SimRobot;
import dev.mantis.sim.scene.Scene;

/**
 * A closed-loop pushing oracle for {@code pd_ee_delta_pose} robots: the closed fingers are set
 * down behind the object on the line to the target, then every control step re-aim at the
 * object's current position, so a block that turns or drifts sideways is steered back onto the
 * line; when the object is at the target the hand lifts away.
 */
final class PushOracle implements Oracle {

    /** Largest move of the fingers per control step while pushing, metres. */
    static final double PUSH_STEP = 0.005;

    private final SimRobot robot;
    private final Transform T_world_base;
    private final String object;
    private final double[] goal;
    private final double reach;
    private final double height;
    /** The controller's target position (base frame), kept in step with every action sent. */
    private final double[] target = new double[3];
    private double yaw;
    private Oracle approach;
    private boolean approached;
    private boolean done;

    PushOracle(SimRobot robot, Transform T_world_base, String object, double[] goal, double reach, double height,
            Scene scene) {
        this.robot = robot;
        this.T_world_base = T_world_base;
        this.object = object;
        this.goal = goal.clone();
        this.reach = reach;
        this.height = height;
        approach = approachFrom(scene);
        double[] ee = robot.eePose();
        target[0] = ee[9];
        target[1] = ee[10];
        target[2] = ee[11];
        this.yaw = 0;
    }

    /** Lift, go above the point behind the object on its line to the target, set down there. */
    private Oracle approachFrom(Scene scene) {
        Vec3 o = scene.objectPose(object).translation();
        double[] u = direction(o);
        double startYaw = pusherYaw(u);
        Vec3 behind = new Vec3(o.x() - u[0] * (reach + 0.03), o.y() - u[1] * (reach + 0.03), height);
        double[] ee = robot.eePose();
        Vec3 now = T_world_base.apply(new Vec3(ee[9], ee[10], ee[11]));
        return new WaypointOracle(robot, T_world_base, java.util.List.of(
                new WaypointOracle.Waypoint(new Vec3(now.x(), now.y(), height + Task.APPROACH), startYaw, 0, 0),
                new WaypointOracle.Waypoint(new Vec3(behind.x(), behind.y(), height + Task.APPROACH), startYaw, 0, 2),
                new WaypointOracle.Waypoint(behind, startYaw, 0, 3)));
    }

    private double[] direction(Vec3 from) {
        double ux = goal[0] - from.x();
        double uy = goal[1] - from.y();
        double n = Math.max(1e-9, Math.hypot(ux, uy));
        return new double[] {ux / n, uy / n};
    }

    /** The closed pads push with their faces, whose normal is the hand's y axis (world y at yaw 0). */
    private static double pusherYaw(double[] u) {
        double yaw = Math.atan2(u[1], u[0]) - Math.PI / 2;
        return yaw - Math.PI * Math.round(yaw / Math.PI);
    }

    /** Whether the pusher is behind the object as seen from the target (within about 50 degrees). */
    private boolean behind(Vec3 o, Vec3 tool) {
        double[] u = direction(o);
        double bx = o.x() - tool.x();
        double by = o.y() - tool.y();
        double n = Math.max(1e-9, Math.hypot(bx, by));
        return (bx * u[0] + by * u[1]) / n > 0.64;
    }

    @Override
    public Action act(Scene scene) {
        Vec3 o = scene.objectPose(object).translation();
        Vec3 tool = T_world_base.apply(new Vec3(target[0], target[1], target[2]));
        approached = approached || (Math.hypot(tool.x() - o.x(), tool.y() - o.y()) < reach + 0.04
                && Math.abs(tool.z() - height) < 0.002);
        Action a;
        if (!approached) {
            a = approach.act(scene);
        } else if (done || Math.hypot(goal[0] - o.x(), goal[1] - o.y()) < 0.008) {
            done = true;
            a = new Action(0, 0, PUSH_STEP * 4, 0, 0, 0, 0); // lift away
        } else if (!behind(o, tool)) {
            approached = false; // the object got away to the side: go round behind it again
            approach = approachFrom(scene);
            a = approach.act(scene);
        } else {
            double[] u = direction(o);
            // just behind the object on its line to the target, a little inside it so the push advances
            double dx = o.x() - u[0] * (reach - 0.01) - tool.x();
            double dy = o.y() - u[1] * (reach - 0.01) - tool.y();
            double dz = height - tool.z();
            double n = Math.sqrt(dx * dx + dy * dy + dz * dz);
            double s = n > PUSH_STEP ? PUSH_STEP / n : 1;
            double turn = Math.max(-0.05, Math.min(0.05, pusherYaw(u) - yaw));
            a = new Action(dx * s, dy * s, dz * s, 0, 0, turn, 0); // the base frame is not rotated
        }
        target[0] += a.get(0);
        target[1] += a.get(1);
        target[2] += a.get(2);
        yaw += a.get(5);
        return a;
    }
}
