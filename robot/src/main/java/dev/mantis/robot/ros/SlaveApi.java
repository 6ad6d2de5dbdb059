package dev.mantis.robot.ros;

import dev.mantis.robot.ros.xmlrpc.XmlRpcException;
import dev.mantis.robot.ros.xmlrpc.XmlRpcHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's slave API, served over XML-RPC: the master and peers call it to negotiate topics,
 * announce publishers and parameter changes, and ask about the node. Every answer is
 * {@code [code, status, value]}.
 */
final class SlaveApi implements XmlRpcHandler {

    private final RosNode node;

    SlaveApi(RosNode node) {
        this.node = node;
    }

    @Override
    public Object handle(String method, List<Object> params) throws XmlRpcException {
        try {
            switch (method) {
                case "getPid":
                    return ok("", (int) ProcessHandle.current().pid());
                case "getMasterUri":
                    return ok("", node.masterUri().toString());
                case "getBusStats":
                    return ok("", List.of(List.of(), List.of(), List.of()));
                case "getBusInfo": {
                    List<Object> links = new ArrayList<>();
                    for (BusLink l : node.busInfo()) {
                        links.add(List.of(l.id(), l.peer(), l.direction(), "TCPROS", l.topic(), l.connected()));
                    }
                    return ok("bus info", links);
                }
                case "getSubscriptions":
                    return ok("subscriptions", node.subscriptions());
                case "getPublications":
                    return ok("publications", node.publications());
                case "shutdown": {
                    String reason = params.size() > 1 ? String.valueOf(params.get(1)) : "";
                    node.problem("shutdown requested by " + string(params, 0) + ": " + reason);
                    node.shutdownRequested(reason);
                    return ok("shutdown", 0);
                }
                case "paramUpdate":
                    node.params().updated(string(params, 1), params.size() > 2 ? params.get(2) : null);
                    return ok("", 0);
                case "publisherUpdate": {
                    List<String> uris = new ArrayList<>();
                    for (Object o : list(params, 2)) {
                        uris.add(String.valueOf(o));
                    }
                    node.publisherUpdate(string(params, 1), uris);
                    return ok("publisher update", 0);
                }
                case "requestTopic": {
                    String topic = string(params, 1);
                    if (!node.publishes(topic)) {
                        return List.of(-1, "node " + node.name() + " does not publish " + topic, List.of());
                    }
                    for (Object protocol : list(params, 2)) {
                        if (protocol instanceof List && !((List<?>) protocol).isEmpty()
                                && "TCPROS".equals(((List<?>) protocol).get(0))) {
                            return ok("ready", List.of("TCPROS", node.config().host(), node.tcpPort()));
                        }
                    }
                    return List.of(0, "node " + node.name() + " speaks only TCPROS", List.of());
                }
                default:
                    throw new XmlRpcException("node " + node.name() + " has no XML-RPC method '" + method + "'");
            }
        } catch (ClassCastException | IndexOutOfBoundsException e) {
            throw new XmlRpcException("bad parameters " + params + ": " + e.getMessage(), e);
        }
    }

    private static List<Object> ok(String status, Object value) {
        return List.of(1, status, value);
    }

    private static String string(List<Object> params, int i) throws XmlRpcException {
        Object o = params.get(i);
        if (!(o instanceof String)) {
            throw new XmlRpcException("parameter " + i + " should be a string, got " + o);
        }
        return (String) o;
    }

    private static List<?> list(List<Object> params, int i) throws XmlRpcException {
        Object o = params.get(i);
        if (!(o instanceof List)) {
            throw new XmlRpcException("parameter " + i + " should be an array, got " + o);
        }
        return (List<?>) o;
    }
}
