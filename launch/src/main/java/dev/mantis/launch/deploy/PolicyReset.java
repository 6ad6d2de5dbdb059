package dev.mantis.launch.deploy;

import dev.mantis.launch.InputException;
import dev.mantis.policies.Policy;
import dev.mantis.robot.Robot;
import dev.mantis.robot.ros.driver.RosRobot;
import dev.mantis.robot.ros.msg.mantis_msgs.TaskStatus;
import dev.mantis.robot.safety.SafeRobot;
import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.Observation;
import dev.mantis.sim.record.FrameRecorder;
import dev.mantis.sim.record.TaskObservation;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.Goal;
import dev.mantis.sim.task.TaskObject;
import dev.mantis.sim.task.TaskSpec;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * An ONNX reset policy ({@code --reset FILE.onnx}): a goal-conditioned policy of the task's robot
 * and controller, run before each episode to bring the task's object back into its start region.
 * Its goal is a resting place drawn from the episode seed in the object's spawn box (so a push or
 * place policy trained on the task works as its own reset policy); it acts behind the safety
 * layer until the object lies within the goal's tolerance of that place, or for at most the
 * task's horizon. Tasks whose goal is one object's resting place (push, place) only.
 */
final class PolicyReset implements ResetRoutine {

    /** Seed stream of the reset goals, apart from the episodes' own. */
    private static final long GOAL_STREAM = 0x5245534554L;

    private final RosRobot robot;
    private final Optional<SafeRobot> safety;
    private final Robot commanded;
    private final Policy policy;
    private final TaskObservation view;
    private final TaskStatusBoard status;
    private final TaskSpec task;
    private final TaskObject object;
    private final double tolerance;
    private final double period;
    private final double stateTimeout;

    /**
     * A reset by {@code policy}, which sees the task through {@code view}.
     *
     * @throws InputException if the task's goal is not one object's resting place
     */
    PolicyReset(RosRobot robot, Optional<SafeRobot> safety, Policy policy, TaskObservation view,
            TaskStatusBoard status, TaskSpec task, double controlHz, double stateTimeout) {
        String name;
        if (task.goal() instanceof Goal.Push p) {
            name = p.object();
            this.tolerance = p.tolerance();
        } else if (task.goal() instanceof Goal.Place p) {
            name = p.object();
            this.tolerance = p.tolerance();
        } else {
            throw new InputException("--reset FILE.onnx: task '" + task.id() + "' has a " + task.goal().getClass()
                    .getSimpleName().toLowerCase(java.util.Locale.ROOT) + " goal; a reset policy takes tasks whose "
                    + "goal is one object's resting place (push, place); use --reset scripted or cell");
        }
        this.robot = robot;
        this.safety = safety;
        this.commanded = safety.isPresent() ? safety.get() : robot;
        this.policy = policy;
        this.view = view;
        this.status = status;
        this.task = task;
        this.object = task.object(name);
        this.period = 1 / controlHz;
        this.stateTimeout = stateTimeout;
    }

    /** The resting place in the object's spawn box that the reset before the episode of {@code seed} aims at. */
    double[] goal(long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ GOAL_STREAM);
        double[] x = object.x();
        double[] y = object.y();
        return new double[] {x[0] + rng.nextDouble() * (x[1] - x[0]), y[0] + rng.nextDouble() * (y[1] - y[0]),
            object.restHeight()};
    }

    @Override
    public Outcome run(long seed, Ticks ticks) throws InterruptedException {
        double[] goal = goal(seed);
        Observation goalObservation = view.goal(goal);
        robot.resetController();
        safety.ifPresent(SafeRobot::reset);
        policy.reset(seed);
        int index = task.objects().indexOf(object);
        int done = 0;
        while (done < task.horizon()) {
            TaskStatus st = status.await(-1, robot.stateStamp() - period / 2, stateTimeout);
            if (st == null) {
                return new Outcome(done, Deployment.STATE_TIMEOUT);
            }
            double[] env = st.environment_state;
            if (env.length < 7 * (index + 1)) {
                throw new InputException(String.format(java.util.Locale.ROOT, "--reset FILE.onnx: the cell reports %d "
                        + "object values on %s, task '%s' has %d objects (7 values each); publish every object's pose",
                        env.length, status.topic(), task.id(), task.objects().size()));
            }
            if (Math.hypot(env[7 * index] - goal[0], env[7 * index + 1] - goal[1]) <= tolerance) {
                break;
            }
            Observation o = commanded.observe();
            Action a = policy.act(view.observe(o, env, st.environment_joints), goalObservation);
            double next = o.timestamp() + period;
            commanded.act(FrameRecorder.float32(robot.actionSpec().action(), a));
            done++;
            if (safety.isPresent() && safety.get().stopped()) {
                safety.get().takeEvents();
                return new Outcome(done, EpisodeResult.SAFETY_STOP);
            }
            safety.ifPresent(SafeRobot::takeEvents);
            String why = ticks.await(next - period / 2);
            if (why != null) {
                return new Outcome(done, why);
            }
        }
        return new Outcome(done, null);
    }
}
