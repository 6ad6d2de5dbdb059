package dev.mantis.robot.ros.master;

import dev.mantis.robot.ros.RosException;
import dev.mantis.robot.ros.xmlrpc.XmlRpcClient;
import dev.mantis.robot.ros.xmlrpc.XmlRpcException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ROS master's XML-RPC API (registration, lookup, graph state, parameter server) for one
 * caller. Each call answers the master's value or throws a {@link RosException} naming the call
 * and the master's reason.
 */
public final class MasterClient {

    private final URI master;
    private final String callerId;
    private final XmlRpcClient xmlrpc;

    /**
     * @param master the master's URI, e.g. {@code http://localhost:11311/}
     * @param callerId the calling node's full name
     * @param xmlrpc the transport
     */
    public MasterClient(URI master, String callerId, XmlRpcClient xmlrpc) {
        this.master = master;
        this.callerId = callerId;
        this.xmlrpc = xmlrpc;
    }

    /** The master's URI. */
    public URI uri() {
        return master;
    }

    /** Registers a publisher; answers the XML-RPC URIs of the topic's current subscribers. */
    public List<String> registerPublisher(String topic, String type, String callerApi) {
        return strings(call("registerPublisher", topic, type, callerApi));
    }

    /** Unregisters a publisher. */
    public void unregisterPublisher(String topic, String callerApi) {
        call("unregisterPublisher", topic, callerApi);
    }

    /** Registers a subscriber; answers the XML-RPC URIs of the topic's current publishers. */
    public List<String> registerSubscriber(String topic, String type, String callerApi) {
        return strings(call("registerSubscriber", topic, type, callerApi));
    }

    /** Unregisters a subscriber. */
    public void unregisterSubscriber(String topic, String callerApi) {
        call("unregisterSubscriber", topic, callerApi);
    }

    /** Registers a service provider at a {@code rosrpc://host:port} URI. */
    public void registerService(String service, String serviceApi, String callerApi) {
        call("registerService", service, serviceApi, callerApi);
    }

    /** Unregisters a service provider. */
    public void unregisterService(String service, String serviceApi) {
        call("unregisterService", service, serviceApi);
    }

    /** The XML-RPC URI of a node. */
    public String lookupNode(String node) {
        return (String) call("lookupNode", node);
    }

    /** The {@code rosrpc://host:port} URI of a service's provider. */
    public String lookupService(String service) {
        return (String) call("lookupService", service);
    }

    /** The master's process id (also a cheap liveness probe). */
    public int getPid() {
        return (Integer) call("getPid");
    }

    /** Publishers, subscribers and services of the whole graph. */
    public SystemState getSystemState() {
        List<?> state = (List<?>) call("getSystemState");
        return new SystemState(graph(state.get(0)), graph(state.get(1)), graph(state.get(2)));
    }

    /** Topics that have publishers, with their types ({@code subgraph} "" for all). */
    public List<TopicType> getPublishedTopics(String subgraph) {
        return topicTypes(call("getPublishedTopics", subgraph));
    }

    /** Every topic the master knows a type for. */
    public List<TopicType> getTopicTypes() {
        return topicTypes(call("getTopicTypes"));
    }

    /** A parameter's value (a struct for a namespace). */
    public Object getParam(String key) {
        return call("getParam", key);
    }

    /** Sets a parameter (a {@code Map} sets a namespace). */
    public void setParam(String key, Object value) {
        call("setParam", key, value);
    }

    /** True when the parameter exists. */
    public boolean hasParam(String key) {
        return (Boolean) call("hasParam", key);
    }

    /** Deletes a parameter. */
    public void deleteParam(String key) {
        call("deleteParam", key);
    }

    /** The closest parameter named {@code key} up the caller's namespace, or null when none. */
    public String searchParam(String key) {
        try {
            Object found = call("searchParam", key);
            return found instanceof String && !((String) found).isEmpty() ? (String) found : null;
        } catch (RosException e) {
            if (e.getMessage().contains("cannot find")) {
                return null;
            }
            throw e;
        }
    }

    /** All parameter names. */
    public List<String> getParamNames() {
        return strings(call("getParamNames"));
    }

    /** Subscribes {@code callerApi} to updates of a parameter; answers its current value. */
    public Object subscribeParam(String callerApi, String key) {
        return call("subscribeParam", callerApi, key);
    }

    /** Ends a parameter subscription. */
    public void unsubscribeParam(String callerApi, String key) {
        call("unsubscribeParam", callerApi, key);
    }

    private Object call(String method, Object... args) {
        Object[] params = new Object[args.length + 1];
        params[0] = callerId;
        System.arraycopy(args, 0, params, 1, args.length);
        Object response;
        try {
            response = xmlrpc.call(master, method, params);
        } catch (XmlRpcException e) {
            throw new RosException("ROS master " + master + " unreachable or refused " + method + ": " + e.getMessage()
                    + "; is roscore running and ROS_MASTER_URI right?", e);
        }
        return unwrap(response, method + " at the ROS master " + master);
    }

    /**
     * The value of a ROS API response {@code [code, status, value]}.
     *
     * @throws RosException when code is not 1 or the response has another shape
     */
    public static Object unwrap(Object response, String what) {
        if (!(response instanceof List) || ((List<?>) response).size() != 3
                || !(((List<?>) response).get(0) instanceof Integer)) {
            throw new RosException(what + ": answer is not [code, status, value]: " + response);
        }
        List<?> r = (List<?>) response;
        if ((Integer) r.get(0) != 1) {
            throw new RosException(what + " failed: " + r.get(1));
        }
        return r.get(2);
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List) {
            for (Object o : (List<?>) value) {
                out.add(String.valueOf(o));
            }
        }
        return out;
    }

    private static Map<String, List<String>> graph(Object value) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Object entry : (List<?>) value) {
            List<?> e = (List<?>) entry;
            out.put((String) e.get(0), strings(e.get(1)));
        }
        return out;
    }

    private static List<TopicType> topicTypes(Object value) {
        List<TopicType> out = new ArrayList<>();
        for (Object entry : (List<?>) value) {
            List<?> e = (List<?>) entry;
            out.add(new TopicType((String) e.get(0), (String) e.get(1)));
        }
        return out;
    }
}
