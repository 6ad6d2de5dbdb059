package dev.mantis.robot.ros.action;

import dev.mantis.robot.ros.Publisher;
import dev.mantis.robot.ros.RosException;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.msg.ActionType;
import dev.mantis.robot.ros.msg.Message;
import dev.mantis.robot.ros.msg.MessageType;
import dev.mantis.robot.ros.msg.RosTime;
import dev.mantis.robot.ros.msg.actionlib_msgs.GoalID;
import dev.mantis.robot.ros.msg.actionlib_msgs.GoalStatus;
import dev.mantis.robot.ros.msg.actionlib_msgs.GoalStatusArray;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A server of a ROS 1 action (actionlib's protocol): takes goals from {@code NS/goal} and cancel
 * requests from {@code NS/cancel}, hands them to a {@link GoalHandler}, and publishes
 * {@code NS/feedback}, {@code NS/result} and {@code NS/status} (the state of every goal it knows, at
 * a fixed rate and at each change; ended goals stay listed for {@link #ENDED_GOAL_KEPT}). Works with
 * rospy's and roscpp's action clients (SimpleActionClient too) and with {@link ActionClient}.
 *
 * <p>Cancel requests follow actionlib: an empty id and zero stamp cancel every goal; an id cancels
 * that goal; a non-zero stamp cancels every goal stamped at or before it, and goals arriving later
 * with such stamps end RECALLED at once.
 *
 * <p>rospy's SimpleActionClient ignores status, feedback and results that arrive before its
 * {@code send_goal} returns (ros/actionlib#206). This server answers within microseconds, so a
 * handler that rejects or ends a goal at once can leave such a client waiting; one that publishes
 * feedback periodically while it runs, as actionlib servers usually do, is not affected.
 *
 * @param <G> goal class
 * @param <F> feedback class
 * @param <R> result class
 */
public final class ActionServer<G extends Message, F extends Message, R extends Message> implements AutoCloseable {

    /** How long a goal stays in the status list after it ended (actionlib's default). */
    public static final Duration ENDED_GOAL_KEPT = Duration.ofSeconds(5);

    private final RosNode node;
    private final String namespace;
    private final ActionType<G, F, R> type;
    private final GoalHandler<G, F, R> handler;
    private final List<AutoCloseable> endpoints = new ArrayList<>();
    private final Publisher<GoalStatusArray> statusPublisher;
    private final Publisher<ActionReplyMessage<F>> feedbackPublisher;
    private final Publisher<ActionReplyMessage<R>> resultPublisher;
    private final MessageType<ActionReplyMessage<F>> feedbackType;
    private final MessageType<ActionReplyMessage<R>> resultType;
    private final Map<String, ServerGoal<G, F, R>> goals = new LinkedHashMap<>();
    private final ScheduledExecutorService timer;
    private long cancelBeforeNanos;
    private boolean closed;

    /**
     * Starts serving the action at {@code namespace}.
     *
     * @param statusRate how often the status list is published, in Hz (actionlib's default is 5)
     * @throws RosException when the master refuses or this node already serves the action
     * @throws IllegalArgumentException when the rate is not positive
     */
    public ActionServer(RosNode node, String namespace, ActionType<G, F, R> type, GoalHandler<G, F, R> handler,
            double statusRate) {
        if (!(statusRate > 0) || Double.isInfinite(statusRate)) {
            throw new IllegalArgumentException("action server " + namespace + ": status rate " + statusRate
                    + " Hz; give a positive rate such as 5");
        }
        this.node = node;
        this.namespace = node.resolveName(namespace);
        this.type = type;
        this.handler = handler;
        this.feedbackType = ActionReplyMessage.type(type.actionFeedback(), type.feedback());
        this.resultType = ActionReplyMessage.type(type.actionResult(), type.result());
        try {
            statusPublisher = add(node.publisher(this.namespace + "/status", GoalStatusArray.TYPE, false, 10));
            feedbackPublisher = add(node.publisher(this.namespace + "/feedback", feedbackType, false, 100));
            resultPublisher = add(node.publisher(this.namespace + "/result", resultType, false, 100));
            add(node.subscribe(this.namespace + "/goal", ActionGoalMessage.type(type), this::onGoal, 100));
            add(node.subscribe(this.namespace + "/cancel", GoalID.TYPE, this::onCancel, 100));
        } catch (RuntimeException e) {
            closeEndpoints();
            throw e;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "action-status " + this.namespace);
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, (long) (1e9 / statusRate));
        timer.scheduleAtFixedRate(this::publishStatus, 0, period, TimeUnit.NANOSECONDS);
    }

    private <T extends AutoCloseable> T add(T endpoint) {
        endpoints.add(endpoint);
        return endpoint;
    }

    /** The action's resolved namespace. */
    public String namespace() {
        return namespace;
    }

    /** The action type. */
    public ActionType<G, F, R> type() {
        return type;
    }

    /** The goals listed in the status now (pending, running, and those ended within {@link #ENDED_GOAL_KEPT}). */
    public synchronized List<ServerGoal<G, F, R>> goals() {
        return List.copyOf(goals.values());
    }

    private void onGoal(ActionGoalMessage<G> message) {
        ServerGoal<G, F, R> goal;
        synchronized (this) {
            if (closed || goals.containsKey(message.goal_id.id)) {
                return;
            }
            RosTime stamp = message.goal_id.stamp.equals(RosTime.ZERO) ? node.now() : message.goal_id.stamp;
            goal = new ServerGoal<>(this, message.goal_id.id, stamp, message.goal);
            goals.put(goal.id(), goal);
            if (cancelBeforeNanos != 0 && stamp.toNanos() <= cancelBeforeNanos) {
                goal.recallOnArrival(type.result().create());
                return;
            }
            publishStatus();
        }
        handler.onGoal(goal);
    }

    private void onCancel(GoalID message) {
        List<ServerGoal<G, F, R>> canceled = new ArrayList<>();
        synchronized (this) {
            long before = message.stamp.toNanos();
            boolean all = message.id.isEmpty() && before == 0;
            for (ServerGoal<G, F, R> goal : goals.values()) {
                boolean hit = all || goal.id().equals(message.id) || (before != 0 && goal.stamp().toNanos() <= before);
                if (hit && goal.requestCancel()) {
                    canceled.add(goal);
                }
            }
            cancelBeforeNanos = Math.max(cancelBeforeNanos, before);
        }
        for (ServerGoal<G, F, R> goal : canceled) {
            handler.onCancel(goal);
        }
    }

    /** Publishes the status of every listed goal, forgetting goals ended more than ENDED_GOAL_KEPT ago. */
    synchronized void publishStatus() {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        List<GoalStatus> list = new ArrayList<>(goals.size());
        for (Iterator<ServerGoal<G, F, R>> it = goals.values().iterator(); it.hasNext();) {
            ServerGoal<G, F, R> goal = it.next();
            if (goal.stateLocked().isTerminal() && now - goal.endedNanosLocked() > ENDED_GOAL_KEPT.toNanos()) {
                it.remove();
            } else {
                list.add(status(goal));
            }
        }
        GoalStatusArray message = new GoalStatusArray();
        message.header.stamp = node.now();
        message.status_list = list.toArray(new GoalStatus[0]);
        statusPublisher.publish(message);
    }

    synchronized void publishFeedback(ServerGoal<G, F, R> goal, F feedback) {
        if (closed) {
            return;
        }
        ActionReplyMessage<F> message = ActionReplyMessage.wrap(feedbackType, feedback);
        message.header.stamp = node.now();
        copyStatus(goal, message.status);
        feedbackPublisher.publish(message);
    }

    synchronized void publishResult(ServerGoal<G, F, R> goal, R result) {
        if (closed) {
            return;
        }
        ActionReplyMessage<R> message = ActionReplyMessage.wrap(resultType, result == null ? type.result().create() : result);
        message.header.stamp = node.now();
        copyStatus(goal, message.status);
        resultPublisher.publish(message);
    }

    private static GoalStatus status(ServerGoal<?, ?, ?> goal) {
        GoalStatus status = new GoalStatus();
        copyStatus(goal, status);
        return status;
    }

    private static void copyStatus(ServerGoal<?, ?, ?> goal, GoalStatus status) {
        status.goal_id.id = goal.id();
        status.goal_id.stamp = goal.stamp();
        status.status = goal.stateLocked().code();
        status.text = goal.textLocked();
    }

    /** Stops publishing and unregisters the topics; goals still running get no result. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        timer.shutdownNow();
        closeEndpoints();
    }

    private void closeEndpoints() {
        for (AutoCloseable endpoint : endpoints) {
            try {
                endpoint.close();
            } catch (Exception e) {
                node.logWarn("closing " + namespace + " action server: " + e.getMessage());
            }
        }
        endpoints.clear();
    }
}
