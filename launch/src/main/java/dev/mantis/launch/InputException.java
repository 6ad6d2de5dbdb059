package dev.mantis.launch;

/**
 * Bad input from the user (a flag, a file, a name): printed as its one-line message, exit code 2,
 * no stack trace unless {@code --debug}.
 */
public final class InputException extends RuntimeException {

    /** An input error with a one-line message saying what, where and what to do. */
    public InputException(String message) {
        super(message);
    }
}
