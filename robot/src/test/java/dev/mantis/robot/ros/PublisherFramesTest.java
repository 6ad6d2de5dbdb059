package dev.mantis.robot.ros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.mantis.robot.ros.msg.std_msgs.String;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A publisher's frames keep their bytes while its subscriber links reuse arrays: small frames are
 * copied into reused arrays, large and latched ones are shared by all subscribers.
 */
class PublisherFramesTest {

    private static List<java.lang.String> take(BlockingQueue<java.lang.String> queue, int n) throws InterruptedException {
        List<java.lang.String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            java.lang.String s = queue.poll(10, TimeUnit.SECONDS);
            assertNotNull(s, "only " + i + " of " + n + " messages arrived");
            out.add(s);
        }
        return out;
    }

    private static List<java.lang.String> publishMany(Publisher<String> pub) {
        List<java.lang.String> sent = new ArrayList<>();
        String m = new String();
        for (int i = 0; i < 300; i++) {
            // lengths that grow and shrink, and two frames over the 64 KiB reuse limit
            m.data = i == 100 || i == 200 ? "big" + i + "y".repeat(70_000) : "m" + i + "x".repeat((i * 37) % 300);
            sent.add(m.data);
            pub.publish(m);
        }
        return sent;
    }

    @Test
    void everyMessageArrivesIntactThroughReusedArrays() throws Exception {
        Roscore core = Roscore.shared();
        try (RosNode pubNode = RosNode.start(core.nodeConfig("mantis_frames_pub"));
                RosNode subNode = RosNode.start(core.nodeConfig("mantis_frames_sub"))) {
            BlockingQueue<java.lang.String> a = new LinkedBlockingQueue<>();
            BlockingQueue<java.lang.String> b = new LinkedBlockingQueue<>();
            subNode.subscribe("/mantis_frames", String.TYPE, m -> a.add(m.data), 1000);
            pubNode.subscribe("/mantis_frames", String.TYPE, m -> b.add(m.data), 1000);
            Publisher<String> pub = pubNode.publisher("/mantis_frames", String.TYPE, false, 1000);
            Await.until(() -> pub.subscriberCount() == 2, Duration.ofSeconds(10), () -> "the subscribers never connected");
            List<java.lang.String> sent = publishMany(pub);
            assertEquals(sent, take(a, sent.size()));
            assertEquals(sent, take(b, sent.size()));
        }
    }

    @Test
    void aLateSubscriberGetsTheLatchedMessageIntact() throws Exception {
        Roscore core = Roscore.shared();
        try (RosNode pubNode = RosNode.start(core.nodeConfig("mantis_latch_pub"));
                RosNode subNode = RosNode.start(core.nodeConfig("mantis_latch_sub"))) {
            BlockingQueue<java.lang.String> early = new LinkedBlockingQueue<>();
            subNode.subscribe("/mantis_latched_frames", String.TYPE, m -> early.add(m.data), 1000);
            Publisher<String> pub = pubNode.publisher("/mantis_latched_frames", String.TYPE, true, 1000);
            Await.until(() -> pub.subscriberCount() == 1, Duration.ofSeconds(10), () -> "the subscriber never connected");
            List<java.lang.String> sent = publishMany(pub);
            assertEquals(sent, take(early, sent.size()));
            BlockingQueue<java.lang.String> late = new LinkedBlockingQueue<>();
            pubNode.subscribe("/mantis_latched_frames", String.TYPE, m -> late.add(m.data), 10);
            assertEquals(List.of(sent.get(sent.size() - 1)), take(late, 1));
        }
    }
}
