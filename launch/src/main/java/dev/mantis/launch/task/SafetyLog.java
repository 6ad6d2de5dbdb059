package dev.mantis.launch.task;

import dev.mantis.robot.safety.SafetyEvent;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Prints safety events as they happen, one line each on the error stream (over the progress
 * bar): every stop, and clamps up to {@link #CLAMP_LINES}; later clamps are only counted in the
 * summary and recorded in datasets. Thread-safe.
 */
final class SafetyLog implements Consumer<SafetyEvent> {

    /** Clamp events printed before they are only counted. */
    static final int CLAMP_LINES = 20;

    private final PrintWriter err;
    private int clamps;

    SafetyLog(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void accept(SafetyEvent e) {
        if (!e.kind().isStop() && ++clamps > CLAMP_LINES) {
            if (clamps == CLAMP_LINES + 1) {
                print("safety: more clamps are counted in the summary, not printed");
            }
            return;
        }
        print(e.toString());
    }

    private void print(String line) {
        err.println("\r" + line + " ".repeat(Math.max(0, 80 - line.length())));
        err.flush();
    }
}
