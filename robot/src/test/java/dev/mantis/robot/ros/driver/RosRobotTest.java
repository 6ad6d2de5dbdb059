package dev.mantis.robot.ros.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.assets.BundledRobots;
import dev.mantis.robot.kinematics.KinematicTree;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.ros.Publisher;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.Roscore;
import dev.mantis.robot.ros.msg.RosTime;
import dev.mantis.robot.ros.msg.franka_gripper.GraspActionGoal;
import dev.mantis.robot.ros.msg.sensor_msgs.JointState;
import dev.mantis.robot.ros.msg.std_msgs.Bool;
import dev.mantis.robot.ros.msg.trajectory_msgs.JointTrajectory;
import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.Observation;
import dev.mantis.robot.urdf.MeshResolver;
import dev.mantis.robot.urdf.UrdfLoader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link RosRobot} against a Java node playing the Franka driver, through a real roscore. */
class RosRobotTest {

    private static final List<String> ARM = List.of("panda_joint1", "panda_joint2", "panda_joint3", "panda_joint4",
            "panda_joint5", "panda_joint6", "panda_joint7");
    private static final double[] Q = {0.1, -0.7, 0.05, -2.3, 0.02, 1.6, 0.8};

    private static Roscore core;
    private static RosNode driver;
    private static RosNode client;
    private static RobotModel panda;

    @BeforeAll
    static void start() throws Exception {
        core = Roscore.shared();
        driver = RosNode.start(core.nodeConfig("fake_franka"));
        client = RosNode.start(core.nodeConfig("ros_robot_test"));
        panda = new UrdfLoader(new MeshResolver(List.of())).load(BundledRobots.find("panda").orElseThrow().url());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (driver != null) {
            driver.close();
        }
    }

    private static RosProfile franka(String prefix) {
        List<String> fingers = List.of("panda_finger_joint1", "panda_finger_joint2");
        return new RosProfile("franka", "panda", Optional.empty(), Optional.empty(),
                List.of(new StateTopic(prefix + "/arm_states", ARM), new StateTopic(prefix + "/finger_states", fingers)),
                List.of(new CommandChannel(prefix + "/arm_command", CommandType.JOINT_TRAJECTORY, ARM, false, 0, 0),
                        new CommandChannel(prefix + "/grasp/goal", CommandType.FRANKA_GRASP, fingers.subList(0, 1), true,
                                0.1, 20)),
                0.1, prefix + "/estop", List.of(), "test");
    }

    private static JointState state(List<String> names, double[] q, double stamp) {
        JointState m = new JointState();
        m.name = names.toArray(new String[0]);
        m.position = q.clone();
        m.velocity = new double[q.length];
        m.effort = new double[q.length];
        m.velocity[0] = 0.5;
        m.header.stamp = RosTime.ofNanos(Math.round(stamp * 1e9));
        return m;
    }

    @Test
    void observesWhatTheSimulatedRobotWouldAndCommandsTheDriversTopics() throws Exception {
        RosProfile profile = franka("/t1");
        Publisher<JointState> arm = driver.publisher("/t1/arm_states", JointState.TYPE, false, 10);
        Publisher<JointState> fingers = driver.publisher("/t1/finger_states", JointState.TYPE, false, 10);
        LinkedBlockingQueue<JointTrajectory> trajectories = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<GraspActionGoal> grasps = new LinkedBlockingQueue<>();
        driver.subscribe("/t1/arm_command", JointTrajectory.TYPE, trajectories::add, 10);
        driver.subscribe("/t1/grasp/goal", GraspActionGoal.TYPE, grasps::add, 10);
        try (RosRobot robot = new RosRobot(client, profile, panda, "panda_hand_tcp", Optional.of("panda_finger_joint1"),
                "pd_joint_pos", 20)) {
            assertEquals(List.of("panda_joint1", "panda_joint2", "panda_joint3", "panda_joint4", "panda_joint5",
                    "panda_joint6", "panda_joint7", "gripper.width"), robot.observationSpec().features().get(0).names());
            assertEquals(8, robot.actionSpec().size());
            Thread feeder = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    arm.publish(state(ARM, Q, 1.5));
                    fingers.publish(state(List.of("panda_finger_joint1", "panda_finger_joint2"),
                            new double[] {0.02, 0.02}, 1.5));
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            feeder.start();
            try {
                robot.connect(10);
                assertEquals(RosRobot.StateWait.FRESH, robot.awaitState(1.5, 1));
                Observation o = robot.observe();
                assertEquals(1.5, o.timestamp(), 1e-9);
                double[] state = o.get("observation.state");
                for (int k = 0; k < 7; k++) {
                    assertEquals(Q[k], state[k]);
                }
                assertEquals(0.04, state[7], 1e-15, "the width is twice the leading finger's position");
                assertEquals(0.5, o.get("observation.velocity")[0]);
                double[] qTree = KinematicTree.of(panda).neutralConfiguration();
                KinematicTree tree = KinematicTree.of(panda);
                for (int k = 0; k < 7; k++) {
                    qTree[tree.variableIndex(ARM.get(k))] = Q[k];
                }
                var T = tree.linkPose(qTree, "panda_hand_tcp");
                assertEquals(T.translation().x(), o.get("observation.ee_pose")[0], 1e-12);
                assertEquals(T.translation().z(), o.get("observation.ee_pose")[2], 1e-12);

                double[] target = {0.2, -0.6, 0.0, -2.2, 0.0, 1.7, 0.7, 0.03};
                Action applied = robot.act(new Action(target));
                assertArrayEquals(target, applied.toArray());
                JointTrajectory t = trajectories.poll(5, TimeUnit.SECONDS);
                assertEquals(ARM, List.of(t.joint_names));
                assertEquals(1, t.points.length);
                assertArrayEquals(java.util.Arrays.copyOf(target, 7), t.points[0].positions);
                assertEquals(0.05, t.points[0].time_from_start.toSeconds(), 1e-9, "reached one control period later");
                GraspActionGoal g = grasps.poll(5, TimeUnit.SECONDS);
                assertEquals(0.03, g.goal.width, 1e-15);
                assertEquals(20.0, g.goal.force);
                robot.act(new Action(target));
                assertArrayEquals(java.util.Arrays.copyOf(target, 7), waitFor(trajectories, 1).get(0).points[0].positions,
                        "the arm gets every command");
                assertEquals(null, grasps.poll(300, TimeUnit.MILLISECONDS), "the gripper only a changed width");
                robot.resetController();
                robot.act(new Action(target));
                GraspActionGoal again = grasps.poll(5, TimeUnit.SECONDS);
                assertTrue(again != null, "a new episode sends the gripper's width again: the reset may have moved it");
                assertEquals(0.03, again.goal.width, 1e-15);

                double[] beyond = target.clone();
                beyond[3] = 5;
                assertEquals(panda.joint("panda_joint4").orElseThrow().limits().upper(), robot.act(new Action(beyond))
                        .get(3), "clamped into the joint's limits like the simulated robot");
                assertThrows(IllegalArgumentException.class, () -> robot.act(new Action(1, 2, 3)));
            } finally {
                feeder.interrupt();
                feeder.join();
            }
            assertEquals(RosRobot.StateWait.LATE, robot.awaitState(99, 0.05), "no newer state: late");
            arm.close();
            assertEquals(RosRobot.StateWait.LOST, robot.awaitState(99, 5), "its publisher gone: lost");
        } finally {
            fingers.close();
        }
    }

    private static List<JointTrajectory> waitFor(LinkedBlockingQueue<JointTrajectory> q, int n) throws Exception {
        List<JointTrajectory> out = new java.util.ArrayList<>();
        while (out.size() < n) {
            JointTrajectory t = q.poll(5, TimeUnit.SECONDS);
            assertTrue(t != null, "a trajectory arrived");
            out.add(t);
        }
        return out;
    }

    @Test
    void theEstopTopicTripsTheLatch() throws Exception {
        RosProfile profile = franka("/t2");
        Publisher<Bool> estop = driver.publisher("/t2/estop", Bool.TYPE, true, 1);
        try (RosRobot robot = new RosRobot(client, profile, panda, "panda_hand_tcp", Optional.of("panda_finger_joint1"),
                "pd_ee_delta_pose", 20)) {
            Bool msg = new Bool();
            msg.data = false;
            estop.publish(msg);
            msg.data = true;
            estop.publish(msg);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!robot.estop().engaged() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(robot.estop().engaged());
            assertEquals("e-stop engaged on /t2/estop", robot.estop().reason());
        } finally {
            estop.close();
        }
    }

    @Test
    void aProfileMissingAJointOfTheRobotIsRefused() {
        RosProfile p = franka("/t3");
        RosProfile missing = new RosProfile(p.name(), p.robot(), p.eeLink(), p.gripperJoint(),
                List.of(new StateTopic("/t3/arm_states", ARM.subList(0, 6)), p.states().get(1)), p.commands(),
                p.stateTimeout(), p.estopTopic(), p.reset(), p.description());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RosRobot(client, missing,
                panda, "panda_hand_tcp", Optional.of("panda_finger_joint1"), "pd_joint_pos", 20));
        assertEquals("profile 'franka' does not observe joint 'panda_joint7' of robot 'panda'; add it to the "
                + "profile's state topics", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RosRobot(client, p, panda, "panda_hand_tcp",
                Optional.of("panda_finger_joint1"), "pd_joint_vel", 20));
        assertTrue(e.getMessage().startsWith("a robot over ROS takes pd_joint_pos"), e.getMessage());
    }
}
