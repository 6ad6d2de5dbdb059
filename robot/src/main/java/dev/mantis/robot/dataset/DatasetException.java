package dev.mantis.robot.dataset;

import java.io.IOException;

/**
 * A dataset directory that cannot be read, written or continued; the message is one line naming
 * the file, what is wrong and what to do.
 */
public final class DatasetException extends IOException {

    /** An exception with a one-line message. */
    public DatasetException(String message) {
        super(message);
    }

    /** An exception with a one-line message and its cause. */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
