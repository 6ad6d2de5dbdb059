package dev.mantis.robot.ros.msg;

/**
 * A ROS {@code duration}: signed 32-bit seconds and nanoseconds.
 *
 * @param secs seconds
 * @param nsecs nanoseconds
 */
public record RosDuration(int secs, int nsecs) {

    /** Zero duration. */
    public static final RosDuration ZERO = new RosDuration(0, 0);

    /** The duration of a count of seconds. */
    public static RosDuration ofSeconds(double seconds) {
        long nanos = Math.round(seconds * 1e9);
        return new RosDuration((int) Math.floorDiv(nanos, 1_000_000_000L), (int) Math.floorMod(nanos, 1_000_000_000L));
    }

    /** This duration in seconds. */
    public double toSeconds() {
        return secs + nsecs * 1e-9;
    }
}
