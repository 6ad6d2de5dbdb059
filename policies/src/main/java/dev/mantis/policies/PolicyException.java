package dev.mantis.policies;

import java.io.IOException;

/**
 * A policy file that cannot be used here: missing, corrupt, without a valid spec, or made for
 * another robot, task or device. The message is one line, {@code FILE: what is wrong; what to do}.
 */
public final class PolicyException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An error with a one-line message. */
    public PolicyException(String message) {
        super(message);
    }

    /** An error with a one-line message and its cause. */
    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
