package dev.mantis.robot.ros.msg;

/**
 * What peers need to know about a service type (generated as each service class's {@code TYPE}).
 *
 * @param name full name, e.g. {@code std_srvs/SetBool}
 * @param md5 MD5 sum of the request and response definitions
 * @param request the request message type
 * @param response the response message type
 * @param <Q> request class
 * @param <R> response class
 */
public record ServiceType<Q extends Message, R extends Message>(
        String name, String md5, MessageType<Q> request, MessageType<R> response) {
}
