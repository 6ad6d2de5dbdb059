package dev.mantis.robot.ros;

import dev.mantis.robot.ros.master.MasterClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The parameter server as a node sees it: keys resolve like topic names ({@code ~key} is private
 * to the node). Values are XML-RPC values: Integer, Double, Boolean, String, List, Map.
 */
public final class Parameters {

    private final RosNode node;
    private final Map<String, List<Consumer<Object>>> listeners = new ConcurrentHashMap<>();

    Parameters(RosNode node) {
        this.node = node;
    }

    private MasterClient master() {
        return node.master();
    }

    /**
     * The value of a parameter.
     *
     * @throws RosException naming the key when it is not set
     */
    public Object get(String key) {
        String full = node.resolveName(key);
        if (!master().hasParam(full)) {
            throw new RosException("parameter " + full + " is not set; set it with rosparam or mantis ros param set");
        }
        return master().getParam(full);
    }

    /** The value of a parameter, or {@code fallback} when it is not set. */
    public Object get(String key, Object fallback) {
        String full = node.resolveName(key);
        return master().hasParam(full) ? master().getParam(full) : fallback;
    }

    /** A number parameter as a double, or {@code fallback} when not set; throws when not a number. */
    public double getDouble(String key, double fallback) {
        Object v = get(key, fallback);
        if (!(v instanceof Number)) {
            throw new RosException("parameter " + node.resolveName(key) + " is " + v + ", not a number");
        }
        return ((Number) v).doubleValue();
    }

    /** An integer parameter, or {@code fallback} when not set; throws when not an integer. */
    public int getInt(String key, int fallback) {
        Object v = get(key, fallback);
        if (!(v instanceof Integer)) {
            throw new RosException("parameter " + node.resolveName(key) + " is " + v + ", not an integer");
        }
        return (Integer) v;
    }

    /** A boolean parameter, or {@code fallback} when not set; throws when not a boolean. */
    public boolean getBoolean(String key, boolean fallback) {
        Object v = get(key, fallback);
        if (!(v instanceof Boolean)) {
            throw new RosException("parameter " + node.resolveName(key) + " is " + v + ", not true or false");
        }
        return (Boolean) v;
    }

    /** A string parameter, or {@code fallback} when not set; throws when not a string. */
    public String getString(String key, String fallback) {
        Object v = get(key, fallback);
        if (!(v instanceof String)) {
            throw new RosException("parameter " + node.resolveName(key) + " is " + v + ", not a string");
        }
        return (String) v;
    }

    /** Sets a parameter (a Map sets a whole namespace). */
    public void set(String key, Object value) {
        master().setParam(node.resolveName(key), value);
    }

    /** True when the parameter is set. */
    public boolean has(String key) {
        return master().hasParam(node.resolveName(key));
    }

    /** Deletes a parameter. */
    public void delete(String key) {
        master().deleteParam(node.resolveName(key));
    }

    /** The full name of the closest parameter {@code key} up this node's namespace, or null. */
    public String search(String key) {
        return master().searchParam(key);
    }

    /** All parameter names. */
    public List<String> names() {
        return master().getParamNames();
    }

    /**
     * Calls {@code listener} with each new value of a parameter (null when deleted), as the
     * master pushes them; answers the current value.
     */
    public Object subscribe(String key, Consumer<Object> listener) {
        String full = node.resolveName(key);
        listeners.computeIfAbsent(full + "/", k -> new CopyOnWriteArrayList<>()).add(listener);
        Object value = master().subscribeParam(node.uri().toString(), full);
        return value instanceof Map && ((Map<?, ?>) value).isEmpty() ? null : value;
    }

    /** Keys with listeners, each ending in / (for re-subscribing after a master restart). */
    List<String> subscribedKeys() {
        return List.copyOf(listeners.keySet());
    }

    void updated(String key, Object value) {
        String k = key.endsWith("/") ? key : key + "/";
        for (Map.Entry<String, List<Consumer<Object>>> e : listeners.entrySet()) {
            if (k.startsWith(e.getKey())) {
                Object v = value instanceof Map && ((Map<?, ?>) value).isEmpty() ? null : value;
                e.getValue().forEach(l -> l.accept(v));
            }
        }
    }
}
