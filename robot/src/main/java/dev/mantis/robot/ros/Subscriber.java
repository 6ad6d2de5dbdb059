package dev.mantis.robot.ros;

import dev.mantis.robot.ros.msg.Message;
import dev.mantis.robot.ros.msg.MessageType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subscription to one topic: a connection to each publisher the master lists, a bounded queue
 * of received messages (the oldest dropped when the listener falls behind) and one thread that
 * hands them to the listener in order of arrival.
 *
 * @param <T> the message class
 */
public final class Subscriber<T extends Message> implements AutoCloseable {

    private final RosNode node;
    private final String topic;
    private final MessageType<T> type;
    private final MessageListener<T> listener;
    private final int queueSize;
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private final Map<String, InboundLink<T>> links = new LinkedHashMap<>();
    private final Thread dispatcher;
    private long dropped;
    private boolean closed;

    Subscriber(RosNode node, String topic, MessageType<T> type, MessageListener<T> listener, int queueSize) {
        this.node = node;
        this.topic = topic;
        this.type = type;
        this.listener = listener;
        this.queueSize = Math.max(1, queueSize);
        this.dispatcher = new Thread(this::dispatch, "ros-sub" + topic);
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** The resolved topic name. */
    public String topic() {
        return topic;
    }

    /** The message type. */
    public MessageType<T> type() {
        return type;
    }

    /** Publishers connected now. */
    public synchronized int publisherCount() {
        int n = 0;
        for (InboundLink<T> link : links.values()) {
            n += link.isConnected() ? 1 : 0;
        }
        return n;
    }

    /** Messages dropped because the queue was full. */
    public synchronized long droppedCount() {
        return dropped;
    }

    /** Connects to publishers newly listed and drops those no longer listed. */
    synchronized void updatePublishers(List<String> uris) {
        if (closed) {
            return;
        }
        Set<String> wanted = new HashSet<>(uris);
        for (String uri : new ArrayList<>(links.keySet())) {
            if (!wanted.contains(uri)) {
                links.remove(uri).close();
            }
        }
        for (String uri : uris) {
            if (!links.containsKey(uri)) {
                InboundLink<T> link = new InboundLink<>(this, node, uri);
                links.put(uri, link);
                link.start();
            }
        }
    }

    synchronized void linkEnded(InboundLink<T> link) {
        links.values().remove(link);
    }

    synchronized List<BusLink> busInfo() {
        List<BusLink> out = new ArrayList<>();
        for (InboundLink<T> link : links.values()) {
            out.add(link.busInfo());
        }
        return out;
    }

    synchronized void deliver(T message) {
        if (closed) {
            return;
        }
        if (queue.size() >= queueSize) {
            queue.pollFirst();
            dropped++;
        }
        queue.addLast(message);
        notifyAll();
    }

    private void dispatch() {
        while (true) {
            T message;
            synchronized (this) {
                while (queue.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                message = queue.pollFirst();
            }
            try {
                listener.onMessage(message);
            } catch (RuntimeException e) {
                node.problem("listener of " + topic + " threw " + e);
            }
        }
    }

    /** Unregisters from the master and disconnects from every publisher. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            notifyAll();
            for (InboundLink<T> link : links.values()) {
                link.close();
            }
            links.clear();
        }
        node.removeSubscriber(this);
    }
}
