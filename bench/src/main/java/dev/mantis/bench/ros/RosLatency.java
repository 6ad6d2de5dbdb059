package dev.mantis.bench.ros;

import dev.mantis.robot.ros.Publisher;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.RosNodeConfig;
import dev.mantis.robot.ros.msg.RosTime;
import dev.mantis.robot.ros.msg.sensor_msgs.JointState;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One side of the ROS latency benchmark (bench/run-ros-latency.sh): {@code pub} publishes
 * sensor_msgs/JointState with 7 joints at a rate, stamping each with the wall clock;
 * {@code sub} receives them in another process and prints the p50 and p99 of (arrival - stamp)
 * in microseconds. bench/ros/latency.py is the same pair in rospy, bench/ros/latency.cpp in roscpp.
 *
 * <p>Usage: {@code RosLatency pub|sub TOPIC RATE_HZ COUNT WARMUP} with ROS_MASTER_URI set.
 */
public final class RosLatency {

    private RosLatency() {
    }

    /** Runs one side. */
    public static void main(String[] args) throws Exception {
        String topic = args[1];
        double rate = Double.parseDouble(args[2]);
        int count = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        if (args[0].equals("pub")) {
            publish(topic, rate, count + warmup);
        } else {
            subscribe(topic, count, warmup);
        }
    }

    private static long nowMicros() {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    private static void publish(String topic, double rate, int total) throws InterruptedException {
        try (RosNode node = RosNode.start(RosNodeConfig.fromEnvironment("latency_pub", List.of()))) {
            Publisher<JointState> pub = node.publisher(topic, JointState.TYPE, false, total);
            while (pub.subscriberCount() == 0) {
                Thread.sleep(10);
            }
            Thread.sleep(500);
            JointState js = new JointState();
            js.name = new String[7];
            js.position = new double[7];
            js.velocity = new double[7];
            js.effort = new double[7];
            for (int i = 0; i < 7; i++) {
                js.name[i] = "panda_joint" + (i + 1);
            }
            long period = (long) (1e9 / rate);
            long next = System.nanoTime();
            for (int n = 0; n < total; n++) {
                for (int i = 0; i < 7; i++) {
                    js.position[i] = 0.001 * n + i;
                }
                js.header.seq = n;
                long us = nowMicros();
                js.header.stamp = new RosTime((int) (us / 1_000_000), (int) (us % 1_000_000) * 1000);
                pub.publish(js);
                next += period;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            pub.awaitSent(Duration.ofSeconds(5));
            Thread.sleep(500);
        }
    }

    private static void subscribe(String topic, int count, int warmup) throws InterruptedException {
        long[] latency = new long[count];
        int[] received = new int[1];
        CountDownLatch done = new CountDownLatch(1);
        try (RosNode node = RosNode.start(RosNodeConfig.fromEnvironment("latency_sub", List.of()))) {
            node.subscribe(topic, JointState.TYPE, js -> {
                long now = nowMicros();
                int n = received[0]++;
                if (n >= warmup && n - warmup < count) {
                    latency[n - warmup] = now - js.header.stamp.toNanos() / 1000;
                    if (n - warmup == count - 1) {
                        done.countDown();
                    }
                }
            }, 10_000);
            if (!done.await(120, TimeUnit.SECONDS)) {
                System.err.println("latency sub: only " + received[0] + " messages received");
                System.exit(1);
            }
        }
        Arrays.sort(latency);
        System.out.printf("p50_us %d p99_us %d n %d%n", latency[count / 2], latency[(int) (count * 0.99)], count);
    }
}
