package dev.mantis.launch.deploy;

import dev.mantis.launch.InputException;
import dev.mantis.policies.Policy;
import dev.mantis.robot.Robot;
import dev.mantis.robot.ros.RosException;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.ServiceClient;
import dev.mantis.robot.ros.driver.RosRobot;
import dev.mantis.robot.ros.msg.mantis_msgs.ResetEpisode;
import dev.mantis.robot.ros.msg.mantis_msgs.ResetEpisodeRequest;
import dev.mantis.robot.ros.msg.mantis_msgs.ResetEpisodeResponse;
import dev.mantis.robot.ros.msg.mantis_msgs.TaskStatus;
import dev.mantis.robot.safety.SafeRobot;
import dev.mantis.robot.safety.SafetyEvent;
import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.Observation;
import dev.mantis.sim.record.FrameRecorder;
import dev.mantis.sim.record.TaskObservation;
import dev.mantis.sim.ros.SimRosServer;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Runs a policy on a robot driven over ROS, one episode at a time, exactly as on a real robot: the
 * cell resets the episode ({@code /mantis/sim/reset}), then each control step waits for the
 * robot's next joint states and the cell's task status, asks the policy (or the cell's oracle
 * action) for an action, and sends it through the safety layer to the robot's command topics.
 * An episode ends on success (the cell's predicate, or another {@link SuccessDetector}), the
 * horizon, a failure the cell reports, or a safety stop. With a reset routine (scripted, or a
 * reset policy) the robot runs it before each episode and the cell keeps its objects where they
 * are ({@code keep_objects}); only a simulation that diverged is reset by the cell. When the
 * robot is lost (its state publishers disconnect) or late (no state within the timeout), nothing
 * more is commanded and the episode returns at once with why the run must stop.
 */
final class Deployment {

    /** The robot lost: its state publishers disconnected. */
    static final String ROBOT_LOST = "robot_lost";
    /** No state within the state timeout. */
    static final String STATE_TIMEOUT = "state_timeout";
    /** The scene was not back in its start region after the reset. */
    static final String RESET_FAILED = "reset_failed";

    private final RosRobot robot;
    private final Optional<SafeRobot> safety;
    private final Robot commanded;
    private final Task task;
    private final Policy policy;
    private final TaskObservation view;
    private final FrameRecorder recorder;
    private final TaskStatusBoard status;
    private final ServiceClient<ResetEpisodeRequest, ResetEpisodeResponse> reset;
    private final double period;
    private final double stateTimeout;
    private final Function<TaskStatus, String> resetCheck;
    private final ResetRoutine routine;
    /** The failure of the last episode run ("" when it succeeded or none ran). */
    private String lastFailure = "";
    /** Control ticks the reset routine commanded before the last episode. */
    private int resetTicks;

    /**
     * A deployment of {@code policy} (null: the cell's oracle action) on {@code robot} behind
     * {@code safety}, for {@code task}, recording into {@code recorder} when not null.
     *
     * @param view the task observation the policy takes (ignored for the oracle)
     * @param stateTimeout seconds of wall-clock time to wait for each state before the robot counts as late
     * @param resetCheck says why the first status of an episode is not a proper start (null: it is);
     *     such an episode ends at once as {@value #RESET_FAILED}
     * @param routine the reset run before each episode (scripted or a policy), or null to let the
     *     cell reset the scene
     */
    Deployment(RosNode node, RosRobot robot, Optional<SafeRobot> safety, Task task, Policy policy,
            TaskObservation view, FrameRecorder recorder, TaskStatusBoard status, double controlHz,
            double stateTimeout, Function<TaskStatus, String> resetCheck, ResetRoutine routine) {
        this.robot = robot;
        this.safety = safety;
        this.commanded = safety.isPresent() ? safety.get() : robot;
        this.task = task;
        this.policy = policy;
        this.view = view;
        this.recorder = recorder;
        this.status = status;
        this.reset = node.serviceClient(SimRosServer.RESET_SERVICE, ResetEpisode.TYPE);
        this.period = 1 / controlHz;
        this.stateTimeout = stateTimeout;
        this.resetCheck = resetCheck;
        this.routine = routine;
    }

    /**
     * Runs episode {@code episode} with {@code seed}, toward {@code goal} (target points; empty: the
     * goal the cell draws from the seed), its end and success decided by {@code detector}.
     */
    DeployedEpisode run(int episode, long seed, double[] goal, SuccessDetector detector)
            throws InterruptedException {
        DeployedEpisode d = runEpisode(episode, seed, goal, detector);
        lastFailure = d.result().failure();
        return d;
    }

    private DeployedEpisode runEpisode(int episode, long seed, double[] goal, SuccessDetector detector)
            throws InterruptedException {
        String id = task.spec().id();
        ResetEpisodeRequest request = new ResetEpisodeRequest();
        request.episode = episode;
        request.seed = seed;
        request.goal_state = goal;
        request.keep_objects = routine != null && !lastFailure.equals(SimRosServer.DIVERGED);
        resetTicks = 0;
        if (request.keep_objects) {
            ResetRoutine.Outcome done = routine.run(seed, this::awaitTick);
            resetTicks = done.ticks();
            String why = done.stop();
            if (why != null) {
                String stop = !why.equals(EpisodeResult.SAFETY_STOP) ? describe(why, episode, 0)
                        + " (during the reset routine)" : robot.estop().engaged() ? robot.estop().reason()
                        + " during the reset routine; release it and run again"
                        : "the safety layer stopped the robot during the reset routine";
                return new DeployedEpisode(new EpisodeResult(id, episode, seed, false, 0, 0, why), "", List.of(),
                        stop);
            }
        }
        ResetEpisodeResponse r;
        try {
            r = reset.call(request);
        } catch (RosException e) {
            return new DeployedEpisode(new EpisodeResult(id, episode, seed, false, 0, 0, ROBOT_LOST), "", List.of(),
                    "robot lost: the cell did not reset episode " + episode + " (" + e.getMessage()
                            + "); nothing more was commanded");
        }
        if (!r.ok) {
            return new DeployedEpisode(new EpisodeResult(id, episode, seed, false, 0, 0,
                    r.message.startsWith("unplaceable") ? "unplaceable" : "reset_failed"), "", List.of(), null);
        }
        if (!r.message.equals(id)) {
            throw new InputException("the cell runs task '" + r.message + "', not '" + id + "'; start mantis sim "
                    + "serve-ros with --task " + id);
        }
        double start = r.start.toSeconds();
        String lost = awaitTick(start);
        TaskStatus st = lost == null ? status.await(episode, start - period / 2, stateTimeout) : null;
        if (lost != null || st == null) {
            return new DeployedEpisode(new EpisodeResult(id, episode, seed, false, 0, 0, lost == null ? STATE_TIMEOUT : lost), "",
                    List.of(), describe(lost == null ? STATE_TIMEOUT : lost, episode, 0));
        }
        String instruction = st.instruction;
        String problem = resetCheck.apply(st);
        if (problem != null) {
            return new DeployedEpisode(new EpisodeResult(id, episode, seed, false, 0, 0, RESET_FAILED), instruction,
                    List.of(), null, problem);
        }
        robot.resetController();
        safety.ifPresent(SafeRobot::reset);
        if (policy != null) {
            policy.reset(seed);
        }
        if (recorder != null) {
            recorder.begin(st.goal_state, new double[0]);
        }
        List<SafetyEvent> events = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        int horizon = task.spec().horizon();
        int steps = 0;
        double reward = 0;
        while (true) {
            Observation robotObservation = commanded.observe();
            boolean detected = detector.endsAfter(robotObservation, st);
            if (recorder != null) {
                recorder.before(recorder.view().observe(robotObservation, st.environment_state,
                        st.environment_joints));
            }
            Action proposed = policy == null ? oracleAction(st, episode, steps)
                    : policy.act(view.observe(robotObservation, st.environment_state, st.environment_joints),
                            view.goal(st.goal_state));
            Action applied = commanded.act(FrameRecorder.float32(robot.actionSpec().action(), proposed));
            steps++;
            boolean stopped = false;
            if (safety.isPresent()) {
                List<SafetyEvent> stepEvents = safety.get().takeEvents();
                events.addAll(stepEvents);
                stepEvents.forEach(e -> counts.merge(e.kind().label(), 1, Integer::sum));
                if (recorder != null) {
                    recorder.safety(stepEvents);
                }
                stopped = safety.get().stopped();
            }
            double next = robotObservation.timestamp() + period;
            lost = awaitTick(next - period / 2);
            st = lost == null ? status.await(episode, next - period / 2, stateTimeout) : null;
            if (lost != null || st == null) {
                String why = lost == null ? STATE_TIMEOUT : lost;
                if (recorder != null) {
                    recorder.after(applied, 0, true, false);
                }
                return new DeployedEpisode(new EpisodeResult(id, episode, seed, false, steps, reward, why, counts), instruction, events,
                        describe(why, episode, steps));
            }
            reward += st.reward;
            boolean failed = !st.failure.isEmpty();
            boolean end = detected || detector.predicateEnds() && st.success || stopped || failed || steps == horizon;
            boolean success = end && detector.succeeded(st, failed);
            if (recorder != null) {
                recorder.after(applied, st.reward, end, success);
            }
            if (end) {
                String failure = success ? "" : failed ? st.failure : stopped ? EpisodeResult.SAFETY_STOP : "timeout";
                EpisodeResult result = new EpisodeResult(id, episode, seed, success, steps, reward, failure, counts);
                String estop = stopped && robot.estop().engaged() ? robot.estop().reason()
                        + "; release it and run again" : null;
                return new DeployedEpisode(result, instruction, events, estop);
            }
        }
    }

    /** Control ticks the reset routine commanded before the last episode run (0: the cell reset it). */
    int resetTicks() {
        return resetTicks;
    }

    private Action oracleAction(TaskStatus st, int episode, int step) {
        if (st.oracle_action.length != robot.actionSpec().size()) {
            throw new InputException(String.format(Locale.ROOT, "--policy oracle: the cell's oracle gave %d values "
                    + "at step %d of episode %d, the robot's %s action has %d; serve the same task and robot",
                    st.oracle_action.length, step, episode, robot.actionSpec().controller(), robot.actionSpec().size()));
        }
        return new Action(st.oracle_action);
    }

    /** Waits for the joint states of the tick at {@code stamp}; null when they came, else why not. */
    private String awaitTick(double stamp) throws InterruptedException {
        RosRobot.StateWait w = robot.awaitState(stamp, stateTimeout);
        if (w == RosRobot.StateWait.FRESH) {
            return null;
        }
        return w == RosRobot.StateWait.LOST ? ROBOT_LOST : STATE_TIMEOUT;
    }

    private String describe(String why, int episode, int steps) {
        String topics = robot.profile().states().stream().map(s -> s.topic()).toList().toString();
        if (why.equals(ROBOT_LOST)) {
            return String.format(Locale.ROOT, "robot lost: the publishers of %s disconnected at step %d of episode %d; "
                    + "nothing more was commanded", topics, steps, episode);
        }
        return String.format(Locale.ROOT, "robot late: no joint state on %s (or task status on %s) within %.3f s at "
                + "step %d of episode %d; nothing more was commanded", topics, status.topic(), stateTimeout, steps,
                episode);
    }
}
