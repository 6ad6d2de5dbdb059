package dev.mantis.robot.safety;

import java.util.Locale;

/**
 * One intervention of the safety layer: a command element clamped, a command held back, or a
 * stop.
 *
 * @param time when it happened, seconds on the safety layer's clock
 * @param kind what limit acted
 * @param axis the joint name, an end-effector axis ({@code ee.x}, {@code ee.translation}, ...) or
 *     {@code all} for a whole command
 * @param commanded the value asked for (NaN for a whole command)
 * @param applied the value sent instead (NaN for a whole command)
 * @param reason why, in words
 */
public record SafetyEvent(double time, Kind kind, String axis, double commanded, double applied, String reason) {

    /** What acted. Codes are stable: datasets store them in {@code safety.event}. */
    public enum Kind {
        /** A joint target beyond the position limit (with its margin). */
        POSITION_LIMIT(1, false),
        /** A joint or end-effector speed above its limit. */
        VELOCITY_LIMIT(2, false),
        /** A speed change faster than the acceleration limit. */
        ACCELERATION_LIMIT(3, false),
        /** An end-effector target outside the workspace box. */
        WORKSPACE(4, false),
        /** A command sooner than the minimum period after the last: held and merged into the next. */
        RATE_LIMIT(5, false),
        /** The watchdog: the state is stale or the policy step is late; the robot holds or stops. */
        WATCHDOG(6, true),
        /** The emergency stop is engaged; commands are refused until it is reset. */
        ESTOP(7, true);

        private final int code;
        private final boolean stop;

        Kind(int code, boolean stop) {
            this.code = code;
            this.stop = stop;
        }

        /** The code datasets record (0 means no event). */
        public int code() {
            return code;
        }

        /** Whether this kind stops the robot rather than clamping one command. */
        public boolean isStop() {
            return stop;
        }

        /** The lower-case name used in summaries, e.g. {@code position_limit}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One line: time, kind, axis, commanded and applied values, reason. */
    @Override
    public String toString() {
        String values = Double.isNaN(commanded) ? "" : String.format(Locale.ROOT, " commanded %.6g applied %.6g",
                commanded, applied);
        return String.format(Locale.ROOT, "safety t=%.3fs %s %s%s: %s", time, kind.label(), axis, values, reason);
    }
}
