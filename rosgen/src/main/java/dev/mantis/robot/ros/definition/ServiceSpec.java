package dev.mantis.robot.ros.definition;

/**
 * A parsed service definition: request and response message specs, named
 * {@code pkg/NameRequest} and {@code pkg/NameResponse}.
 *
 * @param type full name, e.g. {@code std_srvs/SetBool}
 * @param request the request part
 * @param response the response part
 */
public record ServiceSpec(String type, MessageSpec request, MessageSpec response) {
}
