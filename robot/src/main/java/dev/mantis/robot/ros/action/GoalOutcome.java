package dev.mantis.robot.ros.action;

import dev.mantis.robot.ros.msg.Message;

/**
 * How an action goal ended, as its server reported it on the result topic.
 *
 * @param state the terminal state (SUCCEEDED, ABORTED, REJECTED, PREEMPTED or RECALLED)
 * @param text the server's explanation (often empty)
 * @param result the result message
 * @param <R> result class
 */
public record GoalOutcome<R extends Message>(GoalState state, String text, R result) {
}
