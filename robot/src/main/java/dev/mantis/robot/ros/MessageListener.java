package dev.mantis.robot.ros;

import dev.mantis.robot.ros.msg.Message;

/**
 * Receives the messages of a subscription, one at a time in order of arrival, on the thread that
 * reads one of the subscription's connections (never two calls at once). While a call runs, that
 * connection waits; the messages received meanwhile go through the subscription's bounded queue,
 * so a slow listener gets the newest of them. Each message is a fresh instance the listener may
 * keep.
 *
 * @param <T> the message class
 */
@FunctionalInterface
public interface MessageListener<T extends Message> {

    /** Called for each message received. */
    void onMessage(T message);
}
