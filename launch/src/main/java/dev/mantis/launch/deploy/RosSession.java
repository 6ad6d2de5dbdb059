package dev.mantis.launch.deploy;

import dev.mantis.launch.InputException;
import dev.mantis.launch.policy.PolicySource;
import dev.mantis.launch.ros.MasterOption;
import dev.mantis.launch.ros.ProfileSource;
import dev.mantis.policies.Policy;
import dev.mantis.robot.ros.RosException;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.driver.RosProfile;
import dev.mantis.robot.ros.driver.RosRobot;
import dev.mantis.robot.safety.SafeRobot;
import dev.mantis.sim.record.FrameRecorder;
import dev.mantis.sim.task.EpisodeSafety;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskRobot;
import dev.mantis.sim.task.TaskSpec;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Everything a run on a robot over ROS holds for its whole length: the node, the profile's robot
 * behind the safety layer, the cell's task status, and the policy (none for the cell's oracle).
 * {@code mantis deploy} and {@code mantis collect --autonomous} open one.
 */
final class RosSession implements AutoCloseable {

    final RosNode node;
    final RosProfile profile;
    final TaskRobot taskRobot;
    final RosRobot robot;
    final TaskStatusBoard status;
    final Optional<SafeRobot> safety;
    final Task task;
    final Policy policy;
    final PolicySource policies;
    /** The reset policy's models ({@code --reset FILE.onnx}), if any. */
    private PolicySource resetPolicies;

    private RosSession(RosNode node, RosProfile profile, TaskRobot taskRobot, RosRobot robot, TaskStatusBoard status,
            Optional<SafeRobot> safety, Task task, Policy policy, PolicySource policies) {
        this.node = node;
        this.profile = profile;
        this.taskRobot = taskRobot;
        this.robot = robot;
        this.status = status;
        this.safety = safety;
        this.task = task;
        this.policy = policy;
        this.policies = policies;
    }

    /** A profile and the robot it drives. */
    record Target(RosProfile profile, TaskRobot robot) {
    }

    /**
     * The profile a {@code --robot ros:PROFILE} argument names (the callers have checked the
     * prefix) and the robot it drives (a bundled one, or {@code urdf}'s), checked against the
     * task's robot.
     *
     * @throws InputException for anything that does not fit
     */
    static Target target(String robotArg, String urdf, TaskSpec task) {
        RosProfile profile = ProfileSource.profile(robotArg.substring(4));
        TaskRobot robot = ProfileSource.robot(profile, Optional.ofNullable(urdf));
        if (!task.robot().equals(robot.id())) {
            throw new InputException("--task " + task.id() + ": the task is for robot '" + task.robot()
                    + "'; profile '" + profile.name() + "' drives '" + robot.id() + "'");
        }
        return new Target(profile, robot);
    }

    /**
     * Starts a node on {@code master} (null: ROS_MASTER_URI), connects to the robot within
     * {@code connectTimeout} seconds and loads the policy.
     *
     * @throws InputException when the master or the robot cannot be reached, or the policy does not fit
     */
    static RosSession open(Target target, TaskSpec taskSpec, String master, PolicySource policies,
            String policyName, EpisodeSafety safetySettings, double connectTimeout) {
        RosProfile profile = target.profile();
        TaskRobot taskRobot = target.robot();
        RosNode node = MasterOption.start(master, "mantis_deploy");
        RosRobot robot = null;
        TaskStatusBoard status = null;
        try {
            robot = new RosRobot(node, profile, taskRobot.model(), taskRobot.profile().eeLink(),
                    taskRobot.profile().gripperJoint(), taskSpec.controller(), Task.CONTROL_HZ);
            status = new TaskStatusBoard(node);
            try {
                robot.connect(connectTimeout);
            } catch (RosException e) {
                throw new InputException(e.getMessage());
            }
            RosRobot r = robot;
            double period = 1 / Task.CONTROL_HZ;
            // read now, not at the node's start: a simulator sets it before it publishes, maybe after we started
            boolean simTime = Boolean.TRUE.equals(node.params().get("/use_sim_time", false));
            DoubleSupplier clock = simTime ? () -> r.stateStamp() + period : () -> System.currentTimeMillis() / 1e3;
            Optional<SafeRobot> safety = safetySettings.wrap(robot, taskRobot.model(), taskRobot.profile().eeLink(),
                    clock, robot.estop());
            Task task = new Task(taskSpec);
            Policy policy = policyName.equals("oracle") ? null : policies.policy(task, taskRobot.id(),
                    robot.observationSpec(), robot.actionSpec());
            return new RosSession(node, profile, taskRobot, robot, status, safety, task, policy, policies);
        } catch (RuntimeException e) {
            if (status != null) {
                status.close();
            }
            if (robot != null) {
                robot.close();
            }
            node.close();
            throw e;
        }
    }

    /**
     * A deployment of this session's policy, recording into {@code recorder} (null: none),
     * checking each reset with {@code resetCheck}, running {@code routine} (null: none) before each
     * episode.
     */
    Deployment deployment(FrameRecorder recorder, double stateTimeout,
            java.util.function.Function<dev.mantis.robot.ros.msg.mantis_msgs.TaskStatus, String> resetCheck,
            ResetRoutine routine) {
        return new Deployment(node, robot, safety, task, policy, policies.view(task, robot.observationSpec()),
                recorder, status, Task.CONTROL_HZ, stateTimeout, resetCheck, routine);
    }

    /**
     * The reset {@code --reset} names: null for {@code cell} (the cell resets the scene itself),
     * the profile's scripted routine for {@code scripted}, an ONNX reset policy for a model file
     * (on {@code device}, warnings to {@code err}; closed with the session).
     *
     * @param stateTimeout seconds to wait for each state and task status while a reset policy acts
     * @throws InputException for another name, a profile without a valid routine, or a model that
     *     does not fit
     */
    ResetRoutine reset(String mode, String device, double stateTimeout, java.io.PrintWriter err) {
        if (mode.equals("cell")) {
            return null;
        }
        if (mode.equals("scripted")) {
            return new ScriptedReset(profile, robot, taskRobot.model(), taskRobot.profile().eeLink(),
                    ScriptedReset.VELOCITY_SCALE, Task.CONTROL_HZ);
        }
        if (!mode.endsWith(".onnx")) {
            throw new InputException("--reset " + mode + ": use cell (the cell resets the scene: the simulator's own "
                    + "reset), scripted (the profile's reset routine) or FILE.onnx (a reset policy); the scene is kept "
                    + "as it is for the last two");
        }
        if (resetPolicies != null) {
            resetPolicies.close();
        }
        resetPolicies = PolicySource.of(mode, device, err);
        Policy resetPolicy = resetPolicies.policy(task, taskRobot.id(), robot.observationSpec(), robot.actionSpec());
        return new PolicyReset(robot, safety, resetPolicy, resetPolicies.view(task, robot.observationSpec()), status,
                task.spec(), Task.CONTROL_HZ, stateTimeout);
    }

    @Override
    public void close() {
        if (resetPolicies != null) {
            resetPolicies.close();
        }
        status.close();
        robot.close();
        node.close();
    }
}
