package dev.mantis.sim.task;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.spatial.Rotations;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.robot.spec.Action;
import dev.mantis.sim.robot.SimRobot;
import dev.mantis.sim.scene.Scene;
import java.util.List;

/**
 * The oracle of the 16-DoF hand on the arm ({@code ur5e_allegro}, {@code pd_joint_pos}): a side
 * power grasp of a standing object, planned once from the object's pose at the episode's start
 * and played open loop. The palm stands upright facing away from the arm (turned to the nearest
 * face of a box or prism), index finger up; it descends from 12 cm above, the thumb swings out of
 * the palm, fingers and thumb wrap the object and squeeze by friction, the palm rises. Then, by
 * goal: hold (lift), or carry the object above its target (on the table, or on top of another
 * object), set it down and let go (place, stack).
 */
final class HandOracle implements Oracle {

    /** Index of the first hand joint in the 22-joint command. */
    static final int HAND_FIRST = 6;
    /** Palm orientation in the world before turning to the object: normal +x, index up, fingers -y. */
    private static final double[] R_WORLD_PALM = {1, 0, 0, 0, 0, -1, 0, 1, 0};
    /** Object centre in the palm frame at the grasp, metres. */
    private static final Vec3 P_PALM_OBJECT = new Vec3(0.04, -0.01, 0.05);
    /** Arm joints from which the pre-grasp IK starts (picks the elbow-up branch). */
    private static final double[] ARM_SEED = {0.191, -0.809, 1.682, -0.873, 3.333, 0.0};
    /*
     * Hand targets stay 0.06 rad inside the joint limits, clear of the safety layer's default
     * 0.05 rad margin, so that it has nothing to clamp.
     */
    /** Open fingers, thumb flat beside the palm (joint_12.0 near its lower limit). */
    private static final double[] THUMB_FLAT = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.323, -0.045, 0, 0};
    /** Open fingers, thumb swung out of the palm face (joint_12.0 near its upper limit). */
    private static final double[] THUMB_OUT = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.336, 0, 0, 0};
    /** Fingers and thumb curled past contact, so they squeeze. */
    private static final double[] WRAP = {0, 1.55, 1.55, 1.55, 0, 1.55, 1.55, 1.55, 0, 1.55, 1.55, 1.55, 1.336, 0, 1.4,
        1.4};
    /** Height of the pre-grasp above the grasp, metres. */
    private static final double APPROACH = 0.12;
    /** Palm speed while carrying, metres per control step (0.17 m/s at 20 Hz). */
    private static final double CARRY_STEP = 0.0085;
    /** Control steps per hand stage (0.4 s). */
    private static final int STAGE_STEPS = 8;

    private final Task task;
    private final double[] goal;
    private List<double[]> commands;
    private int next;
    /** Whether the stage after the lift has been planned. */
    private boolean placed;

    private HandOracle(Task task, double[] goal, List<double[]> commands) {
        this.task = task;
        this.goal = goal.clone();
        this.commands = commands;
    }

    /**
     * Plans the grasp of the current episode of {@code task} in {@code scene} (just reset);
     * {@code goal} is its goal state. What follows the lift is planned when the lift is done,
     * from where the object then sits in the hand.
     */
    static HandOracle create(Task task, Scene scene, double[] goal) {
        SimRobot robot = scene.robot(0);
        Transform T_world_object = scene.objectPose(task.movedObject());
        Vec3 c = T_world_object.translation();
        double[] R = turned(R_WORLD_PALM, faceYaw(task.spec().object(task.movedObject()).shape(),
                Task.yaw(T_world_object)));
        double[] q = new double[robot.articulation().tree().dof()];
        robot.articulation().configuration(q);
        PalmPath path = path(task, robot, q);
        Transform grasp = palmAt(R, c);
        path.jointMove(shifted(grasp, 0, 0, APPROACH), ARM_SEED, THUMB_FLAT, 20);
        path.line(grasp, 12);
        path.hold(4);
        path.hand(THUMB_OUT, STAGE_STEPS);
        path.hand(WRAP, STAGE_STEPS);
        path.hold(20);
        path.line(shifted(grasp, 0, 0, LIFT), steps(LIFT));
        path.hold(4);
        return new HandOracle(task, goal, path.commands());
    }

    /** How high the palm rises with the object, metres. */
    private static final double LIFT = 0.17;

    private static PalmPath path(Task task, SimRobot robot, double[] q) {
        return new PalmPath(robot.articulation().tree(), task.robot().profile().eeLink(), task.robot().T_world_base(),
                HAND_FIRST, q);
    }

    /**
     * After the lift, for place and stack: carry the object above its target (planned from where
     * it sits in the hand now: the grasp shifts it), lower it until it rests 5 mm lower than held,
     * let go. Null when there is nothing more to do.
     */
    private List<double[]> nextStage(Scene scene) {
        Goal g = task.spec().goal();
        if (placed || !(g instanceof Goal.Place || g instanceof Goal.Stack)) {
            return null;
        }
        placed = true;
        PalmPath path = path(task, scene.robot(0), commands.get(commands.size() - 1));
        Vec3 o = scene.objectPose(task.movedObject()).translation();
        Transform above = shifted(path.palm(), goal[0] - o.x(), goal[1] - o.y(), 0);
        path.line(above, steps(Math.hypot(goal[0] - o.x(), goal[1] - o.y())));
        double drop = o.z() - goal[2] - 0.005;
        path.line(shifted(above, 0, 0, -drop), steps(drop));
        letGo(path);
        return path.commands();
    }

    /** Opens the hand, backs the palm away from the object and up. */
    private static void letGo(PalmPath path) {
        path.hand(THUMB_OUT, STAGE_STEPS);
        path.hold(4);
        Transform T = path.palm();
        double[] R = T.rotationRowMajor();
        Transform back = shifted(T, -0.06 * R[0], -0.06 * R[3], -0.06 * R[6]);
        path.line(back, 8);
        path.line(shifted(back, 0, 0, 0.1), 12);
    }

    private static int steps(double distance) {
        return Math.max(1, (int) Math.round(distance / CARRY_STEP));
    }

    /** The palm pose grasping an object centred at {@code c} (world) with palm orientation {@code R}. */
    private static Transform palmAt(double[] R, Vec3 c) {
        Vec3 off = Transform.of(R, Vec3.ZERO).apply(P_PALM_OBJECT);
        return Transform.of(R, new Vec3(c.x() - off.x(), c.y() - off.y(), c.z() - off.z()));
    }

    private static Transform shifted(Transform T, double dx, double dy, double dz) {
        Vec3 p = T.translation();
        return Transform.of(T.rotationRowMajor(), new Vec3(p.x() + dx, p.y() + dy, p.z() + dz));
    }

    /** {@code R} turned about world z by {@code yaw}. */
    private static double[] turned(double[] R, double yaw) {
        double[] Rz = new double[9];
        Rotations.axisAngle(0, 0, 1, yaw, Rz, 0);
        double[] out = new double[9];
        Rotations.multiply(Rz, 0, R, 0, out, 0);
        return out;
    }

    /**
     * How far to turn the palm about world z so it meets the object as at yaw 0: the object's
     * yaw modulo its symmetry (a quarter turn for a box, one side for a prism), within half of
     * that; 0 for a round object.
     */
    static double faceYaw(Geometry shape, double yaw) {
        double symmetry;
        if (shape instanceof Geometry.Box) {
            symmetry = Math.PI / 2;
        } else if (shape instanceof Geometry.Prism p) {
            symmetry = 2 * Math.PI / p.sides();
        } else {
            return 0;
        }
        return yaw - symmetry * Math.round(yaw / symmetry);
    }

    @Override
    public Action act(Scene scene) {
        if (next == commands.size()) {
            List<double[]> more = nextStage(scene);
            if (more != null) {
                commands = more;
                next = 0;
            }
        }
        double[] command = commands.get(Math.min(next, commands.size() - 1));
        next++;
        return new Action(command);
    }
}
