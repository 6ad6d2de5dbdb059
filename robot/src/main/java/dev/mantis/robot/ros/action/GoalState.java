package dev.mantis.robot.ros.action;

import dev.mantis.robot.ros.msg.actionlib_msgs.GoalStatus;

/** The states of an action goal, with their codes in {@code actionlib_msgs/GoalStatus}. */
public enum GoalState {
    /** Received, not yet accepted or rejected. */
    PENDING(GoalStatus.PENDING),
    /** Being executed. */
    ACTIVE(GoalStatus.ACTIVE),
    /** Canceled after it started; terminal. */
    PREEMPTED(GoalStatus.PREEMPTED),
    /** Achieved; terminal. */
    SUCCEEDED(GoalStatus.SUCCEEDED),
    /** Given up by the server while executing; terminal. */
    ABORTED(GoalStatus.ABORTED),
    /** Refused without being executed; terminal. */
    REJECTED(GoalStatus.REJECTED),
    /** Cancel requested while executing; the server has not stopped yet. */
    PREEMPTING(GoalStatus.PREEMPTING),
    /** Cancel requested before it started; the server has not confirmed yet. */
    RECALLING(GoalStatus.RECALLING),
    /** Canceled before it started; terminal. */
    RECALLED(GoalStatus.RECALLED),
    /** Given up on by the client (the server forgot it); never sent by servers; terminal. */
    LOST(GoalStatus.LOST);

    private final int code;

    GoalState(int code) {
        this.code = code;
    }

    /** The {@code actionlib_msgs/GoalStatus} code. */
    public int code() {
        return code;
    }

    /** True for the states a goal never leaves. */
    public boolean isTerminal() {
        return this == PREEMPTED || this == SUCCEEDED || this == ABORTED || this == REJECTED || this == RECALLED
                || this == LOST;
    }

    /**
     * The state of a {@code GoalStatus} code.
     *
     * @throws IllegalArgumentException for a code outside 0..9
     */
    public static GoalState of(int code) {
        for (GoalState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("goal status " + code + " is not an actionlib_msgs/GoalStatus code (0..9)");
    }
}
