package dev.mantis.robot.ros;

import dev.mantis.robot.ros.msg.Message;

/**
 * Receives the messages of a subscription, one at a time on the subscription's own thread. Each
 * message is a fresh instance the listener may keep.
 *
 * @param <T> the message class
 */
@FunctionalInterface
public interface MessageListener<T extends Message> {

    /** Called for each message received. */
    void onMessage(T message);
}
