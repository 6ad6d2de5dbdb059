package dev.mantis.robot.ros.driver;

import dev.mantis.robot.ros.msg.sensor_msgs.JointState;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest joint states of a robot gathered from its state topics: per known joint the last
 * position, velocity and effort, and per topic the stamp of its last message (seconds). Written by
 * the subscription threads, read by the control loop; {@link #awaitStamp} waits for a state at
 * least as new as a given stamp on every topic. A stamp older than its topic's last means time
 * ran backwards (the driver restarted): every topic's stamp is forgotten.
 */
final class JointStateBoard {

    private final Map<String, Integer> index = new HashMap<>();
    private final double[] position;
    private final double[] velocity;
    private final double[] effort;
    private final double[] stamps;
    private final boolean[] seen;

    /** A board for {@code joints}, fed by {@code topics} topics. */
    JointStateBoard(List<String> joints, int topics) {
        for (int i = 0; i < joints.size(); i++) {
            index.put(joints.get(i), i);
        }
        position = new double[joints.size()];
        velocity = new double[joints.size()];
        effort = new double[joints.size()];
        stamps = new double[topics];
        Arrays.fill(stamps, Double.NEGATIVE_INFINITY);
        seen = new boolean[joints.size()];
    }

    /** Takes in a message of topic {@code topic}: joints this board does not know are ignored. */
    synchronized void accept(int topic, JointState msg) {
        for (int k = 0; k < msg.name.length; k++) {
            Integer i = index.get(msg.name[k]);
            if (i == null) {
                continue;
            }
            position[i] = k < msg.position.length ? msg.position[k] : position[i];
            velocity[i] = k < msg.velocity.length ? msg.velocity[k] : 0;
            effort[i] = k < msg.effort.length ? msg.effort[k] : 0;
            seen[i] = true;
        }
        double stamp = msg.header.stamp.toSeconds();
        if (stamp < stamps[topic]) {
            // time ran backwards (a restarted driver or simulator): the other topics' stamps are stale
            java.util.Arrays.fill(stamps, Double.NEGATIVE_INFINITY);
        }
        stamps[topic] = stamp;
        notifyAll();
    }

    /** Forgets every state heard so far (e.g. before waiting for a restarted driver). */
    synchronized void forget() {
        Arrays.fill(stamps, Double.NEGATIVE_INFINITY);
        Arrays.fill(seen, false);
    }

    /** The oldest of the topics' latest stamps (seconds; -infinity before every topic spoke). */
    synchronized double stamp() {
        double min = Double.POSITIVE_INFINITY;
        for (double s : stamps) {
            min = Math.min(min, s);
        }
        return min;
    }

    /** Whether every joint has been heard of. */
    synchronized boolean complete() {
        for (boolean s : seen) {
            if (!s) {
                return false;
            }
        }
        return true;
    }

    /** The joints not heard of yet. */
    synchronized List<String> missing() {
        return index.entrySet().stream().filter(e -> !seen[e.getValue()]).map(Map.Entry::getKey).sorted().toList();
    }

    /** Copies positions, velocities and efforts (in board order) and returns their stamp. */
    synchronized double copy(double[] p, double[] v, double[] e) {
        System.arraycopy(position, 0, p, 0, p.length);
        System.arraycopy(velocity, 0, v, 0, v.length);
        System.arraycopy(effort, 0, e, 0, e.length);
        return stamp();
    }

    /**
     * Waits until every joint was heard of and every topic's latest stamp is at least
     * {@code stamp}, for at most {@code timeoutNanos}, or until {@code stop} says so (checked on
     * every wake-up and at least every millisecond).
     *
     * @return whether the state arrived
     */
    synchronized boolean awaitStamp(double stamp, long timeoutNanos, java.util.function.BooleanSupplier stop)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (!(complete() && stamp() >= stamp)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || stop.getAsBoolean()) {
                return false;
            }
            long millis = Math.min(1, left / 1_000_000);
            wait(millis, millis == 0 ? (int) Math.max(1, left % 1_000_000) : 0);
        }
        return true;
    }
}
