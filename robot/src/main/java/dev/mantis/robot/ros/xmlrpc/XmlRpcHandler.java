package dev.mantis.robot.ros.xmlrpc;

import java.util.List;

/** Answers the XML-RPC calls an {@link XmlRpcServer} receives. */
@FunctionalInterface
public interface XmlRpcHandler {

    /**
     * Handles one call.
     *
     * @return the value of the response
     * @throws XmlRpcException to answer with a fault (its message becomes the fault string)
     */
    Object handle(String method, List<Object> params) throws XmlRpcException;
}
