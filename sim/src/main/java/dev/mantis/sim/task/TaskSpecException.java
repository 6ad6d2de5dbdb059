package dev.mantis.sim.task;

/** A task file that cannot be used: one line {@code FILE:LINE: what; fix}. */
public final class TaskSpecException extends RuntimeException {

    /** An error at {@code line} (1-based) of {@code file}. */
    public TaskSpecException(String file, int line, String detail) {
        super(file + ":" + line + ": " + detail);
    }
}
