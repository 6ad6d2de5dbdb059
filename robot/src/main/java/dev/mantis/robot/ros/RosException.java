package dev.mantis.robot.ros;

/**
 * A ROS operation that failed: the master or a peer is unreachable or refused, a type's MD5 sum
 * does not match, a service call failed. The message says what, with whom and what to do.
 */
public class RosException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RosException(String message) {
        super(message);
    }

    public RosException(String message, Throwable cause) {
        super(message, cause);
    }
}
