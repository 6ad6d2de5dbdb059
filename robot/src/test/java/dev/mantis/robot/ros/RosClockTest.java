package dev.mantis.robot.ros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.ros.msg.RosTime;
import dev.mantis.robot.ros.msg.rosgraph_msgs.Clock;
import dev.mantis.robot.ros.msg.rosgraph_msgs.Log;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code /clock} with {@code use_sim_time}, and {@code /rosout} logging. */
class RosClockTest {

    @Test
    void aNodeStartedWithUseSimTimeFollowsClock() throws Exception {
        Roscore core = Roscore.shared();
        try (RosNode sim = RosNode.start(core.nodeConfig("sim_clock"))) {
            Publisher<Clock> clock = sim.publisher("/clock", Clock.TYPE, true, 1);
            sim.params().set("/use_sim_time", true);
            try (RosNode node = RosNode.start(core.nodeConfig("sim_follower"))) {
                assertTrue(node.usesSimTime());
                Clock c = new Clock();
                c.clock = new RosTime(12, 500_000_000);
                clock.publish(c);
                Await.until(() -> node.now().equals(c.clock), Duration.ofSeconds(10), () -> "now() is " + node.now());
                assertEquals(12.5, node.now().toSeconds(), 1e-9);
            } finally {
                sim.params().delete("/use_sim_time");
            }
            try (RosNode wall = RosNode.start(core.nodeConfig("wall_clock"))) {
                assertFalse(wall.usesSimTime());
                assertTrue(Math.abs(wall.now().toSeconds() - System.currentTimeMillis() / 1e3) < 5);
            }
        }
    }

    @Test
    void logLinesReachRosout() throws Exception {
        Roscore core = Roscore.shared();
        try (RosNode listener = RosNode.start(core.nodeConfig("rosout_listener"));
                RosNode node = RosNode.start(core.nodeConfig("chatty"))) {
            BlockingQueue<Log> logs = new LinkedBlockingQueue<>();
            listener.subscribe("/rosout", Log.TYPE, logs::add, 100);
            Await.until(() -> node.connectionCount() > 1, Duration.ofSeconds(10), () -> "listener never connected to /chatty");
            node.logWarn("gripper slow to close");
            Log log;
            do {
                log = logs.poll(10, TimeUnit.SECONDS);
                assertNotNull(log, "no /rosout line from /chatty");
            } while (!log.name.equals("/chatty"));
            assertEquals(Log.WARN, log.level);
            assertEquals("gripper slow to close", log.msg);
        }
    }
}
