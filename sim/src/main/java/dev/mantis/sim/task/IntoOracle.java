package dev.mantis.sim.task;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.robot.SimRobot;
import dev.mantis.sim.scene.Scene;
import java.util.ArrayList;
import java.util.List;

/**
 * The oracle of an {@link Goal.Into} goal: pick the object (a tall one near its top, so the
 * fingers stay above a pocket's walls), carry it above the site, turn it square to the fixture,
 * line it up over the site from its measured pose in the hand (twice, closing the loop on the
 * object, not the hand), lower it slowly (for a corner: set it down off the site and slide it
 * in), let go and retreat.
 */
final class IntoOracle {

    /** A tall object is gripped this far below its top, metres (the palm is 4.5 cm above the tool point). */
    static final double GRASP_BELOW_TOP = 0.02;
    /** The object's bottom is lined up this far above the fixture's top before going in, metres. */
    static final double HOVER = 0.01;
    /** Largest move per control step while lowering the object in, metres. */
    static final double INSERT_STEP = 0.004;
    /** How far past the site a slide goes along each of its axes, pressing on the walls, metres. */
    static final double PRESS = 0.002;
    /** The object is let go this far above where it rests, metres. */
    static final double DROP = 0.002;

    private IntoOracle() {
    }

    /** The oracle that puts object {@code name} into the goal's fixture, standing at {@code T_world_fixture}. */
    static Oracle create(SimRobot robot, TaskSpec spec, Goal.Into g, String name, Transform T_world_fixture) {
        TaskObject object = spec.object(name);
        TaskFixture fixture = spec.fixture(g.fixture());
        double fixtureYaw = Task.yaw(T_world_fixture);
        // carried with its bottom 4 cm above the fixture and every object
        double clearance = Math.max(fixture.top(), spec.objects().stream().mapToDouble(TaskObject::height).max()
                .orElse(0)) + 0.04;
        double hover = Math.max(fixture.top(), g.bottom()) + HOVER + object.restHeight();
        double seat = g.bottom() + object.restHeight() + DROP;
        boolean slides = g.slide()[0] != 0 || g.slide()[1] != 0;
        // where the object goes down: the site, or off it by the slide
        Vec3 over = T_world_fixture.apply(new Vec3(g.dx() + g.slide()[0], g.dy() + g.slide()[1], 0));
        // where a slide ends: just past the site, pressing on the walls
        Vec3 pressed = T_world_fixture.apply(new Vec3(g.dx() - Math.signum(g.slide()[0]) * PRESS,
                g.dy() - Math.signum(g.slide()[1]) * PRESS, 0));
        double release = Math.min(Task.OPEN, object.graspWidth() + 0.02);
        List<SequenceOracle.Stage> stages = new ArrayList<>();
        stages.add((scene, p, yaw) -> pick(scene, name, object, clearance, yaw));
        stages.add((scene, p, yaw) -> {
            Transform T = scene.objectPose(name);
            double turn = -yawError(object, Task.yaw(T), fixtureYaw);
            return List.of(new WaypointOracle.Waypoint(lineUp(robot, T, p, turn, over, clearance + object.restHeight()),
                    yaw + turn, 0, 2), new WaypointOracle.Waypoint(lineUp(robot, T, p, turn, over, hover), yaw + turn, 0,
                    6));
        });
        stages.add((scene, p, yaw) -> {
            Transform T = scene.objectPose(name);
            double turn = -yawError(object, Task.yaw(T), fixtureYaw);
            return List.of(new WaypointOracle.Waypoint(lineUp(robot, T, p, turn, over, hover), yaw + turn, 0, 6));
        });
        stages.add((scene, p, yaw) -> {
            Vec3 down = lineUp(robot, scene.objectPose(name), p, 0, over, seat);
            List<WaypointOracle.Waypoint> plan = new ArrayList<>();
            plan.add(new WaypointOracle.Waypoint(new Vec3(down.x(), down.y(), p.z()), yaw, 0, 3));
            plan.add(new WaypointOracle.Waypoint(down, yaw, 0, 4, INSERT_STEP));
            if (slides) {
                plan.add(new WaypointOracle.Waypoint(new Vec3(down.x() + pressed.x() - over.x(),
                        down.y() + pressed.y() - over.y(), down.z()), yaw, 0, 4, INSERT_STEP));
            }
            return plan;
        });
        stages.add((scene, p, yaw) -> List.of(new WaypointOracle.Waypoint(p, yaw, release, 6),
                new WaypointOracle.Waypoint(new Vec3(p.x(), p.y(), p.z() + Task.APPROACH), yaw, release, 1000)));
        return new SequenceOracle(robot, Task.ROBOT_BASE, stages);
    }

    /** Above the object open, down to the grasp height, close, lift its bottom to {@code clearance}. */
    private static List<WaypointOracle.Waypoint> pick(Scene scene, String name, TaskObject object, double clearance,
            double yaw) {
        Transform T = scene.objectPose(name);
        Vec3 o = T.translation();
        double grip = graspYaw(object, T, yaw);
        double graspZ = Math.max(o.z(), o.z() + object.restHeight() - GRASP_BELOW_TOP);
        double carry = graspZ - (o.z() - object.restHeight()) + clearance;
        List<WaypointOracle.Waypoint> plan = new ArrayList<>(close(new Vec3(o.x(), o.y(), graspZ), grip));
        plan.add(new WaypointOracle.Waypoint(new Vec3(o.x(), o.y(), carry), grip, 0, 2));
        return plan;
    }

    /** Down from above to {@code at} with the gripper open, then closed on the object. */
    static List<WaypointOracle.Waypoint> close(Vec3 at, double yaw) {
        return List.of(new WaypointOracle.Waypoint(new Vec3(at.x(), at.y(), at.z() + Task.APPROACH), yaw, Task.OPEN, 2),
                new WaypointOracle.Waypoint(at, yaw, Task.OPEN, 3),
                new WaypointOracle.Waypoint(at, yaw, 0, 8));
    }

    /**
     * The controller target that brings the held object's centre to (x, y) of {@code at} and
     * height {@code z}, the hand turned by {@code turn} about its tool point: the object's offset
     * from the measured tool point, turned, and the measured lag of the tool point behind the
     * controller target {@code p_world_target}.
     */
    private static Vec3 lineUp(SimRobot robot, Transform T_world_object, Vec3 p_world_target, double turn, Vec3 at,
            double z) {
        double[] T = robot.eePose();
        Vec3 tool = Task.ROBOT_BASE.apply(new Vec3(T[9], T[10], T[11]));
        Vec3 o = T_world_object.translation();
        double dx = o.x() - tool.x();
        double dy = o.y() - tool.y();
        double c = Math.cos(turn);
        double s = Math.sin(turn);
        double wantX = at.x() - (c * dx - s * dy);
        double wantY = at.y() - (s * dx + c * dy);
        double wantZ = z - (o.z() - tool.z());
        return new Vec3(p_world_target.x() + wantX - tool.x(), p_world_target.y() + wantY - tool.y(),
                p_world_target.z() + wantZ - tool.z());
    }

    /**
     * Yaw of a top grasp: across the nearest faces of a square box, across the narrow faces of
     * an oblong one; a round object is taken at the yaw the hand has, {@code yaw}.
     */
    static double graspYaw(TaskObject object, Transform T_world_object, double yaw) {
        if (!(object.shape() instanceof Geometry.Box b)) {
            return yaw;
        }
        if (object.yawPeriod() < Math.PI) {
            return Task.graspYaw(T_world_object);
        }
        // the fingers close along the hand's y: along the box's y at the box's yaw
        double grip = Task.yaw(T_world_object) + (b.size().y() <= b.size().x() ? 0 : Math.PI / 2);
        return grip - Math.PI * Math.round(grip / Math.PI);
    }

    /**
     * How far {@code yaw} is turned from {@code target}, modulo the object's symmetry
     * ({@link TaskObject#yawPeriod}), radians; 0 for a round object.
     */
    static double yawError(TaskObject object, double yaw, double target) {
        double period = object.yawPeriod();
        if (period == 0) {
            return 0;
        }
        double e = yaw - target;
        return e - period * Math.round(e / period);
    }
}
