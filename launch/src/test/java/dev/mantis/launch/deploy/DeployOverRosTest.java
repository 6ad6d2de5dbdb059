package dev.mantis.launch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.assets.BundledTasks;
import dev.mantis.launch.MantisCommand;
import dev.mantis.robot.dataset.DatasetReader;
import dev.mantis.robot.dataset.EpisodeFrames;
import dev.mantis.robot.ros.OwnRoscore;
import dev.mantis.robot.ros.Publisher;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.Subscriber;
import dev.mantis.robot.ros.msg.rosgraph_msgs.Clock;
import dev.mantis.robot.ros.msg.std_msgs.Bool;
import dev.mantis.sim.record.TaskRecording;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end over a real roscore: {@code mantis sim serve-ros} in its own JVM plays the robot's
 * driver, {@code mantis deploy} drives it through the profile's topics exactly as a real robot.
 */
class DeployOverRosTest {

    @RegisterExtension
    static final OwnRoscore CORE = new OwnRoscore(); // its own master: the served simulator sets /use_sim_time
    private ServedSimulator sim;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }


    @AfterEach
    void stopSim() throws Exception {
        if (sim != null) {
            sim.close();
        }
    }

    private void serve(String... args) throws IOException {
        sim = ServedSimulator.start(CORE.get(), args);
    }

    private static Run deploy(String... args) {
        return deploy(new ByteArrayOutputStream(), args);
    }

    private static Run deploy(OutputStream errSink, String... args) {
        List<String> full = new ArrayList<>(List.of("deploy", "--master", CORE.get().uri().toString(), "--state-timeout", "5"));
        full.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                err.write(b);
                errSink.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                err.write(b, off, len);
                errSink.write(b, off, len);
            }
        };
        int code = MantisCommand.run(full.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(both, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static double successPercent(Run r, String task) {
        Matcher m = Pattern.compile("(?m)^" + task + "\\s+20\\s+([0-9.]+)%").matcher(r.out());
        assertTrue(m.find(), r.out() + r.err());
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theOracleReachesOverRos() throws Exception {
        serve("--robot", "panda", "--profile", "franka", "--task", "reach");
        Run r = deploy("--robot", "ros:franka", "--task", "reach", "--policy", "oracle", "--episodes", "20");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(successPercent(r, "reach") >= 90, r.out());
    }

    @Test
    void deployStartedBeforeTheSimulatorWaitsForItAndFollowsItsClock() throws Exception {
        Run[] result = new Run[1];
        Thread deploy = new Thread(() -> result[0] = deploy("--robot", "ros:franka", "--task", "reach", "--policy",
                "oracle", "--episodes", "3", "--connect-timeout", "120"));
        deploy.start();
        serve("--robot", "panda", "--profile", "franka", "--task", "reach");
        deploy.join(180_000);
        Run r = result[0];
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("safety (default): no clamps or stops"), "no watchdog trips: " + r.out());
    }

    @Test
    void theOraclePicksAndPlacesOverRosAndTheRunIsRecorded() throws Exception {
        serve("--robot", "panda", "--profile", "franka", "--task", "pick_place");
        Path out = dir.resolve("pick_place");
        Run r = deploy("--robot", "ros:franka", "--task", "pick_place", "--policy", "oracle", "--episodes", "20",
                "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(successPercent(r, "pick_place") >= 90, r.out());
        DatasetReader reader = DatasetReader.open(out);
        assertEquals(List.of(), reader.validate());
        assertEquals(20, reader.episodes().size());
        EpisodeFrames first = reader.episode(0);
        assertEquals("pick_place", first.row().extra(TaskRecording.TASK_ID));
        assertEquals(8, first.get("observation.state", 0).length, "7 arm joints and the gripper width");
        assertEquals(7, first.get("action", 0).length, "pd_ee_delta_pose and the gripper width");
        assertTrue(first.has(TaskRecording.SAFETY_CLAMPED));
    }

    @Test
    void killingTheSimulatorStopsDeployWithin100ms() throws Exception {
        serve("--robot", "panda", "--profile", "franka", "--task", "reach");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicLong stoppedAt = new AtomicLong();
        OutputStream watch = new OutputStream() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public synchronized void write(int b) {
                text.append((char) b);
                if (text.indexOf(" episodes, ") >= 0) {
                    running.countDown();
                }
                if (stopped.getCount() > 0 && text.indexOf("deploy stopped") >= 0) {
                    stoppedAt.set(System.nanoTime());
                    stopped.countDown();
                }
            }
        };
        Path out = dir.resolve("killed");
        Run[] result = new Run[1];
        Thread deploy = new Thread(() -> result[0] = deploy(watch, "--robot", "ros:franka", "--task", "reach",
                "--policy", "oracle", "--episodes", "100000", "--out", out.toString()));
        deploy.start();
        assertTrue(running.await(60, TimeUnit.SECONDS), "deploy finished an episode");
        // the node is dead when its connections close, which the kernel does while tearing the killed
        // JVM down (tens of milliseconds): a probe subscription of this JVM sees that moment
        try (RosNode probe = RosNode.start(CORE.get().nodeConfig("death_probe"));
                Subscriber<Clock> clock = probe.subscribe("/clock", Clock.TYPE, c -> { }, 1)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (clock.publisherCount() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(1, clock.publisherCount(), "the probe hears the simulator");
            long killedAt = System.nanoTime();
            sim.kill(); // SIGKILL
            while (clock.publisherCount() > 0 && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(10)) {
                Thread.onSpinWait();
            }
            long deadAt = System.nanoTime();
            assertTrue(stopped.await(10, TimeUnit.SECONDS), "deploy noticed");
            double millis = (stoppedAt.get() - deadAt) / 1e6;
            assertTrue(millis < 100, "deploy stopped " + millis + " ms after the simulator's node died ("
                    + (deadAt - killedAt) / 1e6 + " ms after SIGKILL)");
        }
        deploy.join(30_000);
        Run r = result[0];
        assertEquals(1, r.code(), r.err());
        // killed during a step or during the reset between episodes
        assertTrue(r.err().contains("deploy stopped: robot lost: the publishers of [/franka_state_controller/"
                + "joint_states, /franka_gripper/joint_states] disconnected")
                || r.err().contains("deploy stopped: robot lost: the cell did not reset episode"), r.err());
        DatasetReader reader = DatasetReader.open(out);
        assertEquals(List.of(), reader.validate(), "what was recorded is kept");
        List<String> failures = reader.episodes().stream().map(e -> (String) e.extra(TaskRecording.FAILURE)).toList();
        assertTrue(failures.size() >= 1, "the episodes before the kill are kept");
        String last = failures.get(failures.size() - 1);
        assertTrue(last.equals(Deployment.ROBOT_LOST) || last.isEmpty(), failures.toString());
        assertTrue(reader.episodes().size() < 100000);
    }

    @Test
    void theEstopTopicStopsTheRun() throws Exception {
        serve("--robot", "panda", "--profile", "franka", "--task", "reach");
        CountDownLatch running = new CountDownLatch(1);
        OutputStream watch = new OutputStream() {
            @Override
            public void write(int b) {
                if (b == '/') { // the progress bar's "k/N episodes"
                    running.countDown();
                }
            }
        };
        Run[] result = new Run[1];
        Thread deploy = new Thread(() -> result[0] = deploy(watch, "--robot", "ros:franka", "--task", "reach",
                "--policy", "oracle", "--episodes", "100000"));
        deploy.start();
        assertTrue(running.await(60, TimeUnit.SECONDS), "deploy finished an episode");
        try (RosNode operator = RosNode.start(CORE.get().nodeConfig("operator"));
                Publisher<Bool> estop = operator.publisher("/mantis/estop", Bool.TYPE, true, 1)) {
            Bool engage = new Bool();
            engage.data = true;
            estop.publish(engage);
            deploy.join(60_000);
        }
        Run r = result[0];
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("deploy stopped: e-stop engaged on /mantis/estop; release it and "
                + "run again"), r.err());
        assertTrue(r.out().contains("safety_stop"), r.out());
    }

    @Test
    void aJumpBeyondTheLimitsIsClampedAndLogged() throws Exception {
        // reach with absolute joint targets: the random policy jumps across each joint's whole range
        Path task = dir.resolve("reach_joints.yaml");
        Files.writeString(task, BundledTasks.yaml("reach").orElseThrow()
                .replace("controller: pd_ee_delta_pose", "controller: pd_joint_pos").replace("id: reach", "id: reach_joints"));
        serve("--robot", "panda", "--profile", "franka", "--task", task.toString());
        Path out = dir.resolve("jumps");
        Run r = deploy("--robot", "ros:franka", "--task", task.toString(), "--policy", "random", "--episodes", "1",
                "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("velocity_limit"), r.out());
        EpisodeFrames frames = DatasetReader.open(out).episode(0);
        double clamped = 0;
        for (double c : frames.all(TaskRecording.SAFETY_CLAMPED)) {
            clamped += c;
        }
        assertTrue(clamped > 0, "clamps are recorded per frame");
        String log = (String) frames.row().extra(TaskRecording.SAFETY_LOG);
        assertTrue(log.contains("velocity"), log);
    }
}
