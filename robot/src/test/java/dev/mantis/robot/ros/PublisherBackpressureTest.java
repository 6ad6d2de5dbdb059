package dev.mantis.robot.ros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.ros.msg.std_msgs.String;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A publisher writes on the publishing thread only what the socket takes at once: a subscriber
 * that stops reading fills the socket and then the link's bounded queue, which drops the oldest,
 * and publish() never waits for it. What arrives afterwards is whole frames, the newest last.
 */
@Timeout(60)
class PublisherBackpressureTest {

    private static final int COUNT = 3000;

    /** Message i: its number, then filler; every 100th is over the 64 KiB limit of reused buffers. */
    private static java.lang.String text(int i) {
        int filler = i % 100 == 99 ? 100_000 : 10_000 + i % 7;
        return i + ":" + Character.toString('a' + i % 26).repeat(filler);
    }

    @Test
    void aSubscriberThatStopsReadingNeverBlocksPublishAndGetsWholeFramesAfter() throws Exception {
        Roscore core = Roscore.shared();
        try (RosNode pubNode = RosNode.start(core.nodeConfig("mantis_backpressure_pub"));
                RosNode subNode = RosNode.start(core.nodeConfig("mantis_backpressure_sub"))) {
            ListenerGate gate = new ListenerGate();
            BlockingQueue<java.lang.String> seen = new LinkedBlockingQueue<>();
            Subscriber<String> sub = subNode.subscribe("/mantis_backpressure", String.TYPE, m -> {
                seen.add(m.data);
                if (m.data.startsWith("first")) {
                    gate.hold();
                }
            }, 10);
            Publisher<String> pub = pubNode.publisher("/mantis_backpressure", String.TYPE, false, 10);
            Await.until(() -> pub.subscriberCount() == 1 && sub.publisherCount() == 1, Duration.ofSeconds(10),
                    () -> "the subscriber never connected");
            String m = new String();
            m.data = "first";
            pub.publish(m);
            assertTrue(gate.awaitHeld(), "the first message never arrived");
            // the subscriber's only reader is held in its listener: about 30 MB go to a socket nobody reads
            for (int i = 0; i < COUNT; i++) {
                m.data = text(i);
                pub.publish(m);
            }
            assertFalse(pub.awaitSent(Duration.ofMillis(1)), "30 MB fitted in the socket buffers; the test proves nothing");
            gate.release();
            assertEquals("first", seen.take());
            List<Integer> numbers = new ArrayList<>();
            while (numbers.isEmpty() || numbers.get(numbers.size() - 1) != COUNT - 1) {
                java.lang.String s = seen.poll(10, TimeUnit.SECONDS);
                assertNotNull(s, "the last message never arrived; got " + numbers.size() + " messages");
                int i = Integer.parseInt(s.substring(0, s.indexOf(':')));
                assertEquals(text(i), s, "message " + i + " arrived damaged");
                if (!numbers.isEmpty()) {
                    assertTrue(i > numbers.get(numbers.size() - 1), "message " + i + " after " + numbers);
                }
                numbers.add(i);
            }
            assertTrue(numbers.size() < COUNT, "nothing was dropped: the subscriber read everything");
            assertTrue(pub.awaitSent(Duration.ofSeconds(10)), "the queue never drained");
        }
    }
}
