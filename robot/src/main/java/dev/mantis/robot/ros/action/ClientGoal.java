package dev.mantis.robot.ros.action;

import dev.mantis.robot.ros.RosException;
import dev.mantis.robot.ros.msg.Message;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A goal sent by an {@link ActionClient}: its state as the server reports it on the status,
 * feedback and result topics, its outcome, and a way to cancel it. Thread-safe.
 *
 * @param <F> feedback class
 * @param <R> result class
 */
public final class ClientGoal<F extends Message, R extends Message> {

    private final ActionClient<?, F, R> client;
    private final String id;
    private final Consumer<F> feedbackListener;
    private final CompletableFuture<GoalOutcome<R>> outcome = new CompletableFuture<>();
    private GoalState state = GoalState.PENDING;
    private boolean acknowledged;
    private boolean listed;

    ClientGoal(ActionClient<?, F, R> client, String id, Consumer<F> feedbackListener) {
        this.client = client;
        this.id = id;
        this.feedbackListener = feedbackListener;
    }

    /** The goal's id (unique per client: node name, counter, time). */
    public String id() {
        return id;
    }

    /**
     * The furthest state the server has reported (PENDING until it reports; stale reports that
     * arrive late are ignored), or the outcome's state once done.
     */
    public synchronized GoalState state() {
        return state;
    }

    /** True once the server has reported on this goal (status, feedback or result). */
    public synchronized boolean isAcknowledged() {
        return acknowledged;
    }

    /** True once the outcome is known. */
    public boolean isDone() {
        return outcome.isDone();
    }

    /** Asks the server to cancel this goal (it answers with state PREEMPTED or RECALLED, or finishes anyway). */
    public void cancel() {
        client.cancel(id);
    }

    /** Completes with the outcome when the result arrives; fails with a {@link RosException} when the goal is lost. */
    public CompletableFuture<GoalOutcome<R>> result() {
        return outcome;
    }

    /**
     * Waits for the outcome for at most {@code timeout}; empty when it has not come by then.
     *
     * @throws RosException when the goal was lost (the server forgot it, or the client closed)
     */
    public Optional<GoalOutcome<R>> awaitResult(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RosException ? (RosException) e.getCause()
                    : new RosException("goal " + id + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** The server listed the goal in a status message. */
    void onStatus(GoalState reported) {
        synchronized (this) {
            listed = true;
            update(reported);
        }
    }

    private void update(GoalState reported) {
        if (outcome.isDone()) {
            return;
        }
        acknowledged = true;
        // status, feedback and result come on different connections: a report older than what is
        // known already (PENDING after ACTIVE) is stale, not a step back
        if (progress(reported) > progress(state)) {
            state = reported;
        }
    }

    /** How far along actionlib's state machine a state is: a goal only moves to larger values. */
    private static int progress(GoalState s) {
        if (s.isTerminal()) {
            return 3;
        }
        if (s == GoalState.PREEMPTING) {
            return 2;
        }
        return s == GoalState.PENDING ? 0 : 1;
    }

    /** A status message from the server did not list the goal. */
    void onMissing(String namespace) {
        synchronized (this) {
            // status messages come in order on one connection: only a goal listed before and now
            // missing is forgotten (a terminal one still waits for its result)
            if (outcome.isDone() || !listed || state.isTerminal()) {
                return;
            }
            state = GoalState.LOST;
        }
        outcome.completeExceptionally(new RosException("goal " + id + " on " + namespace
                + " was lost: the action server no longer lists it and sent no result"));
    }

    void onFeedback(GoalState reported, F feedback) {
        synchronized (this) {
            update(reported);
        }
        if (feedbackListener != null) {
            feedbackListener.accept(feedback);
        }
    }

    void onResult(GoalOutcome<R> result) {
        synchronized (this) {
            if (outcome.isDone()) {
                return;
            }
            acknowledged = true;
            state = result.state();
        }
        outcome.complete(result);
    }

    void abandon(String why) {
        outcome.completeExceptionally(new RosException("goal " + id + " has no result: " + why));
    }
}
