package dev.mantis.robot.ros;

import dev.mantis.robot.ros.msg.Message;

/**
 * Answers the calls of a service. An exception is sent to the caller as the call's error text.
 *
 * @param <Q> request class
 * @param <R> response class
 */
@FunctionalInterface
public interface ServiceHandler<Q extends Message, R extends Message> {

    /** Answers one request. */
    R handle(Q request) throws Exception;
}
