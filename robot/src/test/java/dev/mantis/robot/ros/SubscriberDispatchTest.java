package dev.mantis.robot.ros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.ros.msg.std_msgs.Int32;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A subscription hands its listener one message at a time, in each publisher's order, and a
 * listener slower than the publisher gets the newest messages (its queue drops the oldest), even
 * though a connection's own thread calls the listener when it is idle.
 */
@Timeout(60)
class SubscriberDispatchTest {

    private static final int BURST = 1000;

    private static Int32 int32(int data) {
        Int32 m = new Int32();
        m.data = data;
        return m;
    }

    @Test
    void aSlowListenerWithQueueOneGetsTheNewestMessageNotAStaleOne() throws Exception {
        Roscore core = Roscore.shared();
        try (RosNode pubNode = RosNode.start(core.nodeConfig("mantis_slow_pub"));
                RosNode subNode = RosNode.start(core.nodeConfig("mantis_slow_sub"))) {
            ListenerGate gate = new ListenerGate();
            BlockingQueue<Integer> seen = new LinkedBlockingQueue<>();
            Subscriber<Int32> sub = subNode.subscribe("/mantis_slow", Int32.TYPE, m -> {
                seen.add(m.data);
                if (m.data == 0) {
                    gate.hold();
                }
            }, 1);
            Publisher<Int32> pub = pubNode.publisher("/mantis_slow", Int32.TYPE, false, BURST);
            Await.until(() -> pub.subscriberCount() == 1 && sub.publisherCount() == 1, Duration.ofSeconds(10),
                    () -> "the subscriber never connected");
            pub.publish(int32(0));
            assertTrue(gate.awaitHeld(), "the first message never arrived");
            // the listener is busy with message 0 while the rest arrive
            for (int i = 1; i < BURST; i++) {
                pub.publish(int32(i));
            }
            assertTrue(pub.awaitSent(Duration.ofSeconds(10)), "the burst was not sent");
            gate.release();
            assertEquals(0, seen.take());
            List<Integer> after = new ArrayList<>();
            while (after.isEmpty() || after.get(after.size() - 1) != BURST - 1) {
                Integer next = seen.poll(10, TimeUnit.SECONDS);
                assertNotNull(next, "the newest message never arrived; got " + after);
                after.add(next);
            }
            // a queue of one keeps the newest: at most a few messages still on their way when the
            // listener returned come before it, never the whole stale burst
            assertTrue(after.size() <= 5, "a listener with queue 1 was handed stale messages: " + after);
            for (int i = 1; i < after.size(); i++) {
                assertTrue(after.get(i) > after.get(i - 1), "out of order: " + after);
            }
            assertTrue(sub.droppedCount() >= BURST - 1 - after.size(), "dropped " + sub.droppedCount());
        }
    }

    @Test
    void theListenerIsCalledOneAtATimeInEachPublishersOrder() throws Exception {
        Roscore core = Roscore.shared();
        try (RosNode pubA = RosNode.start(core.nodeConfig("mantis_order_pub_a"));
                RosNode pubB = RosNode.start(core.nodeConfig("mantis_order_pub_b"));
                RosNode subNode = RosNode.start(core.nodeConfig("mantis_order_sub"))) {
            int perPublisher = 3000;
            AtomicInteger inListener = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            int[] last = {-1, -1};
            List<java.lang.String> disorder = new ArrayList<>();
            CountDownLatch all = new CountDownLatch(2 * perPublisher);
            Subscriber<Int32> sub = subNode.subscribe("/mantis_order", Int32.TYPE, m -> {
                if (inListener.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                int publisher = m.data / 1_000_000;
                int seq = m.data % 1_000_000;
                if (seq != last[publisher] + 1) {
                    disorder.add(publisher + ":" + last[publisher] + "->" + seq);
                }
                last[publisher] = seq;
                inListener.decrementAndGet();
                all.countDown();
            }, 2 * perPublisher);
            Publisher<Int32> a = pubA.publisher("/mantis_order", Int32.TYPE, false, perPublisher);
            Publisher<Int32> b = pubB.publisher("/mantis_order", Int32.TYPE, false, perPublisher);
            Await.until(() -> sub.publisherCount() == 2 && a.subscriberCount() == 1 && b.subscriberCount() == 1,
                    Duration.ofSeconds(10), () -> "the subscriber never connected to both publishers");
            Thread other = new Thread(() -> {
                for (int i = 0; i < perPublisher; i++) {
                    b.publish(int32(1_000_000 + i));
                }
            });
            other.start();
            for (int i = 0; i < perPublisher; i++) {
                a.publish(int32(i));
            }
            other.join();
            assertTrue(all.await(30, TimeUnit.SECONDS), "only " + (2 * perPublisher - all.getCount()) + " arrived");
            assertEquals(0, overlaps.get(), "the listener was called concurrently");
            assertEquals(List.of(), disorder);
            assertEquals(0, sub.droppedCount());
        }
    }
}
