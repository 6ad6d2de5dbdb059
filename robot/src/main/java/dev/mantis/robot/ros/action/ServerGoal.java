package dev.mantis.robot.ros.action;

import dev.mantis.robot.ros.msg.Message;
import dev.mantis.robot.ros.msg.RosTime;

/**
 * A goal received by an {@link ActionServer}, and the calls that move it through actionlib's
 * states: PENDING, then ACTIVE ({@link #accept}) or REJECTED ({@link #reject}); a cancel request
 * makes it RECALLING or PREEMPTING; it ends SUCCEEDED ({@link #succeed}), ABORTED ({@link #abort}),
 * PREEMPTED or RECALLED ({@link #canceled}). A call not allowed in the current state throws
 * {@link IllegalStateException}. Thread-safe.
 *
 * @param <G> goal class
 * @param <F> feedback class
 * @param <R> result class
 */
public final class ServerGoal<G extends Message, F extends Message, R extends Message> {

    private final ActionServer<G, F, R> server;
    private final String id;
    private final RosTime stamp;
    private final G goal;
    private GoalState state = GoalState.PENDING;
    private String text = "";
    private long endedNanos;

    ServerGoal(ActionServer<G, F, R> server, String id, RosTime stamp, G goal) {
        this.server = server;
        this.id = id;
        this.stamp = stamp;
        this.goal = goal;
    }

    /** The goal's id, as the client chose it. */
    public String id() {
        return id;
    }

    /** When the client sent the goal (or when it arrived, if the client left the stamp zero). */
    public RosTime stamp() {
        return stamp;
    }

    /** The goal message (the server does not modify it). */
    public G goal() {
        return goal;
    }

    /** The current state. */
    public GoalState state() {
        synchronized (server) {
            return state;
        }
    }

    /** True once a client asked to cancel the goal (RECALLING, PREEMPTING, or ended canceled). */
    public boolean isCancelRequested() {
        synchronized (server) {
            return state == GoalState.RECALLING || state == GoalState.PREEMPTING || state == GoalState.RECALLED
                    || state == GoalState.PREEMPTED;
        }
    }

    /** Starts executing: PENDING becomes ACTIVE, RECALLING becomes PREEMPTING. */
    public void accept() {
        synchronized (server) {
            require("accept", GoalState.PENDING, GoalState.RECALLING);
            move(state == GoalState.PENDING ? GoalState.ACTIVE : GoalState.PREEMPTING, "");
        }
    }

    /** Refuses the goal without executing it (from PENDING or RECALLING). */
    public void reject(R result, String why) {
        synchronized (server) {
            require("reject", GoalState.PENDING, GoalState.RECALLING);
            finish(GoalState.REJECTED, result, why);
        }
    }

    /** Sends feedback to the clients (while ACTIVE or PREEMPTING). */
    public void publishFeedback(F feedback) {
        synchronized (server) {
            require("publish feedback for", GoalState.ACTIVE, GoalState.PREEMPTING);
            server.publishFeedback(this, feedback);
        }
    }

    /** Ends the goal achieved (from ACTIVE or PREEMPTING). */
    public void succeed(R result, String text) {
        synchronized (server) {
            require("succeed", GoalState.ACTIVE, GoalState.PREEMPTING);
            finish(GoalState.SUCCEEDED, result, text);
        }
    }

    /** Ends the goal failed (from ACTIVE or PREEMPTING). */
    public void abort(R result, String why) {
        synchronized (server) {
            require("abort", GoalState.ACTIVE, GoalState.PREEMPTING);
            finish(GoalState.ABORTED, result, why);
        }
    }

    /**
     * Ends the goal canceled: RECALLED when it never started (PENDING, RECALLING), PREEMPTED when it
     * had (ACTIVE, PREEMPTING).
     */
    public void canceled(R result, String text) {
        synchronized (server) {
            require("cancel", GoalState.PENDING, GoalState.RECALLING, GoalState.ACTIVE, GoalState.PREEMPTING);
            boolean started = state == GoalState.ACTIVE || state == GoalState.PREEMPTING;
            finish(started ? GoalState.PREEMPTED : GoalState.RECALLED, result, text);
        }
    }

    /** A cancel request: PENDING becomes RECALLING, ACTIVE becomes PREEMPTING; answers whether it changed. */
    boolean requestCancel() {
        if (state == GoalState.PENDING) {
            move(GoalState.RECALLING, "");
            return true;
        }
        if (state == GoalState.ACTIVE) {
            move(GoalState.PREEMPTING, "");
            return true;
        }
        return false;
    }

    /** Ends a goal canceled before it arrived (its stamp is not after the latest cancel-before-time). */
    void recallOnArrival(R result) {
        finish(GoalState.RECALLED, result, "canceled before it arrived");
    }

    GoalState stateLocked() {
        return state;
    }

    String textLocked() {
        return text;
    }

    /** When the goal reached a terminal state ({@link System#nanoTime}), or 0. */
    long endedNanosLocked() {
        return endedNanos;
    }

    private void require(String action, GoalState... allowed) {
        for (GoalState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw new IllegalStateException("cannot " + action + " goal " + id + " on " + server.namespace() + ": it is "
                + state);
    }

    private void move(GoalState to, String why) {
        state = to;
        text = why == null ? "" : why;
        server.publishStatus();
    }

    private void finish(GoalState to, R result, String why) {
        state = to;
        text = why == null ? "" : why;
        endedNanos = System.nanoTime();
        server.publishResult(this, result);
        server.publishStatus();
    }
}
