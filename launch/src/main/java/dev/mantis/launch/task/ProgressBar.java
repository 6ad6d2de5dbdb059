package dev.mantis.launch.task;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on the terminal: items done / total, successes, rate, ETA. */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final String unit;
    private final long start = System.nanoTime();
    private boolean drawn;

    /** A bar counting {@code unit} (e.g. "episodes"), drawn only if {@code enabled}. */
    public ProgressBar(PrintWriter err, boolean enabled, String unit) {
        this.err = err;
        this.enabled = enabled;
        this.unit = unit;
    }

    /** Redraws the bar: {@code done} of {@code total} items, {@code successes} of them successful. */
    public void update(int done, int successes, int total) {
        update(done, successes, total, "");
    }

    /** Redraws the bar with {@code detail} (e.g. recent success rate, resets) after the ETA. */
    public void update(int done, int successes, int total, String detail) {
        if (!enabled) {
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        int filled = (int) ((long) WIDTH * done / total);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        err.printf(Locale.ROOT, "\r[%s] %d/%d %s, %d ok, %.1f/s, ETA %.0f s%s ", bar, done, total, unit, successes,
                rate, (total - done) / Math.max(rate, 1e-9), detail.isEmpty() ? "" : ", " + detail);
        err.flush();
        drawn = true;
    }

    /** Ends the bar's line, if it was drawn. */
    public void finish() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}
