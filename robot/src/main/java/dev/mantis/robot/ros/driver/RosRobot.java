package dev.mantis.robot.ros.driver;

import dev.mantis.robot.Robot;
import dev.mantis.robot.kinematics.DeltaPoseTarget;
import dev.mantis.robot.kinematics.KinematicTree;
import dev.mantis.robot.kinematics.KinematicsWorkspace;
import dev.mantis.robot.model.ArmJoints;
import dev.mantis.robot.model.Joint;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.ros.RosException;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.Subscriber;
import dev.mantis.robot.ros.msg.RosTime;
import dev.mantis.robot.ros.msg.sensor_msgs.JointState;
import dev.mantis.robot.ros.msg.std_msgs.Bool;
import dev.mantis.robot.safety.EStopLatch;
import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.ActionSpec;
import dev.mantis.robot.spec.ArmActions;
import dev.mantis.robot.spec.ArmObservations;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.robot.spec.Observation;
import dev.mantis.robot.spec.ObservationSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A robot driven over ROS 1 through its driver's topics, as a {@link RosProfile} describes them.
 * It observes and accepts exactly what the simulated robot of the same model does (the same
 * features, names and bounds), so a policy cannot tell them apart: {@code observation.state} (arm
 * joints, then the gripper width), {@code observation.velocity}, {@code observation.effort} and
 * {@code observation.ee_pose} (forward kinematics of the observed joints, base frame).
 *
 * <p>Actions of {@code pd_joint_pos}, {@code pd_joint_delta_pos} and {@code pd_ee_delta_pose} are
 * turned here into joint position targets (the end-effector controller's inverse kinematics runs
 * on this side, as {@link DeltaPoseTarget}) and published on the profile's command topics.
 * Observation timestamps are the joint states' header stamps. The profile's e-stop topic trips
 * {@link #estop()}. The control loop waits for fresh state with {@link #awaitState}, which tells
 * a late state from a lost robot (its state publishers gone).
 */
public final class RosRobot implements Robot {

    /** What {@link #awaitState} found. */
    public enum StateWait {
        /** A state at least as new as asked arrived. */
        FRESH,
        /** None arrived within the timeout. */
        LATE,
        /** Every publisher of a state topic disconnected. */
        LOST
    }

    private final RosNode node;
    private final RosProfile profile;
    private final String robotType;
    private final ArmJoints groups;
    private final KinematicTree tree;
    private final KinematicsWorkspace fk;
    private final int ee;
    private final DeltaPoseTarget eeTarget;
    private final String controller;
    private final ObservationSpec observationSpec;
    private final ActionSpec actionSpec;
    private final JointStateBoard board;
    private final List<Subscriber<JointState>> stateSubscribers = new ArrayList<>();
    private final List<CommandPublisher> commands = new ArrayList<>();
    private final Subscriber<Bool> estopSubscriber;
    private final EStopLatch estop = new EStopLatch();
    private final List<String> boardJoints;
    private final int[] armSlot;
    private final int gripperSlot;
    private final int[] variableOfSlot;
    private final double[] position;
    private final double[] velocity;
    private final double[] effort;
    private final double[] q;
    private final double[] qSolution;
    private final double[] targets;
    private final double[] T_base_ee = new double[12];
    private final double period;
    private boolean everConnected;

    /**
     * A robot of model {@code model} behind the driver {@code profile} describes, through
     * {@code node}, with controller {@code controller} at {@code controlHz}.
     *
     * @param eeLink the link whose pose is {@code observation.ee_pose}
     * @param gripperJoint the gripper's leading joint, if the robot has a gripper
     * @throws IllegalArgumentException if the profile does not observe or command a joint of the
     *     model's arm or gripper, names a joint the model lacks, or the controller is unknown
     */
    public RosRobot(RosNode node, RosProfile profile, RobotModel model, String eeLink, Optional<String> gripperJoint,
            String controller, double controlHz) {
        this.node = node;
        this.profile = profile;
        this.robotType = profile.robot();
        this.controller = controller;
        this.period = 1 / controlHz;
        this.groups = ArmJoints.of(model, gripperJoint);
        this.tree = KinematicTree.of(model);
        this.fk = tree.newWorkspace();
        this.ee = tree.linkIndex(eeLink);
        this.eeTarget = new DeltaPoseTarget(tree, eeLink);
        List<String> controlled = new ArrayList<>(groups.arm());
        gripperJoint.ifPresent(controlled::add);
        check(model, profile.stateJoints(), controlled, "observe", "state topics");
        check(model, profile.commandJoints(), controlled, "command", "command topics");
        this.boardJoints = controlled;
        this.board = new JointStateBoard(boardJoints, profile.states().size());
        this.armSlot = new int[groups.arm().size()];
        for (int k = 0; k < armSlot.length; k++) {
            armSlot[k] = k;
        }
        this.gripperSlot = gripperJoint.isPresent() ? armSlot.length : -1;
        this.variableOfSlot = new int[boardJoints.size()];
        for (int i = 0; i < variableOfSlot.length; i++) {
            variableOfSlot[i] = tree.variableIndex(boardJoints.get(i));
        }
        this.position = new double[boardJoints.size()];
        this.velocity = new double[boardJoints.size()];
        this.effort = new double[boardJoints.size()];
        this.targets = new double[boardJoints.size()];
        this.q = tree.neutralConfiguration();
        this.qSolution = new double[tree.dof()];
        double[] gripperBounds = gripperJoint.map(g -> {
            Joint j = model.joint(g).orElseThrow();
            return new double[] {groups.widthScale() * j.limits().lower(), groups.widthScale() * j.limits().upper()};
        }).orElse(null);
        this.observationSpec = observationSpec(model, gripperBounds);
        this.actionSpec = new ActionSpec(controller, actionFeature(model, controller, gripperBounds));
        for (int t = 0; t < profile.states().size(); t++) {
            int topic = t;
            Subscriber<JointState> s = node.subscribe(profile.states().get(t).topic(), JointState.TYPE,
                    msg -> board.accept(topic, msg), 4);
            stateSubscribers.add(s);
        }
        for (CommandChannel c : profile.commands()) {
            int[] slots = c.joints().stream().mapToInt(boardJoints::indexOf).toArray();
            commands.add(new CommandPublisher(node, c, slots, groups.widthScale(), period));
        }
        this.estopSubscriber = node.subscribe(profile.estopTopic(), Bool.TYPE, msg -> {
            if (msg.data) {
                estop.trip("e-stop engaged on " + profile.estopTopic());
            }
        }, 1);
    }

    private void check(RobotModel model, List<String> profileJoints, List<String> controlled, String verb,
            String where) {
        for (String name : profileJoints) {
            if (model.joint(name).isEmpty()) {
                throw new IllegalArgumentException("profile '" + profile.name() + "' names joint '" + name
                        + "' that robot '" + robotType + "' does not have; its joints: " + controlled);
            }
        }
        for (String name : controlled) {
            if (!profileJoints.contains(name)) {
                throw new IllegalArgumentException("profile '" + profile.name() + "' does not " + verb + " joint '"
                        + name + "' of robot '" + robotType + "'; add it to the profile's " + where);
            }
        }
    }

    private ObservationSpec observationSpec(RobotModel model, double[] gripperBounds) {
        List<String> names = new ArrayList<>(groups.arm());
        int n = names.size() + (gripperBounds != null ? 1 : 0);
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int k = 0; k < groups.arm().size(); k++) {
            Joint j = model.joint(groups.arm().get(k)).orElseThrow();
            lower[k] = j.limits().lower();
            upper[k] = j.limits().upper();
        }
        if (gripperBounds != null) {
            names.add(ArmActions.GRIPPER_WIDTH);
            lower[n - 1] = gripperBounds[0];
            upper[n - 1] = gripperBounds[1];
        }
        return ArmObservations.spec(names, lower, upper);
    }

    private FeatureSpec actionFeature(RobotModel model, String name, double[] gripperBounds) {
        int n = groups.arm().size();
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int k = 0; k < n; k++) {
            Joint j = model.joint(groups.arm().get(k)).orElseThrow();
            lower[k] = j.limits().lower();
            upper[k] = j.limits().upper();
        }
        return switch (name) {
            case "pd_joint_pos" -> ArmActions.joint(groups.arm(), lower, upper, false, gripperBounds);
            case "pd_joint_delta_pos" -> ArmActions.joint(groups.arm(), lower, upper, true, gripperBounds);
            case "pd_ee_delta_pose" -> ArmActions.eeDelta(gripperBounds);
            default -> throw new IllegalArgumentException("a robot over ROS takes pd_joint_pos, pd_joint_delta_pos or "
                    + "pd_ee_delta_pose actions (the driver gets joint positions), not " + name);
        };
    }

    @Override
    public String robotType() {
        return robotType;
    }

    /** The profile this robot is driven by. */
    public RosProfile profile() {
        return profile;
    }

    @Override
    public ObservationSpec observationSpec() {
        return observationSpec;
    }

    @Override
    public ActionSpec actionSpec() {
        return actionSpec;
    }

    /** The e-stop the profile's e-stop topic trips; give it to the safety layer. */
    public EStopLatch estop() {
        return estop;
    }

    /**
     * Waits up to {@code timeoutSeconds} (wall clock) for the driver: every state topic has
     * published every joint and every command topic has a subscriber.
     *
     * @throws RosException naming what is missing when the time is up
     */
    public void connect(double timeoutSeconds) {
        long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
        try {
            while (System.nanoTime() < deadline // a publisher lost on the way may come back
                    && awaitState(Double.NEGATIVE_INFINITY, (deadline - System.nanoTime()) / 1e9) != StateWait.FRESH) {
                Thread.sleep(5);
            }
            while (System.nanoTime() < deadline && commands.stream().anyMatch(c -> c.subscriberCount() == 0)) {
                Thread.sleep(5); // polling: publishers tell no one when a subscriber connects
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!board.complete()) {
            throw new RosException(String.format(Locale.ROOT, "no joint states for %s of robot '%s' on %s within "
                    + "%.1f s; is the driver (profile '%s') running?", board.missing(), robotType,
                    profile.states().stream().map(StateTopic::topic).toList(), timeoutSeconds, profile.name()));
        }
        for (CommandPublisher c : commands) {
            if (c.subscriberCount() == 0) {
                throw new RosException(String.format(Locale.ROOT, "nothing subscribes to the command topic %s "
                        + "(%s) within %.1f s; is the driver's controller (profile '%s') running?",
                        c.channel().topic(), c.channel().type().rosType(), timeoutSeconds, profile.name()));
            }
        }
    }

    /**
     * Forgets the states heard so far, so that {@link #connect} waits for new ones: call it before
     * waiting for a driver that went away to come back.
     */
    public void forgetState() {
        board.forget();
        everConnected = false;
    }

    /** {@link #connect(double)} with 10 seconds. */
    @Override
    public void connect() {
        connect(10);
    }

    /**
     * Waits for a joint state stamped {@code stamp} seconds or later on every state topic, for at
     * most {@code timeoutSeconds} of wall-clock time.
     */
    public StateWait awaitState(double stamp, double timeoutSeconds) throws InterruptedException {
        if (board.awaitStamp(stamp, (long) (timeoutSeconds * 1e9), this::lost)) {
            everConnected = true;
            return StateWait.FRESH;
        }
        return lost() ? StateWait.LOST : StateWait.LATE;
    }

    private boolean lost() {
        for (Subscriber<JointState> s : stateSubscribers) {
            if (s.publisherCount() > 0) {
                everConnected = true;
            } else if (everConnected) {
                return true;
            }
        }
        return false;
    }

    /** The stamp (seconds) of the latest complete state, -infinity before the first. */
    public double stateStamp() {
        return board.stamp();
    }

    @Override
    public Observation observe() {
        double stamp = board.copy(position, velocity, effort);
        int n = observationSpec.features().get(0).size();
        double[] p = new double[n];
        double[] v = new double[n];
        double[] e = new double[n];
        for (int k = 0; k < armSlot.length; k++) {
            p[k] = position[armSlot[k]];
            v[k] = velocity[armSlot[k]];
            e[k] = effort[armSlot[k]];
        }
        if (gripperSlot >= 0) {
            p[n - 1] = groups.widthScale() * position[gripperSlot];
            v[n - 1] = groups.widthScale() * velocity[gripperSlot];
            e[n - 1] = effort[gripperSlot];
        }
        configuration(q);
        tree.forward(q, fk);
        fk.copyPose(ee, T_base_ee, 0);
        return new Observation(observationSpec, stamp, new double[][] {p, v, e, ArmObservations.eePose(T_base_ee)});
    }

    /** The tree configuration of the last observed positions (other variables neutral). */
    private void configuration(double[] out) {
        for (int i = 0; i < variableOfSlot.length; i++) {
            if (variableOfSlot[i] >= 0) {
                out[variableOfSlot[i]] = position[i];
            }
        }
    }

    /**
     * Starts an episode: the end-effector controller's target becomes the pose observed now, joint
     * targets the observed positions, and on-change command topics (a gripper's grasp goal) send
     * their next target even if it equals the last one sent, since the scene was reset in between.
     */
    public void resetController() {
        commands.forEach(CommandPublisher::forget);
        board.copy(position, velocity, effort);
        configuration(q);
        eeTarget.reset(q);
        System.arraycopy(position, 0, targets, 0, targets.length);
    }

    @Override
    public Action act(Action action) {
        FeatureSpec f = actionSpec.action();
        if (action.size() != f.size()) {
            throw new IllegalArgumentException(controller + " action for '" + robotType + "' needs " + f.size()
                    + " values " + f.names() + ", got " + action.size());
        }
        if (!action.isFinite()) {
            throw new IllegalArgumentException(controller + " action has a non-finite value: " + action);
        }
        double[] a = new double[f.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.max(f.lower(i), Math.min(f.upper(i), action.get(i)));
        }
        board.copy(position, velocity, effort);
        switch (controller) {
            case "pd_joint_pos" -> {
                for (int k = 0; k < armSlot.length; k++) {
                    targets[armSlot[k]] = a[k];
                }
            }
            case "pd_joint_delta_pos" -> {
                for (int k = 0; k < armSlot.length; k++) {
                    targets[armSlot[k]] = position[armSlot[k]] + a[k];
                }
            }
            default -> {
                configuration(q);
                eeTarget.step(a, q, qSolution);
                for (int k = 0; k < armSlot.length; k++) {
                    targets[armSlot[k]] = qSolution[variableOfSlot[armSlot[k]]];
                }
            }
        }
        if (gripperSlot >= 0) {
            targets[gripperSlot] = a[a.length - 1] / groups.widthScale();
        }
        RosTime stamp = node.now();
        for (CommandPublisher c : commands) {
            c.send(targets, stamp);
        }
        return new Action(a);
    }

    /** The joints this robot observes and commands, in the order of {@link #jointPositions} and {@link #commandJoints}. */
    public List<String> joints() {
        return List.copyOf(boardJoints);
    }

    /** The last observed positions of {@link #joints()} (radians or metres). */
    public double[] jointPositions() {
        double[] out = new double[boardJoints.size()];
        board.copy(out, velocity, effort);
        return out;
    }

    /**
     * Sends joint targets for {@link #joints()} straight to the command topics, outside the action
     * space (a profile's scripted reset); the next {@link #act} starts from the observed state again
     * after {@link #resetController()}.
     */
    public void commandJoints(double[] q) {
        if (q.length != targets.length) {
            throw new IllegalArgumentException("joint targets for " + boardJoints + " need " + targets.length
                    + " values, got " + q.length);
        }
        System.arraycopy(q, 0, targets, 0, targets.length);
        RosTime stamp = node.now();
        for (CommandPublisher c : commands) {
            c.send(targets, stamp);
        }
    }

    @Override
    public void close() {
        stateSubscribers.forEach(Subscriber::close);
        commands.forEach(CommandPublisher::close);
        estopSubscriber.close();
    }
}
