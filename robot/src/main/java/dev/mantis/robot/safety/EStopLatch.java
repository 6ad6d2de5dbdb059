package dev.mantis.robot.safety;

/**
 * An {@link EStop} that stays engaged from {@link #trip} until {@link #reset}. Thread-safe: a
 * topic callback or a UI thread may trip it while the control loop reads it.
 */
public final class EStopLatch implements EStop {

    private volatile String reason = "";
    private volatile boolean engaged;

    /** Engages the stop, remembering why (the first reason is kept until a reset). */
    public synchronized void trip(String why) {
        if (!engaged) {
            reason = why;
            engaged = true;
        }
    }

    /** Releases the stop. */
    public synchronized void reset() {
        engaged = false;
        reason = "";
    }

    @Override
    public boolean engaged() {
        return engaged;
    }

    @Override
    public String reason() {
        return reason;
    }
}
