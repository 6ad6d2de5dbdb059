package dev.mantis.robot.ros.action;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mantis.robot.ros.Await;
import dev.mantis.robot.ros.RosException;
import dev.mantis.robot.ros.RosInstallation;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.Roscore;
import dev.mantis.robot.ros.RospyPeer;
import dev.mantis.robot.ros.msg.ActionType;
import dev.mantis.robot.ros.msg.MessageTypes;
import dev.mantis.robot.ros.msg.actionlib.TestFeedback;
import dev.mantis.robot.ros.msg.actionlib.TestGoal;
import dev.mantis.robot.ros.msg.actionlib.TestResult;
import dev.mantis.robot.ros.msg.control_msgs.FollowJointTrajectory;
import dev.mantis.robot.ros.msg.control_msgs.FollowJointTrajectoryAction;
import dev.mantis.robot.ros.msg.control_msgs.FollowJointTrajectoryFeedback;
import dev.mantis.robot.ros.msg.control_msgs.FollowJointTrajectoryGoal;
import dev.mantis.robot.ros.msg.control_msgs.FollowJointTrajectoryResult;
import dev.mantis.robot.ros.msg.control_msgs.JointTolerance;
import dev.mantis.robot.ros.msg.trajectory_msgs.JointTrajectoryPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The action client and server against actionlib's own Python implementation (SimpleActionServer
 * and SimpleActionClient from python3-actionlib) through a real roscore, and against each other.
 */
class ActionInteropTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** actionlib/Test (goal, result and feedback: one int32 each), as python3-actionlib ships it. */
    private static final ActionType<TestGoal, TestFeedback, TestResult> TEST = dev.mantis.robot.ros.msg.actionlib.Test.TYPE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Roscore core;

    @BeforeAll
    static void roscore() throws Exception {
        RosInstallation.requirePython("actionlib, actionlib.msg", "python3-actionlib python3-actionlib-msgs");
        core = Roscore.shared();
    }

    @Test
    void javaClientDrivesRospySimpleActionServer() throws Exception {
        try (RospyPeer peer = RospyPeer.start(core, "action_peer.py", List.of("py_test_server", "server", "test", "/py_test"));
                RosNode node = RosNode.start(core.nodeConfig("java_test_client"));
                ActionClient<TestGoal, TestFeedback, TestResult> client = new ActionClient<>(node, "/py_test", TEST)) {
            assertTrue(client.waitForServer(WAIT), client::missing);

            List<Integer> feedback = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch three = new CountDownLatch(3);
            ClientGoal<TestFeedback, TestResult> seven = client.sendGoal(goal(7), f -> {
                feedback.add(f.feedback);
                three.countDown();
            });
            GoalOutcome<TestResult> done = seven.awaitResult(WAIT).orElseThrow();
            assertEquals(GoalState.SUCCEEDED, done.state());
            assertEquals("done 7", done.text());
            assertEquals(14, done.result().result);
            assertSame(GoalState.SUCCEEDED, seven.state());
            assertTrue(three.await(WAIT.toSeconds(), TimeUnit.SECONDS), () -> "feedback " + feedback);
            assertEquals(List.of(71, 72, 73), feedback);

            GoalOutcome<TestResult> aborted = client.sendGoal(goal(-3), null).awaitResult(WAIT).orElseThrow();
            assertEquals(GoalState.ABORTED, aborted.state());
            assertEquals("negative goal -3", aborted.text());
            assertEquals(-3, aborted.result().result);

            List<Integer> canceledFeedback = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch first = new CountDownLatch(1);
            ClientGoal<TestFeedback, TestResult> ninetyNine = client.sendGoal(goal(99), f -> {
                canceledFeedback.add(f.feedback);
                first.countDown();
            });
            assertTrue(first.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertEquals(GoalState.ACTIVE, ninetyNine.state());
            ninetyNine.cancel();
            GoalOutcome<TestResult> preempted = ninetyNine.awaitResult(WAIT).orElseThrow();
            assertEquals(GoalState.PREEMPTED, preempted.state());
            assertEquals("preempted by the client", preempted.text());
            assertEquals(-99, preempted.result().result);
            assertEquals(List.of(991, 992, 993), canceledFeedback.subList(0, 3));
        }
    }

    @Test
    void rospySimpleActionClientDrivesJavaServer() throws Exception {
        // the handler answers a goal only once the client's send_goal returned (see action_peer.py)
        Map<Integer, CountDownLatch> sent = Map.of(7, new CountDownLatch(1), 99, new CountDownLatch(1),
                -3, new CountDownLatch(1));
        CountDownLatch feedbackSeen = new CountDownLatch(1);
        CountDownLatch cancelRequested = new CountDownLatch(1);
        ExecutorService workers = Executors.newCachedThreadPool();
        GoalHandler<TestGoal, TestFeedback, TestResult> handler = new GoalHandler<>() {
            @Override
            public void onGoal(ServerGoal<TestGoal, TestFeedback, TestResult> g) {
                int value = g.goal().goal;
                workers.submit(() -> {
                    await(sent.get(value));
                    if (value < 0) {
                        g.reject(result(-1), "negative goal " + value);
                        return null;
                    }
                    g.accept();
                    if (value == 99) {
                        g.publishFeedback(feedback(991));
                        await(cancelRequested);
                        g.canceled(result(-99), "canceled by the client");
                        return null;
                    }
                    for (int i = 1; i <= 3; i++) {
                        g.publishFeedback(feedback(value * 10 + i));
                    }
                    await(feedbackSeen); // rospy drops feedback that arrives after the result
                    g.succeed(result(value * 2), "done " + value);
                    return null;
                });
            }

            @Override
            public void onCancel(ServerGoal<TestGoal, TestFeedback, TestResult> g) {
                assertEquals(GoalState.PREEMPTING, g.state());
                cancelRequested.countDown();
            }
        };
        try (RosNode node = RosNode.start(core.nodeConfig("java_test_server"));
                ActionServer<TestGoal, TestFeedback, TestResult> server =
                        new ActionServer<>(node, "/java_test", TEST, handler, 10);
                RospyPeer peer = RospyPeer.start(core, "action_peer.py",
                        List.of("py_test_client", "client", "test", "/java_test"))) {
            release(peer, sent, 7);
            JsonNode seen = peer.await(e -> e.path("event").asText().equals("feedback"), WAIT);
            assertEquals(List.of(71, 72, 73), ints(seen.get("feedback")));
            feedbackSeen.countDown();

            JsonNode seven = outcome(peer, 7);
            assertEquals(GoalState.SUCCEEDED.code(), seven.get("state").asInt());
            assertEquals("done 7", seven.get("text").asText());
            assertEquals(14, seven.get("result").asInt());
            assertEquals(List.of(71, 72, 73), ints(seven.get("feedback")));

            release(peer, sent, 99);
            JsonNode ninetyNine = outcome(peer, 99);
            assertEquals(GoalState.PREEMPTED.code(), ninetyNine.get("state").asInt());
            assertEquals("canceled by the client", ninetyNine.get("text").asText());
            assertEquals(-99, ninetyNine.get("result").asInt());
            assertEquals(List.of(991), ints(ninetyNine.get("feedback")));

            release(peer, sent, -3);
            JsonNode rejected = outcome(peer, -3);
            assertEquals(GoalState.REJECTED.code(), rejected.get("state").asInt());
            assertEquals("negative goal -3", rejected.get("text").asText());
            assertEquals(-1, rejected.get("result").asInt());
            assertEquals(List.of(), ints(rejected.get("feedback")));
            assertEquals(3, server.goals().size(), "ended goals stay listed in the status");
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void followJointTrajectoryGoalReachesRospyFieldExact() throws Exception {
        Path definition = Files.createTempFile("mantis-fjt", ".msg");
        Files.writeString(definition, FollowJointTrajectoryAction.TYPE.definition());
        try (RospyPeer peer = RospyPeer.start(core, "action_peer.py",
                List.of("py_fjt_server", "server", "fjt", "/arm/follow_joint_trajectory", definition.toString()));
                RosNode node = RosNode.start(core.nodeConfig("java_fjt_client"));
                ActionClient<FollowJointTrajectoryGoal, FollowJointTrajectoryFeedback, FollowJointTrajectoryResult> client =
                        new ActionClient<>(node, "/arm/follow_joint_trajectory", FollowJointTrajectory.TYPE)) {
            // genmsg, given the definitions Mantis sends, computes the same MD5 sums
            JsonNode md5 = peer.await(e -> e.path("event").asText().equals("md5"), WAIT).get("types");
            assertEquals(13, md5.size()); // the 7 messages of the action and the 6 they use
            for (Map.Entry<String, JsonNode> e : md5.properties()) {
                assertEquals(MessageTypes.message(e.getKey()).md5(), e.getValue().asText(), e.getKey());
            }
            assertTrue(client.waitForServer(WAIT), client::missing);

            FollowJointTrajectoryGoal goal = new FollowJointTrajectoryGoal();
            ActionMessagesTest.fill(goal);
            CompletableFuture<FollowJointTrajectoryFeedback> feedback = new CompletableFuture<>();
            GoalOutcome<FollowJointTrajectoryResult> outcome = client.sendGoal(goal, feedback::complete)
                    .awaitResult(WAIT).orElseThrow();
            assertEquals(GoalState.SUCCEEDED, outcome.state());
            assertEquals("echoed", outcome.text());
            assertEquals(2, outcome.result().error_code);

            JsonNode echo = JSON.readTree(outcome.result().error_string);
            JsonNode trajectory = echo.get("trajectory");
            assertEquals("base_link", trajectory.at("/header/frame_id").asText());
            assertEquals(12, trajectory.at("/header/stamp/secs").asInt());
            assertEquals(345, trajectory.at("/header/stamp/nsecs").asInt());
            assertEquals(List.of(goal.trajectory.joint_names), strings(trajectory.get("joint_names")));
            for (int i = 0; i < 2; i++) {
                JointTrajectoryPoint sent = goal.trajectory.points[i];
                JsonNode got = trajectory.get("points").get(i);
                assertArrayEquals(sent.positions, doubles(got.get("positions")));
                assertArrayEquals(sent.velocities, doubles(got.get("velocities")));
                assertArrayEquals(sent.accelerations, doubles(got.get("accelerations")));
                assertArrayEquals(sent.effort, doubles(got.get("effort")));
                assertEquals(sent.time_from_start.secs(), got.at("/time_from_start/secs").asInt());
                assertEquals(sent.time_from_start.nsecs(), got.at("/time_from_start/nsecs").asInt());
            }
            JointTolerance path = goal.path_tolerance[0];
            JsonNode pathEcho = echo.get("path_tolerance").get(0);
            assertEquals(path.name, pathEcho.get("name").asText());
            assertArrayEquals(new double[] {path.position, path.velocity, path.acceleration}, new double[] {
                pathEcho.get("position").asDouble(), pathEcho.get("velocity").asDouble(),
                pathEcho.get("acceleration").asDouble()});
            assertEquals(1, echo.get("goal_tolerance").size());
            assertEquals(0.01, echo.get("goal_tolerance").get(0).get("position").asDouble());
            assertEquals(200_000_000, echo.at("/goal_time_tolerance/nsecs").asInt());

            FollowJointTrajectoryFeedback fb = feedback.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals("base_link", fb.header.frame_id);
            assertArrayEquals(goal.trajectory.joint_names, fb.joint_names);
            assertArrayEquals(goal.trajectory.points[1].positions, fb.desired.positions);
            assertArrayEquals(goal.trajectory.points[1].effort, fb.desired.effort);
            assertEquals(goal.trajectory.points[1].time_from_start, fb.desired.time_from_start);
            assertArrayEquals(goal.trajectory.points[0].positions, fb.actual.positions);
        } finally {
            Files.deleteIfExists(definition);
        }
    }

    @Test
    void javaClientFollowsJavaServerStatusRejectionAndCancel() throws Exception {
        List<ServerGoal<FollowJointTrajectoryGoal, FollowJointTrajectoryFeedback, FollowJointTrajectoryResult>> received =
                Collections.synchronizedList(new ArrayList<>());
        GoalHandler<FollowJointTrajectoryGoal, FollowJointTrajectoryFeedback, FollowJointTrajectoryResult> handler =
                new GoalHandler<>() {
                    @Override
                    public void onGoal(ServerGoal<FollowJointTrajectoryGoal, FollowJointTrajectoryFeedback,
                            FollowJointTrajectoryResult> g) {
                        received.add(g);
                        if (g.goal().trajectory.points.length == 0) {
                            FollowJointTrajectoryResult r = new FollowJointTrajectoryResult();
                            r.error_code = FollowJointTrajectoryResult.INVALID_GOAL;
                            r.error_string = "empty trajectory";
                            g.reject(r, "empty trajectory");
                        } else {
                            g.accept();
                        }
                    }

                    @Override
                    public void onCancel(ServerGoal<FollowJointTrajectoryGoal, FollowJointTrajectoryFeedback,
                            FollowJointTrajectoryResult> g) {
                        g.canceled(null, "stopped");
                    }
                };
        try (RosNode serverNode = RosNode.start(core.nodeConfig("java_fjt_server"));
                RosNode clientNode = RosNode.start(core.nodeConfig("java_fjt_client2"));
                ActionServer<FollowJointTrajectoryGoal, FollowJointTrajectoryFeedback, FollowJointTrajectoryResult> server =
                        new ActionServer<>(serverNode, "/ur/follow_joint_trajectory", FollowJointTrajectory.TYPE, handler, 20);
                ActionClient<FollowJointTrajectoryGoal, FollowJointTrajectoryFeedback, FollowJointTrajectoryResult> client =
                        new ActionClient<>(clientNode, "/ur/follow_joint_trajectory", FollowJointTrajectory.TYPE)) {
            assertTrue(client.waitForServer(WAIT));

            GoalOutcome<FollowJointTrajectoryResult> rejected = client.sendGoal(new FollowJointTrajectoryGoal(), null)
                    .awaitResult(WAIT).orElseThrow();
            assertEquals(GoalState.REJECTED, rejected.state());
            assertEquals(FollowJointTrajectoryResult.INVALID_GOAL, rejected.result().error_code);
            assertEquals("empty trajectory", rejected.text());
            IllegalStateException twice = assertThrows(IllegalStateException.class,
                    () -> received.get(0).succeed(null, "late"));
            assertEquals("cannot succeed goal " + received.get(0).id() + " on /ur/follow_joint_trajectory: it is REJECTED",
                    twice.getMessage());

            FollowJointTrajectoryGoal goal = new FollowJointTrajectoryGoal();
            ActionMessagesTest.fill(goal);
            ClientGoal<FollowJointTrajectoryFeedback, FollowJointTrajectoryResult> running = client.sendGoal(goal, null);
            // no feedback is sent: the client learns ACTIVE from the status topic alone
            Await.until(() -> running.state() == GoalState.ACTIVE, WAIT, () -> "goal state is " + running.state());
            assertFalse(running.isDone());
            assertTrue(running.awaitResult(Duration.ofMillis(50)).isEmpty());
            running.cancel();
            GoalOutcome<FollowJointTrajectoryResult> preempted = running.awaitResult(WAIT).orElseThrow();
            assertEquals(GoalState.PREEMPTED, preempted.state());
            assertEquals("stopped", preempted.text());
            assertEquals(GoalState.PREEMPTED, received.get(1).state());
            assertArrayEquals(goal.trajectory.points[1].positions, received.get(1).goal().trajectory.points[1].positions);
        }
    }

    @Test
    void cancelAllStopsEveryGoalAndARestartedServerLosesTheRest() throws Exception {
        GoalHandler<TestGoal, TestFeedback, TestResult> acceptor = new GoalHandler<>() {
            @Override
            public void onGoal(ServerGoal<TestGoal, TestFeedback, TestResult> g) {
                g.accept();
            }

            @Override
            public void onCancel(ServerGoal<TestGoal, TestFeedback, TestResult> g) {
                g.canceled(result(-g.goal().goal), "canceled");
            }
        };
        try (RosNode clientNode = RosNode.start(core.nodeConfig("java_cancel_client"));
                ActionClient<TestGoal, TestFeedback, TestResult> client = new ActionClient<>(clientNode, "/restarting", TEST)) {
            ClientGoal<TestFeedback, TestResult> orphan;
            try (RosNode serverNode = RosNode.start(core.nodeConfig("java_cancel_server"));
                    ActionServer<TestGoal, TestFeedback, TestResult> server =
                            new ActionServer<>(serverNode, "/restarting", TEST, acceptor, 20)) {
                assertTrue(client.waitForServer(WAIT), client::missing);
                ClientGoal<TestFeedback, TestResult> a = client.sendGoal(goal(1), null);
                ClientGoal<TestFeedback, TestResult> b = client.sendGoal(goal(2), null);
                Await.until(() -> a.state() == GoalState.ACTIVE && b.state() == GoalState.ACTIVE, WAIT,
                        () -> "states " + a.state() + ", " + b.state());
                client.cancelAll();
                GoalOutcome<TestResult> first = a.awaitResult(WAIT).orElseThrow();
                GoalOutcome<TestResult> second = b.awaitResult(WAIT).orElseThrow();
                assertEquals(List.of(GoalState.PREEMPTED, GoalState.PREEMPTED), List.of(first.state(), second.state()));
                assertEquals(List.of(-1, -2), List.of(first.result().result, second.result().result));

                orphan = client.sendGoal(goal(3), null);
                Await.until(() -> orphan.state() == GoalState.ACTIVE, WAIT, () -> "state " + orphan.state());
            }
            // a new server on the same namespace does not know the goal: its status makes it LOST
            try (RosNode serverNode = RosNode.start(core.nodeConfig("java_cancel_server2"));
                    ActionServer<TestGoal, TestFeedback, TestResult> server =
                            new ActionServer<>(serverNode, "/restarting", TEST, acceptor, 20)) {
                RosException lost = assertThrows(RosException.class, () -> orphan.awaitResult(WAIT));
                assertEquals("goal " + orphan.id() + " on /restarting was lost: the action server no longer lists it"
                        + " and sent no result", lost.getMessage());
                assertEquals(GoalState.LOST, orphan.state());
            }
        }
    }

    @Test
    void sendingWithoutAServerIsOneClearError() throws Exception {
        try (RosNode node = RosNode.start(core.nodeConfig("lonely_client"));
                ActionClient<FollowJointTrajectoryGoal, FollowJointTrajectoryFeedback, FollowJointTrajectoryResult> client =
                        new ActionClient<>(node, "nobody/follow_joint_trajectory", FollowJointTrajectory.TYPE)) {
            assertFalse(client.isServerConnected());
            RosException e = assertThrows(RosException.class, () -> client.sendGoal(new FollowJointTrajectoryGoal(), null));
            String ns = "/nobody/follow_joint_trajectory";
            assertEquals("no action server at " + ns + ": nothing subscribes to " + ns + "/goal, nothing subscribes to "
                    + ns + "/cancel, nothing publishes " + ns + "/status, nothing publishes " + ns + "/feedback, "
                    + "nothing publishes " + ns + "/result; start the server, or call waitForServer before sending goals",
                    e.getMessage());
        }
    }

    /** Waits until the peer's send_goal for {@code goal} returned, then lets the handler answer it. */
    private static void release(RospyPeer peer, Map<Integer, CountDownLatch> sent, int goal) throws InterruptedException {
        peer.await(e -> e.path("event").asText().equals("sent") && e.path("goal").asInt() == goal, WAIT);
        sent.get(goal).countDown();
    }

    private static JsonNode outcome(RospyPeer peer, int goal) throws InterruptedException {
        return peer.await(e -> e.path("event").asText().equals("outcome") && e.path("goal").asInt() == goal, WAIT);
    }

    private static TestGoal goal(int value) {
        TestGoal g = new TestGoal();
        g.goal = value;
        return g;
    }

    private static TestFeedback feedback(int value) {
        TestFeedback f = new TestFeedback();
        f.feedback = value;
        return f;
    }

    private static TestResult result(int value) {
        TestResult r = new TestResult();
        r.result = value;
        return r;
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test did not release the server within " + WAIT);
        }
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asInt()));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
