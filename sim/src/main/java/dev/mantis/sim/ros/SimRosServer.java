package dev.mantis.sim.ros;

import dev.mantis.robot.model.ArmJoints;
import dev.mantis.robot.ros.Publisher;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.ServiceServer;
import dev.mantis.robot.ros.driver.RosProfile;
import dev.mantis.robot.ros.driver.StateTopic;
import dev.mantis.robot.ros.msg.RosTime;
import dev.mantis.robot.ros.msg.mantis_msgs.ResetEpisode;
import dev.mantis.robot.ros.msg.mantis_msgs.ResetEpisodeRequest;
import dev.mantis.robot.ros.msg.mantis_msgs.ResetEpisodeResponse;
import dev.mantis.robot.ros.msg.mantis_msgs.TaskStatus;
import dev.mantis.robot.ros.msg.rosgraph_msgs.Clock;
import dev.mantis.robot.ros.msg.sensor_msgs.JointState;
import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.Observation;
import dev.mantis.sim.articulation.DriveGains;
import dev.mantis.sim.record.TaskObservation;
import dev.mantis.sim.record.TaskRecording;
import dev.mantis.sim.robot.SimRobot;
import dev.mantis.sim.scene.ResetNoise;
import dev.mantis.sim.scene.RobotPlacement;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.scene.SceneSpec;
import dev.mantis.sim.scene.StepStatus;
import dev.mantis.sim.task.Oracle;
import dev.mantis.sim.task.PlacementException;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskRobot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A simulated robot served over ROS as its real driver would serve it ({@code mantis sim
 * serve-ros}): it publishes the profile's joint state topics and {@code /clock}, obeys the
 * profile's command topics, and with a task also publishes {@code /mantis/task/status} (progress,
 * object poses, goal and the oracle's action, see {@code mantis_msgs/TaskStatus}) and serves
 * {@code /mantis/sim/reset} ({@code mantis_msgs/ResetEpisode}).
 *
 * <p>The simulation runs in lockstep with its driver: each message on the profile's first command
 * topic advances it by one control period (with the latest targets of every command topic), after
 * which the new state is published stamped with simulated time. The served clock never runs
 * backwards: each episode starts one period after the last state of the previous one. Sets
 * {@code /use_sim_time}.
 */
public final class SimRosServer implements AutoCloseable {

    /** Topic of the task status. */
    public static final String STATUS_TOPIC = "/mantis/task/status";
    /** Service that starts an episode. */
    public static final String RESET_SERVICE = "/mantis/sim/reset";
    /** The failure of an episode whose simulation diverged: it takes no commands until a reset. */
    public static final String DIVERGED = "diverged";
    /** While no command comes, the current state is sent again this often, milliseconds. */
    public static final int IDLE_REPUBLISH_MILLIS = 20;

    private final RosNode node;
    private final Optional<Task> task;
    private final Scene scene;
    private final SimRobot robot;
    private final double period;
    private final CommandTargets commands;
    private final List<Publisher<JointState>> statePublishers = new ArrayList<>();
    private final List<ServedJoints> served = new ArrayList<>();
    private final List<JointState> stateMessages = new ArrayList<>();
    private final Publisher<Clock> clock;
    private final Publisher<TaskStatus> status;
    private final ServiceServer<ResetEpisodeRequest, ResetEpisodeResponse> reset;
    private final LinkedBlockingQueue<PendingReset> resets = new LinkedBlockingQueue<>();
    private final TaskObservation view;
    private final Clock clockMessage = new Clock();
    private final TaskStatus statusMessage = new TaskStatus();
    private Oracle oracle;
    private double offset;
    private int episode;
    private int step;
    private double reward;
    private String failure = "";
    private long ticks;
    /** Whether a driver asked for an episode yet (the first one is always a full reset). */
    private boolean requested;

    private record PendingReset(ResetEpisodeRequest request, CompletableFuture<ResetEpisodeResponse> reply) {
    }

    /**
     * Serves {@code robot} (with {@code task}'s scene when present, else alone on the table) through
     * {@code node} as {@code profile}'s driver.
     *
     * @throws IllegalArgumentException if the profile names joints the robot lacks or misses some
     */
    public SimRosServer(RosNode node, RosProfile profile, TaskRobot robot, Optional<Task> task) {
        this.node = node;
        this.task = task;
        RobotPlacement placement = new RobotPlacement(robot.id(), robot.model(), robot.profile(), robot.T_world_base(),
                "pd_joint_pos", DriveGains.DEFAULT);
        SceneSpec spec = task.map(Task::sceneSpec).orElse(new SceneSpec(robot.physics(), Task.CONTROL_HZ, true,
                List.of(placement), List.of(), ResetNoise.NONE));
        spec = new SceneSpec(spec.physics(), spec.controlHz(), spec.table(), List.of(placement), spec.objects(),
                spec.fixtures(), spec.resetNoise(), spec.articulated());
        this.scene = Scene.build(spec);
        this.robot = scene.robot(0);
        this.period = 1 / spec.controlHz();
        ArmJoints groups = ArmJoints.of(robot.model(), robot.profile().gripperJoint());
        List<String> controlled = new ArrayList<>(groups.arm());
        groups.gripper().ifPresent(controlled::add);
        for (String joint : controlled) {
            if (!profile.commandJoints().contains(joint) || !profile.stateJoints().contains(joint)) {
                scene.close();
                throw new IllegalArgumentException("profile '" + profile.name() + "' does not observe and command "
                        + "joint '" + joint + "' of robot '" + robot.id() + "'");
            }
        }
        try {
            node.params().set("/use_sim_time", true);
            this.commands = new CommandTargets(node, groups, profile.commands());
            for (StateTopic t : profile.states()) {
                statePublishers.add(node.publisher(t.topic(), JointState.TYPE, false, 10));
                served.add(new ServedJoints(robot.model(), groups, t.joints()));
                JointState m = new JointState();
                m.name = t.joints().toArray(new String[0]);
                m.position = new double[t.joints().size()];
                m.velocity = new double[t.joints().size()];
                m.effort = new double[t.joints().size()];
                stateMessages.add(m);
            }
            this.clock = node.publisher("/clock", Clock.TYPE, false, 10);
            this.view = task.map(t -> new TaskObservation(t, scene.robot(0).observationSpec())).orElse(null);
            this.status = task.isPresent() ? node.publisher(STATUS_TOPIC, TaskStatus.TYPE, true, 10) : null;
            this.reset = task.isPresent() ? node.serviceServer(RESET_SERVICE, ResetEpisode.TYPE, this::requestReset)
                    : null;
        } catch (RuntimeException e) {
            scene.close();
            throw e;
        }
        startEpisode(0, 0, false, new double[0]);
    }

    private ResetEpisodeResponse requestReset(ResetEpisodeRequest request) throws InterruptedException {
        PendingReset p = new PendingReset(request, new CompletableFuture<>());
        resets.add(p);
        try {
            return p.reply().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            ResetEpisodeResponse r = new ResetEpisodeResponse();
            r.message = "the simulator did not reset: " + e.getMessage();
            return r;
        }
    }

    /**
     * Serves until {@code stop} says so or the node closes: resets when asked, and steps once per
     * command on the first command topic.
     */
    public void run(BooleanSupplier stop) throws InterruptedException {
        long seen = commands.primaryCount();
        while (!stop.getAsBoolean() && !node.isClosed()) {
            PendingReset p = resets.poll();
            if (p != null) {
                ResetEpisodeResponse reply = startEpisode(p.request().episode, p.request().seed,
                        p.request().keep_objects, p.request().goal_state);
                requested = true;
                seen = commands.primaryCount(); // before replying: the first command may follow at once
                p.reply().complete(reply);
                continue;
            }
            if (!commands.awaitPrimary(seen, IDLE_REPUBLISH_MILLIS)) {
                send(); // a driver publishes its state while idle too
                continue;
            }
            seen = commands.primaryCount();
            if (failure.equals(DIVERGED)) {
                continue; // a diverged simulation waits for a reset
            }
            robot.act(new Action(commands.action()));
            step++;
            if (scene.step() != StepStatus.OK) {
                failure = DIVERGED;
                reward = 0;
            } else if (task.isPresent()) {
                reward = task.get().reward(scene);
            }
            publish();
        }
    }

    /**
     * Starts episode {@code episode}: a full reset for {@code seed}, or with {@code keepObjects}
     * (honoured once an episode was requested and the simulation has not diverged) only a new goal
     * drawn from the scene as it is; the goal is {@code goal} when not empty. Either way the clock
     * goes on one period after the last state.
     */
    private ResetEpisodeResponse startEpisode(int episode, long seed, boolean keepObjects, double[] goal) {
        ResetEpisodeResponse reply = new ResetEpisodeResponse();
        boolean keep = keepObjects && requested && !failure.equals(DIVERGED);
        offset = ticks == 0 ? 0 : keep ? offset + period : stampSeconds() + period;
        this.episode = episode;
        step = 0;
        reward = 0;
        failure = "";
        if (!keep) {
            scene.reset(seed);
        }
        oracle = null;
        if (task.isPresent()) {
            try {
                if (keep) {
                    task.get().restart(scene, new SplittableRandom(seed));
                } else {
                    task.get().reset(scene, new SplittableRandom(seed));
                }
                if (goal.length > 0) {
                    task.get().useGoal(goal);
                }
                oracle = task.get().oracle(scene);
                reply.ok = true;
                reply.message = task.get().spec().id();
            } catch (PlacementException e) {
                failure = "unplaceable";
                reply.message = "unplaceable: " + e.getMessage();
            } catch (IllegalArgumentException e) {
                failure = "bad_goal";
                reply.message = "bad goal: " + e.getMessage();
            }
        } else {
            reply.ok = true;
        }
        commands.hold(robot.observe().get("observation.state"));
        reply.start = stamp();
        publish();
        return reply;
    }

    private double stampSeconds() {
        return offset + scene.time();
    }

    private RosTime stamp() {
        return RosTime.ofNanos(Math.round(stampSeconds() * 1e9));
    }

    /** Takes the new tick's state (and task status, calling the oracle once) and sends it. */
    private void publish() {
        ticks++;
        RosTime now = stamp();
        clockMessage.clock = now;
        Observation o = robot.observe();
        double[] p = o.get("observation.state");
        double[] v = o.get("observation.velocity");
        double[] e = o.get("observation.effort");
        for (int t = 0; t < statePublishers.size(); t++) {
            JointState m = stateMessages.get(t);
            m.header.seq = (int) ticks;
            m.header.stamp = now;
            served.get(t).fill(p, true, m.position);
            served.get(t).fill(v, false, m.velocity);
            served.get(t).fill(e, false, m.effort);
        }
        if (task.isPresent()) {
            updateStatus(now);
        }
        send();
    }

    /** Sends the current tick's clock, joint states and task status (again, while idle). */
    private void send() {
        clock.publish(clockMessage);
        for (int t = 0; t < statePublishers.size(); t++) {
            statePublishers.get(t).publish(stateMessages.get(t));
        }
        if (status != null) {
            status.publish(statusMessage);
        }
    }

    private void updateStatus(RosTime now) {
        Task t = task.get();
        TaskStatus s = statusMessage;
        s.header.stamp = now;
        s.task = t.spec().id();
        s.instruction = t.instruction();
        s.episode = episode;
        s.step = step;
        s.failure = failure;
        s.success = failure.isEmpty() && step > 0 && t.success(scene);
        s.reward = reward;
        if (failure.equals("unplaceable")) {
            s.environment_state = new double[0];
            s.environment_joints = new double[0];
            s.goal_state = new double[0];
            s.oracle_action = new double[0];
        } else {
            Observation o = view.observe(scene);
            s.environment_state = o.get(TaskRecording.ENVIRONMENT_STATE);
            s.environment_joints = o.get(TaskRecording.ENVIRONMENT_JOINTS);
            s.goal_state = view.goal().get(TaskRecording.GOAL_STATE);
            s.oracle_action = failure.isEmpty() && oracle != null ? oracle.act(scene).toArray() : new double[0];
        }
    }

    /** Control ticks published so far (resets included; repeats while idle not counted). */
    public long ticks() {
        return ticks;
    }

    /** Commands refused so far (malformed for their topic). */
    public long refusedCommands() {
        return commands.refused();
    }

    @Override
    public void close() {
        commands.close();
        statePublishers.forEach(Publisher::close);
        clock.close();
        if (status != null) {
            status.close();
        }
        if (reset != null) {
            reset.close();
        }
        scene.close();
    }
}
