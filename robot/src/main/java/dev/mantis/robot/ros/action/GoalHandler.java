package dev.mantis.robot.ros.action;

import dev.mantis.robot.ros.msg.Message;

/**
 * What an {@link ActionServer} does with goals. Both calls run on subscription threads and should
 * return quickly: accept or reject at once, execute elsewhere, and finish the goal from there.
 *
 * @param <G> goal class
 * @param <F> feedback class
 * @param <R> result class
 */
@FunctionalInterface
public interface GoalHandler<G extends Message, F extends Message, R extends Message> {

    /** A new goal, in state PENDING: call {@link ServerGoal#accept} or {@link ServerGoal#reject}. */
    void onGoal(ServerGoal<G, F, R> goal);

    /**
     * A client asked to cancel the goal, now in state RECALLING or PREEMPTING: stop it and call
     * {@link ServerGoal#canceled} (or finish it another way). By default nothing happens.
     */
    default void onCancel(ServerGoal<G, F, R> goal) {
    }
}
