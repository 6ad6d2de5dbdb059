package dev.mantis.robot.safety;

import dev.mantis.robot.Robot;
import dev.mantis.robot.kinematics.KinematicTree;
import dev.mantis.robot.kinematics.KinematicsWorkspace;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.spatial.Rotations;
import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.ActionSpec;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.robot.spec.Observation;
import dev.mantis.robot.spec.ObservationSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * A {@link Robot} behind the safety layer: every command passes the e-stop, the watchdog, the rate
 * limit, then joint (or end-effector) velocity, acceleration, position and workspace limits before
 * it reaches the wrapped robot. Each intervention is a {@link SafetyEvent}, given to the log sink
 * at once and kept until {@link #takeEvents}.
 *
 * <p>It understands the controllers {@code pd_joint_pos} (absolute joint targets),
 * {@code pd_joint_delta_pos} (changes from the current positions), {@code pd_joint_vel} (joint
 * velocities) and {@code pd_ee_delta_pose} (end-effector translation and rotation vector in the
 * base frame, accumulated into a target), each optionally followed by {@code gripper.width},
 * which passes unchanged. The wrapped robot must observe {@code observation.state} with one
 * element per commanded joint, named as the joint (then optionally {@code gripper.width}), with
 * timestamps on the same time base as {@code clock}.
 *
 * <ul>
 *   <li>Speeding up and reversing are limited by the acceleration limit; slowing down is not, so
 *       a ramp reaches its target without overshoot.</li>
 *   <li>For {@code pd_ee_delta_pose} the joint limits are the controller's (its inverse kinematics
 *       stays inside the URDF limits); the layer limits the end-effector speeds, acceleration and
 *       box.</li>
 *   <li>A command sooner than the minimum period is not forwarded; deltas are merged into the
 *       next command, absolute targets and velocities are superseded by it.</li>
 *   <li>The watchdog trips on a state older than the state timeout or a command later than the
 *       step timeout after the previous one, and stays tripped until {@link #reset}; the e-stop
 *       refuses commands while it is engaged. Both hold the last safe position (or, with
 *       {@link SafetySettings.OnTrip#STOP}, command it once and then send nothing): the
 *       position last observed when the stop came.</li>
 * </ul>
 *
 * <p>Values this layer changes are rounded to float32 (inside the action bounds), as datasets
 * store them; commands it does not change pass bit for bit. Not thread-safe: one control loop
 * calls it (the e-stop may be tripped from any thread).
 */
public final class SafeRobot implements Robot {

    private static final String STATE = "observation.state";
    private static final String GRIPPER = "gripper.width";
    private static final String[] EE_AXES = {"ee.x", "ee.y", "ee.z"};

    private enum Mode { POSITION, DELTA, VELOCITY, EE_DELTA }

    private final Robot robot;
    private final SafetyLimits limits;
    private final SafetySettings settings;
    private final DoubleSupplier clock;
    private final EStop estop;
    private final Consumer<SafetyEvent> log;
    private final Mode mode;
    private final FeatureSpec action;
    private final int n;
    private final int stateFeature;
    private final int[] stateIndex;
    private final int stateGripper;
    private final int gripper;
    private final KinematicTree tree;
    private final KinematicsWorkspace fk;
    private final int ee;
    private final int[] variable;
    private final double[] qTree;

    private final double[] q;
    private final double[] qCmd;
    private final double[] vCmd;
    private final double[] qHold;
    private final double[] out;
    private final double[] pending;
    private final double[] eeTarget = new double[12];
    private final double[] vEe = new double[3];
    private final double[] pose = new double[12];
    private final double[] turn = new double[9];
    private final double[] turned = new double[9];
    private final double[] dv = new double[3];
    private final double[] rotation = new double[3];
    private final double[] target;
    private final double[] base;
    private final double[] between;
    private final List<SafetyEvent> events = new ArrayList<>();
    private double lastCommand = Double.NaN;
    private double lastForward = Double.NaN;
    private boolean hasPending;
    private Action lastApplied;
    private String watchdogTrip;
    private boolean estopSeen;
    private boolean holdSent;
    private double gripperWidth;
    private boolean synced;
    private double resetTime;

    /**
     * The safety layer around {@code robot} (a model of which is {@code model}) with
     * {@code limits} for its commanded joints.
     *
     * @param clock seconds, on the time base of the robot's observation timestamps
     * @param estop the emergency stop to obey ({@link EStop#NONE} for none)
     * @param log told of each event as it happens
     * @throws IllegalArgumentException for a controller the layer does not know, or a robot whose
     *     observed state or action does not name the limits' joints
     */
    public SafeRobot(Robot robot, RobotModel model, SafetyLimits limits, DoubleSupplier clock, EStop estop,
            Consumer<SafetyEvent> log) {
        this.robot = robot;
        this.limits = limits;
        this.settings = limits.settings();
        this.clock = clock;
        this.estop = estop;
        this.log = log;
        this.action = robot.actionSpec().action();
        String controller = robot.actionSpec().controller();
        this.mode = switch (controller) {
            case "pd_joint_pos" -> Mode.POSITION;
            case "pd_joint_delta_pos" -> Mode.DELTA;
            case "pd_joint_vel" -> Mode.VELOCITY;
            case "pd_ee_delta_pose" -> Mode.EE_DELTA;
            default -> throw new IllegalArgumentException("the safety layer does not know controller '"
                    + controller + "'; it knows pd_joint_pos, pd_joint_delta_pos, pd_joint_vel, pd_ee_delta_pose");
        };
        List<String> joints = limits.joints();
        this.n = joints.size();
        this.stateFeature = robot.observationSpec().indexOf(STATE);
        List<String> stateNames = robot.observationSpec().features().get(stateFeature).names();
        this.stateIndex = new int[n];
        for (int k = 0; k < n; k++) {
            stateIndex[k] = stateNames.indexOf(joints.get(k));
            if (stateIndex[k] < 0) {
                throw new IllegalArgumentException("robot '" + robot.robotType() + "' does not observe joint '"
                        + joints.get(k) + "' in " + STATE + " " + stateNames);
            }
        }
        this.stateGripper = stateNames.indexOf(GRIPPER);
        List<String> actionNames = action.names();
        int arm = mode == Mode.EE_DELTA ? 6 : n;
        if (mode != Mode.EE_DELTA && !actionNames.subList(0, Math.min(n, actionNames.size())).equals(joints)) {
            throw new IllegalArgumentException(controller + " action " + actionNames + " does not start with the "
                    + "safety limits' joints " + joints);
        }
        this.gripper = actionNames.size() == arm + 1 && actionNames.get(arm).equals(GRIPPER) ? arm : -1;
        if (actionNames.size() != arm + (gripper >= 0 ? 1 : 0)) {
            throw new IllegalArgumentException(controller + " action " + actionNames + " has " + actionNames.size()
                    + " elements; the safety layer expects " + arm + " (then optionally " + GRIPPER + ")");
        }
        this.tree = KinematicTree.of(model);
        this.fk = tree.newWorkspace();
        this.ee = tree.linkIndex(limits.eeLink());
        this.variable = new int[n];
        for (int k = 0; k < n; k++) {
            variable[k] = tree.variableIndex(joints.get(k));
        }
        this.qTree = tree.neutralConfiguration();
        this.q = new double[n];
        this.qCmd = new double[n];
        this.vCmd = new double[n];
        this.qHold = new double[n];
        this.out = new double[action.size()];
        this.pending = new double[arm];
        this.target = new double[n];
        this.base = new double[n];
        this.between = new double[n];
    }

    /** The safety layer around {@code robot} with limits for its observed joints under {@code settings}. */
    public static SafeRobot of(Robot robot, RobotModel model, String eeLink, SafetySettings settings,
            DoubleSupplier clock, EStop estop, Consumer<SafetyEvent> log) {
        List<String> joints = new ArrayList<>(robot.observationSpec().feature(STATE).names());
        joints.remove(GRIPPER);
        return new SafeRobot(robot, model, SafetyLimits.of(model, eeLink, joints, settings), clock, estop, log);
    }

    @Override
    public String robotType() {
        return robot.robotType();
    }

    @Override
    public ObservationSpec observationSpec() {
        return robot.observationSpec();
    }

    @Override
    public ActionSpec actionSpec() {
        return robot.actionSpec();
    }

    /** The limits enforced. */
    public SafetyLimits limits() {
        return limits;
    }

    /** Connects the wrapped robot, then {@link #reset}s. */
    @Override
    public void connect() {
        robot.connect();
        reset();
    }

    @Override
    public Observation observe() {
        return robot.observe();
    }

    /**
     * Re-synchronises with the robot's current state (targets, speeds, the end-effector target,
     * the step timer; the first command's speed counts from the state's timestamp), clears a tripped watchdog and forgets undelivered events. An engaged e-stop
     * stays engaged: release it at its source.
     */
    public void reset() {
        Observation o = robot.observe();
        readState(o);
        resync();
        lastCommand = clock.getAsDouble();
        resetTime = Math.min(lastCommand, o.timestamp());
        lastForward = Double.NaN;
        lastApplied = null;
        watchdogTrip = null;
        estopSeen = estop.engaged();
        holdSent = false;
        events.clear();
        synced = true;
    }

    /** Whether commands are refused now (tripped watchdog or engaged e-stop). */
    public boolean stopped() {
        return watchdogTrip != null || estop.engaged();
    }

    /** Why commands are refused, empty when they are not. */
    public String stopReason() {
        if (estop.engaged()) {
            return "e-stop engaged (" + estop.reason() + ")";
        }
        return watchdogTrip == null ? "" : "watchdog: " + watchdogTrip;
    }

    /** The events since the last call (or the last reset), oldest first; clears them. */
    public List<SafetyEvent> takeEvents() {
        List<SafetyEvent> copy = List.copyOf(events);
        events.clear();
        return copy;
    }

    /**
     * Checks the watchdog and the e-stop between commands (a control loop's timer calls this);
     * on a new trip, commands the hold at once.
     *
     * @return whether commands are refused now
     */
    public boolean poll() {
        if (!synced) {
            reset();
        }
        double now = clock.getAsDouble();
        Observation o = robot.observe();
        if (checkStops(now, o, now - lastCommand) && !holdSent) {
            forwardHold(now);
        }
        return stopped();
    }

    @Override
    public Action act(Action command) {
        if (command.size() != action.size()) {
            throw new IllegalArgumentException(robot.actionSpec().controller() + " action needs " + action.size()
                    + " values " + action.names() + ", got " + command.size());
        }
        if (!command.isFinite()) {
            throw new IllegalArgumentException(robot.actionSpec().controller() + " action has a non-finite value: "
                    + command);
        }
        if (!synced) {
            reset();
        }
        double now = clock.getAsDouble();
        double sinceLast = now - lastCommand;
        lastCommand = now;
        Observation o = robot.observe();
        int before = events.size();
        if (checkStops(now, o, sinceLast)) {
            if (events.size() == before) {
                boolean byEstop = estop.engaged();
                event(now, byEstop ? SafetyEvent.Kind.ESTOP : SafetyEvent.Kind.WATCHDOG, "all", Double.NaN, Double.NaN,
                        "command refused: " + stopReason());
            }
            if (settings.onTrip() == SafetySettings.OnTrip.STOP && holdSent) {
                return noOp();
            }
            return forwardHold(now);
        }
        if (!Double.isNaN(lastForward) && now - lastForward < settings.minPeriod()) {
            for (int i = 0; i < pending.length; i++) {
                pending[i] = mode == Mode.DELTA || mode == Mode.EE_DELTA ? pending[i] + command.get(i) : 0;
            }
            hasPending = mode == Mode.DELTA || mode == Mode.EE_DELTA;
            event(now, SafetyEvent.Kind.RATE_LIMIT, "all", Double.NaN, Double.NaN, String.format(Locale.ROOT,
                    "command %.4f s after the last forwarded one (minimum period %.4f s): held%s", now - lastForward,
                    settings.minPeriod(), hasPending ? ", merged into the next" : ""));
            return noOp();
        }
        double dt = Math.max(settings.minPeriod(), Math.min(settings.stepTimeout(),
                now - (Double.isNaN(lastForward) ? resetTime : lastForward)));
        for (int i = 0; i < out.length; i++) {
            out[i] = command.get(i) + (hasPending && i < pending.length ? pending[i] : 0);
        }
        boolean merged = hasPending;
        hasPending = false;
        Arrays.fill(pending, 0);
        if (mode == Mode.EE_DELTA) {
            limitEe(now, dt, merged);
        } else {
            limitJoints(now, dt, merged);
        }
        Action applied = robot.act(merged ? new Action(out) : sameIfUnchanged(command));
        remember(applied, dt);
        lastForward = now;
        return applied;
    }

    /** {@code command} itself when the limits left {@link #out} equal to it, else {@link #out}. */
    private Action sameIfUnchanged(Action command) {
        for (int i = 0; i < out.length; i++) {
            if (Double.doubleToLongBits(out[i]) != Double.doubleToLongBits(command.get(i))) {
                return new Action(out);
            }
        }
        return command;
    }

    /**
     * Updates the watchdog and e-stop state from the observation {@code o} taken at {@code now},
     * {@code sinceLast} seconds after the previous command.
     *
     * @return whether commands are refused
     */
    private boolean checkStops(double now, Observation o, double sinceLast) {
        readState(o);
        double age = now - o.timestamp();
        boolean fresh = age <= settings.stateTimeout();
        if (watchdogTrip == null && !fresh) {
            trip(now, String.format(Locale.ROOT, "state is %.3f s old (limit %.3f s)", age, settings.stateTimeout()));
        } else if (watchdogTrip == null && sinceLast > settings.stepTimeout()) {
            trip(now, String.format(Locale.ROOT, "policy step came %.3f s after the previous one (limit %.3f s)",
                    sinceLast, settings.stepTimeout()));
        }
        boolean engaged = estop.engaged();
        if (engaged && !estopSeen) {
            if (watchdogTrip == null) {
                System.arraycopy(q, 0, qHold, 0, n);
                holdSent = false;
            }
            event(now, SafetyEvent.Kind.ESTOP, "all", Double.NaN, Double.NaN, "e-stop engaged (" + estop.reason()
                    + "): commands refused until it is reset; " + holdWords());
        } else if (!engaged && estopSeen && watchdogTrip == null) {
            resync();
            lastForward = Double.NaN;
            resetTime = Math.min(now, o.timestamp());
        }
        estopSeen = engaged;
        return stopped();
    }

    private void trip(double now, String why) {
        watchdogTrip = why;
        System.arraycopy(q, 0, qHold, 0, n);
        holdSent = false;
        event(now, SafetyEvent.Kind.WATCHDOG, "all", Double.NaN, Double.NaN, "watchdog tripped: " + why + "; "
                + holdWords() + " until reset");
    }

    private String holdWords() {
        return settings.onTrip() == SafetySettings.OnTrip.HOLD ? "holding position" : "stopping";
    }

    /** Targets and speeds from the current state: the robot holds where it is. */
    private void resync() {
        System.arraycopy(q, 0, qCmd, 0, n);
        Arrays.fill(vCmd, 0);
        Arrays.fill(vEe, 0);
        eePose(q, eeTarget);
        hasPending = false;
        Arrays.fill(pending, 0);
    }

    private void readState(Observation o) {
        for (int k = 0; k < n; k++) {
            q[k] = o.value(stateFeature, stateIndex[k]);
        }
        if (stateGripper >= 0) {
            gripperWidth = o.value(stateFeature, stateGripper);
        }
    }

    /** T_base_ee (12 numbers) of arm positions {@code positions}. */
    private void eePose(double[] positions, double[] T_base_ee) {
        for (int k = 0; k < n; k++) {
            qTree[variable[k]] = positions[k];
        }
        tree.forward(qTree, fk);
        fk.copyPose(ee, T_base_ee, 0);
    }

    /** Commands the hold (see {@link #holdAction}). */
    private Action forwardHold(double now) {
        holdSent = true;
        Action applied = robot.act(holdAction());
        remember(applied, settings.minPeriod());
        lastForward = now;
        return applied;
    }

    /**
     * The command that holds the arm where it was last observed when the stop came
     * ({@link #qHold}; zero velocity for velocity control), the gripper as last commanded.
     */
    private Action holdAction() {
        switch (mode) {
            case POSITION -> System.arraycopy(qHold, 0, out, 0, n);
            case DELTA -> {
                for (int k = 0; k < n; k++) {
                    out[k] = qHold[k] - q[k];
                }
            }
            case VELOCITY -> Arrays.fill(out, 0, n, 0);
            default -> {
                eePose(qHold, pose);
                for (int i = 0; i < 3; i++) {
                    out[i] = pose[9 + i] - eeTarget[9 + i];
                }
                Rotations.rotationError(pose, 0, eeTarget, 0, rotation);
                System.arraycopy(rotation, 0, out, 3, 3);
            }
        }
        if (gripper >= 0) {
            out[gripper] = lastApplied != null ? lastApplied.get(gripper) : gripperWidth;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = action.nearestFloat32(i, out[i]);
        }
        return new Action(out);
    }

    /**
     * What a command that was not forwarded amounts to (after at least one was): the last absolute
     * command, or no change.
     */
    private Action noOp() {
        if (mode == Mode.POSITION || mode == Mode.VELOCITY) {
            return lastApplied;
        }
        Arrays.fill(out, 0);
        if (gripper >= 0) {
            out[gripper] = lastApplied.get(gripper);
        }
        return new Action(out);
    }

    /** Updates targets and speeds after {@code applied} was forwarded {@code dt} seconds after the last. */
    private void remember(Action applied, double dt) {
        lastApplied = applied;
        if (mode == Mode.EE_DELTA) {
            for (int i = 0; i < 3; i++) {
                eeTarget[9 + i] += applied.get(i);
                vEe[i] = applied.get(i) / dt;
            }
            double rx = applied.get(3);
            double ry = applied.get(4);
            double rz = applied.get(5);
            double angle = Math.sqrt(rx * rx + ry * ry + rz * rz);
            if (angle > 0) {
                Rotations.axisAngle(rx / angle, ry / angle, rz / angle, angle, turn, 0);
                Rotations.multiply(turn, 0, eeTarget, 0, turned, 0);
                System.arraycopy(turned, 0, eeTarget, 0, 9);
            }
            return;
        }
        for (int k = 0; k < n; k++) {
            double target = switch (mode) {
                case POSITION -> applied.get(k);
                case DELTA -> q[k] + applied.get(k);
                default -> q[k] + applied.get(k) * dt;
            };
            vCmd[k] = mode == Mode.VELOCITY ? applied.get(k) : (target - (mode == Mode.POSITION ? qCmd[k] : q[k])) / dt;
            qCmd[k] = target;
        }
    }

    /** Limits the joint command in {@link #out} (arm elements) for a step of {@code dt} seconds. */
    private void limitJoints(double now, double dt, boolean merged) {
        for (int k = 0; k < n; k++) {
            double commanded = out[k];
            base[k] = mode == Mode.POSITION ? qCmd[k] : q[k];
            double x = switch (mode) {
                case POSITION -> commanded;
                case DELTA -> q[k] + commanded;
                default -> q[k] + commanded * dt;
            };
            double asked = x;
            double v = mode == Mode.VELOCITY ? commanded : (x - base[k]) / dt;
            SafetyEvent.Kind kind = null;
            String why = "";
            double vMax = limits.velocity(k);
            if (Math.abs(v) > vMax) {
                why = String.format(Locale.ROOT, "speed %.3f above the limit %.3f", Math.abs(v), vMax);
                v = Math.copySign(vMax, v);
                kind = SafetyEvent.Kind.VELOCITY_LIMIT;
            }
            double dvMax = limits.acceleration(k) * dt;
            boolean braking = v * vCmd[k] >= 0 && Math.abs(v) <= Math.abs(vCmd[k]);
            if (!braking && Math.abs(v - vCmd[k]) > dvMax) {
                why = String.format(Locale.ROOT, "speed change %.3f in %.3f s above the acceleration limit %.3f",
                        v - vCmd[k], dt, limits.acceleration(k));
                v = vCmd[k] + Math.copySign(dvMax, v - vCmd[k]);
                kind = SafetyEvent.Kind.ACCELERATION_LIMIT;
            }
            if (kind != null) {
                x = base[k] + v * dt;
            }
            if (x > limits.upper(k) || x < limits.lower(k)) {
                double bound = x > limits.upper(k) ? limits.upper(k) : limits.lower(k);
                why = String.format(Locale.ROOT, "target %.4f beyond the limit %.4f (with margin %.3f)", asked,
                        bound, settings.positionMargin());
                x = bound;
                kind = SafetyEvent.Kind.POSITION_LIMIT;
            }
            target[k] = x;
            if (kind != null) {
                out[k] = outputFor(k, x, dt);
                event(now, kind, limits.joints().get(k), commanded, out[k], why);
            }
        }
        if (limits.workspace().isPresent()) {
            keepInBox(now, dt, limits.workspace().get());
        }
        if (merged) {
            for (int k = 0; k < n; k++) {
                out[k] = action.nearestFloat32(k, out[k]);
            }
        }
    }

    /** The action element of joint {@code k} that makes its target {@code x}. */
    private double outputFor(int k, double x, double dt) {
        double v = switch (mode) {
            case POSITION -> x;
            case DELTA -> x - q[k];
            default -> (x - q[k]) / dt;
        };
        return action.nearestFloat32(k, v);
    }

    /**
     * Shortens the joint motion from {@link #base} to {@link #target} so that the end-effector
     * stays in {@code box}; a base already outside allows no motion.
     */
    private void keepInBox(double now, double dt, WorkspaceBox box) {
        eePose(target, pose);
        if (box.contains(pose[9], pose[10], pose[11])) {
            return;
        }
        int axis = violatedAxis(box, pose);
        double commanded = pose[9 + axis];
        double[] at = between;
        double lo = 0;
        double hi = 1;
        eePose(base, pose);
        if (box.contains(pose[9], pose[10], pose[11])) {
            for (int i = 0; i < 30; i++) {
                double mid = (lo + hi) / 2;
                for (int k = 0; k < n; k++) {
                    at[k] = base[k] + mid * (target[k] - base[k]);
                }
                eePose(at, pose);
                if (box.contains(pose[9], pose[10], pose[11])) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
        }
        for (int k = 0; k < n; k++) {
            at[k] = base[k] + lo * (target[k] - base[k]);
            out[k] = outputFor(k, at[k], dt);
        }
        eePose(at, pose);
        event(now, SafetyEvent.Kind.WORKSPACE, EE_AXES[axis], commanded, pose[9 + axis], String.format(Locale.ROOT,
                "end-effector target outside the workspace box [%.3f, %.3f] along %s: joint motion cut to %.0f%%",
                box.min(axis), box.max(axis), EE_AXES[axis], 100 * lo));
    }

    private static int violatedAxis(WorkspaceBox box, double[] T) {
        int worst = 0;
        double most = -1;
        for (int i = 0; i < 3; i++) {
            double p = T[9 + i];
            double beyond = Math.max(box.min(i) - p, p - box.max(i));
            if (beyond > most) {
                most = beyond;
                worst = i;
            }
        }
        return worst;
    }

    /** Limits the end-effector command in {@link #out} for a step of {@code dt} seconds. */
    private void limitEe(double now, double dt, boolean merged) {
        boolean changed = merged;
        double dNorm = Math.sqrt(out[0] * out[0] + out[1] * out[1] + out[2] * out[2]);
        double vMax = settings.eeSpeed();
        if (dNorm / dt > vMax) {
            double s = vMax * dt / dNorm;
            for (int i = 0; i < 3; i++) {
                out[i] *= s;
            }
            changed = true;
            event(now, SafetyEvent.Kind.VELOCITY_LIMIT, "ee.translation", dNorm / dt, vMax, String.format(Locale.ROOT,
                    "end-effector speed %.3f m/s above the limit %.3f m/s", dNorm / dt, vMax));
        }
        double dvNorm = 0;
        double dot = 0;
        double vPrev2 = 0;
        for (int i = 0; i < 3; i++) {
            dv[i] = out[i] / dt - vEe[i];
            dvNorm += dv[i] * dv[i];
            dot += out[i] / dt * vEe[i];
            vPrev2 += vEe[i] * vEe[i];
        }
        dvNorm = Math.sqrt(dvNorm);
        double aMax = settings.eeAcceleration();
        if (dvNorm > aMax * dt && !slowingDown(dot, vPrev2, dt)) {
            for (int i = 0; i < 3; i++) {
                out[i] = (vEe[i] + dv[i] * aMax * dt / dvNorm) * dt;
            }
            changed = true;
            event(now, SafetyEvent.Kind.ACCELERATION_LIMIT, "ee.translation", dvNorm / dt, aMax, String.format(
                    Locale.ROOT, "end-effector acceleration %.3f m/s² above the limit %.3f m/s²", dvNorm / dt, aMax));
        }
        double rNorm = Math.sqrt(out[3] * out[3] + out[4] * out[4] + out[5] * out[5]);
        double wMax = settings.eeAngularSpeed();
        if (rNorm / dt > wMax) {
            double s = wMax * dt / rNorm;
            for (int i = 3; i < 6; i++) {
                out[i] *= s;
            }
            changed = true;
            event(now, SafetyEvent.Kind.VELOCITY_LIMIT, "ee.rotation", rNorm / dt, wMax, String.format(Locale.ROOT,
                    "end-effector angular speed %.3f rad/s above the limit %.3f rad/s", rNorm / dt, wMax));
        }
        if (limits.workspace().isPresent()) {
            WorkspaceBox box = limits.workspace().get();
            for (int i = 0; i < 3; i++) {
                double from = eeTarget[9 + i];
                double p = from + out[i];
                double lo = Math.min(box.min(i), from);
                double hi = Math.max(box.max(i), from);
                if (p < lo || p > hi) {
                    double to = Math.max(lo, Math.min(hi, p));
                    out[i] = to - from;
                    changed = true;
                    event(now, SafetyEvent.Kind.WORKSPACE, EE_AXES[i], p, to, String.format(Locale.ROOT,
                            "end-effector target %.4f m outside the workspace box [%.3f, %.3f] along %s", p,
                            box.min(i), box.max(i), EE_AXES[i]));
                }
            }
        }
        if (changed) {
            for (int i = 0; i < 6; i++) {
                out[i] = action.nearestFloat32(i, out[i]);
            }
        }
    }

    /** Whether the new end-effector velocity only slows down along the previous one. */
    private boolean slowingDown(double dot, double vPrev2, double dt) {
        if (vPrev2 == 0) {
            return false;
        }
        double lambda = dot / vPrev2;
        double off = 0;
        for (int i = 0; i < 3; i++) {
            double r = out[i] / dt - lambda * vEe[i];
            off += r * r;
        }
        return lambda >= 0 && lambda <= 1 && off <= 1e-12 * vPrev2;
    }

    private void event(double now, SafetyEvent.Kind kind, String axis, double commanded, double applied,
            String reason) {
        SafetyEvent e = new SafetyEvent(now, kind, axis, commanded, applied, reason);
        events.add(e);
        log.accept(e);
    }

    /** Closes the wrapped robot. */
    @Override
    public void close() {
        robot.close();
    }
}
