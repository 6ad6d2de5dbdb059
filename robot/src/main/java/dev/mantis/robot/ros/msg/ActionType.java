package dev.mantis.robot.ros.msg;

/**
 * What peers need to know about an action type (generated as each action class's {@code TYPE}):
 * the three messages of its .action file and the three wrappers sent on its topics
 * ({@code NameActionGoal}, {@code NameActionFeedback}, {@code NameActionResult}), whose MD5 sums
 * and definitions an action client or server announces.
 *
 * @param name full name, e.g. {@code control_msgs/FollowJointTrajectory}
 * @param goal the goal message type
 * @param feedback the feedback message type
 * @param result the result message type
 * @param actionGoal the goal wrapper (header, goal_id, goal) sent on {@code NS/goal}
 * @param actionFeedback the feedback wrapper (header, status, feedback) sent on {@code NS/feedback}
 * @param actionResult the result wrapper (header, status, result) sent on {@code NS/result}
 * @param <G> goal class
 * @param <F> feedback class
 * @param <R> result class
 */
public record ActionType<G extends Message, F extends Message, R extends Message>(
        String name, MessageType<G> goal, MessageType<F> feedback, MessageType<R> result,
        MessageType<?> actionGoal, MessageType<?> actionFeedback, MessageType<?> actionResult) {
}
