package dev.mantis.robot.ros;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.ros.master.SystemState;
import dev.mantis.robot.ros.msg.std_msgs.String;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Java subscriber survives a rospy publisher restarted mid-stream and a restarted roscore. */
class RosRecoveryTest {

    private static final Duration RESUME = Duration.ofSeconds(2);

    private static Roscore core;
    private RosNode node;

    @BeforeAll
    static void startRoscore() throws Exception {
        core = Roscore.shared();
    }

    @BeforeEach
    void startNode() {
        node = RosNode.start(core.nodeConfig("mantis_recovery"));
    }

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    private static java.lang.String awaitPrefix(BlockingQueue<java.lang.String> received, java.lang.String prefix,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            java.lang.String s = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
            if (s == null || s.startsWith(prefix)) {
                return s;
            }
        }
    }

    @Test
    void aRestartedRospyPublisherIsResumedWithinTwoSeconds() throws Exception {
        BlockingQueue<java.lang.String> received = new LinkedBlockingQueue<>();
        node.subscribe("/mantis_stream", String.TYPE, m -> received.add(m.data), 100);
        try (RospyPeer first = RospyPeer.start(core, "streamer")) {
            first.run(RospyPeer.command("stream").put("topic", "/mantis_stream").put("prefix", "a").put("rate", 50));
            assertNotNull(awaitPrefix(received, "a", Duration.ofSeconds(10)), "first publisher never reached Java");
            first.kill();
        }
        try (RospyPeer second = RospyPeer.start(core, "streamer")) {
            second.run(RospyPeer.command("stream").put("topic", "/mantis_stream").put("prefix", "b").put("rate", 50));
            assertNotNull(awaitPrefix(received, "b", RESUME), "restarted publisher not resumed within " + RESUME);
        }
    }

    @Test
    void aRestartedRoscoreIsSurvived() throws Exception {
        BlockingQueue<java.lang.String> received = new LinkedBlockingQueue<>();
        node.subscribe("/mantis_after_restart", String.TYPE, m -> received.add(m.data), 100);
        node.publisher("/mantis_java_pub", String.TYPE, true, 1);
        core.restart();
        Await.until(() -> {
            try {
                SystemState state = node.master().getSystemState();
                return state.subscribers().getOrDefault("/mantis_after_restart", List.of()).contains("/mantis_recovery")
                        && state.publishers().getOrDefault("/mantis_java_pub", List.of()).contains("/mantis_recovery");
            } catch (RosException e) {
                return false;
            }
        }, RESUME, () -> "the Java node did not re-register with the restarted master");
        try (RospyPeer peer = RospyPeer.start(core, "streamer_after_restart")) {
            peer.run(RospyPeer.command("stream").put("topic", "/mantis_after_restart").put("prefix", "c").put("rate", 50));
            java.lang.String got = awaitPrefix(received, "c", RESUME);
            assertNotNull(got, "no message from a publisher started after the master restart within " + RESUME);
            assertTrue(got.matches("c\\d+"), got);
        }
    }
}
