package dev.mantis.robot.safety;

/**
 * An emergency-stop input. While it is engaged, {@link SafeRobot} refuses every command and holds
 * the robot. A ROS e-stop topic, a button or a test drives an {@link EStopLatch}.
 */
public interface EStop {

    /** An e-stop that is never engaged. */
    EStop NONE = new EStop() {
        @Override
        public boolean engaged() {
            return false;
        }

        @Override
        public String reason() {
            return "";
        }
    };

    /** Whether the stop is engaged now. */
    boolean engaged();

    /** Why it was engaged (empty when it is not). */
    String reason();
}
