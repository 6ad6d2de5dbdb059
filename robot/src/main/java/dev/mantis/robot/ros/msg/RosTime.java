package dev.mantis.robot.ros.msg;

/**
 * A ROS {@code time}: seconds and nanoseconds since the epoch (or since simulation start), both
 * unsigned 32-bit on the wire and held here in their bit pattern.
 *
 * @param secs seconds (unsigned)
 * @param nsecs nanoseconds (unsigned, normally below 1e9)
 */
public record RosTime(int secs, int nsecs) {

    /** Time zero. */
    public static final RosTime ZERO = new RosTime(0, 0);

    /** The time of a count of nanoseconds. */
    public static RosTime ofNanos(long nanos) {
        return new RosTime((int) (nanos / 1_000_000_000L), (int) (nanos % 1_000_000_000L));
    }

    /** This time in nanoseconds. */
    public long toNanos() {
        return Integer.toUnsignedLong(secs) * 1_000_000_000L + Integer.toUnsignedLong(nsecs);
    }

    /** This time in seconds. */
    public double toSeconds() {
        return toNanos() * 1e-9;
    }
}
