package dev.mantis.robot.ros.action;

import dev.mantis.robot.ros.Publisher;
import dev.mantis.robot.ros.RosException;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.Subscriber;
import dev.mantis.robot.ros.msg.ActionType;
import dev.mantis.robot.ros.msg.Message;
import dev.mantis.robot.ros.msg.MessageType;
import dev.mantis.robot.ros.msg.RosTime;
import dev.mantis.robot.ros.msg.actionlib_msgs.GoalID;
import dev.mantis.robot.ros.msg.actionlib_msgs.GoalStatus;
import dev.mantis.robot.ros.msg.actionlib_msgs.GoalStatusArray;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A client of a ROS 1 action (actionlib's protocol): publishes goals on {@code NS/goal} and
 * cancel requests on {@code NS/cancel}, follows {@code NS/status}, {@code NS/feedback} and
 * {@code NS/result}. Works with rospy's and roscpp's action servers (SimpleActionServer too) and
 * with {@link ActionServer}. One client per action namespace per node. Thread-safe; feedback
 * listeners run on the feedback subscription's thread, and since feedback and result come on
 * different connections, feedback sent just before the result may be delivered after it.
 *
 * <pre>{@code
 * ActionClient<FollowJointTrajectoryGoal, FollowJointTrajectoryFeedback, FollowJointTrajectoryResult> arm =
 *         new ActionClient<>(node, "/arm_controller/follow_joint_trajectory", FollowJointTrajectory.TYPE);
 * if (!arm.waitForServer(Duration.ofSeconds(5))) { ... }
 * ClientGoal<FollowJointTrajectoryFeedback, FollowJointTrajectoryResult> goal = arm.sendGoal(g, fb -> log(fb.error));
 * Optional<GoalOutcome<FollowJointTrajectoryResult>> outcome = goal.awaitResult(Duration.ofSeconds(10));
 * }</pre>
 *
 * @param <G> goal class
 * @param <F> feedback class
 * @param <R> result class
 */
public final class ActionClient<G extends Message, F extends Message, R extends Message> implements AutoCloseable {

    private final RosNode node;
    private final String namespace;
    private final MessageType<ActionGoalMessage<G>> goalType;
    private final List<AutoCloseable> endpoints = new ArrayList<>();
    private final Publisher<ActionGoalMessage<G>> goalPublisher;
    private final Publisher<GoalID> cancelPublisher;
    private final Subscriber<GoalStatusArray> statusSubscriber;
    private final Subscriber<ActionReplyMessage<F>> feedbackSubscriber;
    private final Subscriber<ActionReplyMessage<R>> resultSubscriber;
    private final Map<String, ClientGoal<F, R>> goals = new ConcurrentHashMap<>();
    private final AtomicLong goalCount = new AtomicLong();

    /**
     * Advertises the goal and cancel topics and subscribes to the status, feedback and result
     * topics of the action at {@code namespace}.
     *
     * @throws RosException when the master refuses or this node already has a client there
     */
    public ActionClient(RosNode node, String namespace, ActionType<G, F, R> type) {
        this.node = node;
        this.namespace = node.resolveName(namespace);
        this.goalType = ActionGoalMessage.type(type);
        try {
            goalPublisher = add(node.publisher(this.namespace + "/goal", goalType, false, 10));
            cancelPublisher = add(node.publisher(this.namespace + "/cancel", GoalID.TYPE, false, 10));
            statusSubscriber = add(node.subscribe(this.namespace + "/status", GoalStatusArray.TYPE, this::onStatus, 10));
            feedbackSubscriber = add(node.subscribe(this.namespace + "/feedback",
                    ActionReplyMessage.type(type.actionFeedback(), type.feedback()), this::onFeedback, 100));
            resultSubscriber = add(node.subscribe(this.namespace + "/result",
                    ActionReplyMessage.type(type.actionResult(), type.result()), this::onResult, 100));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private <T extends AutoCloseable> T add(T endpoint) {
        endpoints.add(endpoint);
        return endpoint;
    }

    /** The action's resolved namespace. */
    public String namespace() {
        return namespace;
    }

    /** True when an action server is connected on all five topics. */
    public boolean isServerConnected() {
        return missing().isEmpty();
    }

    /**
     * Waits until an action server is connected on all five topics, for at most {@code timeout};
     * answers whether it is.
     */
    public boolean waitForServer(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isServerConnected()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /**
     * Sends a goal. The goal is serialized before this returns, so the caller may reuse it.
     *
     * @param feedbackListener called with each feedback message for this goal (may be null)
     * @throws RosException when no action server is connected (see {@link #waitForServer})
     */
    public ClientGoal<F, R> sendGoal(G goal, Consumer<F> feedbackListener) {
        String missing = missing();
        if (!missing.isEmpty()) {
            throw new RosException("no action server at " + namespace + ": " + missing
                    + "; start the server, or call waitForServer before sending goals");
        }
        RosTime now = node.now();
        String id = node.name() + "-" + goalCount.incrementAndGet() + "-" + now.secs() + "."
                + String.format("%09d", now.nsecs());
        ClientGoal<F, R> handle = new ClientGoal<>(this, id, feedbackListener);
        goals.put(id, handle);
        ActionGoalMessage<G> message = ActionGoalMessage.wrap(goalType, goal);
        message.header.stamp = now;
        message.goal_id.stamp = now;
        message.goal_id.id = id;
        goalPublisher.publish(message);
        return handle;
    }

    /** Asks the server to cancel every goal, this client's and others'. */
    public void cancelAll() {
        cancelPublisher.publish(new GoalID());
    }

    void cancel(String id) {
        GoalID message = new GoalID();
        message.id = id;
        cancelPublisher.publish(message);
    }

    /**
     * What of the server is not connected yet, as one phrase (e.g. "nothing publishes /arm/status");
     * empty when it is connected on all five topics.
     */
    public String missing() {
        List<String> out = new ArrayList<>();
        if (goalPublisher.subscriberCount() == 0) {
            out.add("nothing subscribes to " + goalPublisher.topic());
        }
        if (cancelPublisher.subscriberCount() == 0) {
            out.add("nothing subscribes to " + cancelPublisher.topic());
        }
        for (Subscriber<?> s : List.of(statusSubscriber, feedbackSubscriber, resultSubscriber)) {
            if (s.publisherCount() == 0) {
                out.add("nothing publishes " + s.topic());
            }
        }
        return String.join(", ", out);
    }

    private void onStatus(GoalStatusArray message) {
        Set<String> listed = new HashSet<>();
        for (GoalStatus status : message.status_list) {
            listed.add(status.goal_id.id);
            ClientGoal<F, R> goal = goals.get(status.goal_id.id);
            if (goal != null) {
                goal.onStatus(GoalState.of(status.status));
            }
        }
        for (ClientGoal<F, R> goal : goals.values()) {
            if (!listed.contains(goal.id())) {
                goal.onMissing(namespace);
                if (goal.isDone()) {
                    goals.remove(goal.id());
                }
            }
        }
    }

    private void onFeedback(ActionReplyMessage<F> message) {
        ClientGoal<F, R> goal = goals.get(message.status.goal_id.id);
        if (goal != null) {
            goal.onFeedback(GoalState.of(message.status.status), message.body);
        }
    }

    private void onResult(ActionReplyMessage<R> message) {
        // kept until the server stops listing it: feedback sent before the result may come after it
        ClientGoal<F, R> goal = goals.get(message.status.goal_id.id);
        if (goal != null) {
            goal.onResult(new GoalOutcome<>(GoalState.of(message.status.status), message.status.text, message.body));
        }
    }

    /** Stops following the action; goals still waiting for a result fail with a {@link RosException}. */
    @Override
    public void close() {
        for (AutoCloseable endpoint : endpoints) {
            try {
                endpoint.close();
            } catch (Exception e) {
                node.logWarn("closing " + namespace + " action client: " + e.getMessage());
            }
        }
        endpoints.clear();
        for (ClientGoal<F, R> goal : goals.values()) {
            goal.abandon("the action client of " + namespace + " was closed");
        }
        goals.clear();
    }
}
