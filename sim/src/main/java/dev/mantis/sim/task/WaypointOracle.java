package dev.mantis.sim.task;

import dev.mantis.robot.spatial.Rotations;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.robot.spec.Action;
import dev.mantis.sim.robot.SimRobot;
import dev.mantis.sim.scene.Scene;
import java.util.ArrayList;
import java.util.List;

/**
 * An oracle for {@code pd_ee_delta_pose} robots with a gripper: a list of waypoints (end-effector
 * position in the world frame, yaw about world z, gripper width), followed in straight lines at
 * most {@link #STEP} metres and {@link #TURN} radians per control step, each held for a few steps.
 */
public final class WaypointOracle implements Oracle {

    /** Largest move per control step, metres. */
    public static final double STEP = 0.02;
    /** Largest turn per control step, radians. */
    public static final double TURN = 0.1;

    /**
     * One waypoint: where the end effector goes (world frame), its yaw, the gripper width, the
     * steps to hold it, and the largest move per control step on the way there (metres).
     */
    public record Waypoint(Vec3 position, double yaw, double width, int holdSteps, double maxStep) {

        /** A waypoint approached at the default speed, {@link #STEP} per control step. */
        public Waypoint(Vec3 position, double yaw, double width, int holdSteps) {
            this(position, yaw, width, holdSteps, STEP);
        }
    }

    /** The measured end effector must be this close to a waypoint before the hold counts, metres. */
    public static final double REACHED = 0.004;
    /** Control steps to wait for the arm to catch up with a waypoint before moving on anyway. */
    public static final int PATIENCE = 30;

    private final SimRobot robot;
    private final Transform T_world_base;
    private final List<Waypoint> waypoints;
    private final double[] target;
    private double yaw;
    private int current;
    private int held;
    private int waited;

    /** Follows {@code waypoints} with {@code robot}, starting from its current end-effector pose. */
    public WaypointOracle(SimRobot robot, Transform T_world_base, List<Waypoint> waypoints) {
        this(robot, T_world_base, waypoints, robot.eePose(), 0);
    }

    /**
     * Follows {@code waypoints}, continuing from the controller's target pose {@code target}
     * (T_base_ee, 12 numbers) turned by {@code yaw} from where yaw was first counted.
     */
    public WaypointOracle(SimRobot robot, Transform T_world_base, List<Waypoint> waypoints, double[] target,
            double yaw) {
        this.robot = robot;
        this.T_world_base = T_world_base;
        this.waypoints = new ArrayList<>(waypoints);
        this.target = target.clone();
        this.yaw = yaw;
    }

    /** Whether every waypoint has been reached and held. */
    public boolean finished() {
        return current >= waypoints.size();
    }

    /** The controller's target pose now (T_base_ee, 12 numbers). */
    public double[] controllerTarget() {
        return target.clone();
    }

    /** The yaw turned so far, radians. */
    public double yaw() {
        return yaw;
    }

    private static double sq(double x) {
        return x * x;
    }

    @Override
    public Action act(Scene scene) {
        if (current >= waypoints.size()) {
            Waypoint last = waypoints.get(waypoints.size() - 1);
            return new Action(0, 0, 0, 0, 0, 0, last.width());
        }
        Waypoint w = waypoints.get(current);
        Vec3 goal = T_world_base.inverse().apply(w.position());
        double dx = goal.x() - target[9];
        double dy = goal.y() - target[10];
        double dz = goal.z() - target[11];
        double distance = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double s = distance > w.maxStep() ? w.maxStep() / distance : 1;
        double turn = Math.max(-TURN, Math.min(TURN, w.yaw() - yaw));
        target[9] += dx * s;
        target[10] += dy * s;
        target[11] += dz * s;
        yaw += turn;
        if (turn != 0) {
            double[] r = new double[9];
            Rotations.axisAngle(0, 0, 1, turn, r, 0);
            double[] out = new double[9];
            Rotations.multiply(r, 0, target, 0, out, 0);
            System.arraycopy(out, 0, target, 0, 9);
        }
        if (distance <= w.maxStep() && Math.abs(w.yaw() - yaw) < 1e-9) {
            double[] ee = robot.eePose();
            double lag = Math.sqrt(sq(ee[9] - goal.x()) + sq(ee[10] - goal.y()) + sq(ee[11] - goal.z()));
            waited++;
            if ((lag < REACHED || waited > PATIENCE) && ++held >= w.holdSteps()) {
                current++;
                held = 0;
                waited = 0;
            }
        }
        return new Action(dx * s, dy * s, dz * s, 0, 0, turn, w.width());
    }
}
