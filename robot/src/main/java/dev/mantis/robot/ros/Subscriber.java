package dev.mantis.robot.ros;

import dev.mantis.robot.ros.msg.Message;
import dev.mantis.robot.ros.msg.MessageType;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subscription to one topic: a connection to each publisher the master lists, each read on its
 * own thread, and a bounded queue of received messages (the oldest dropped when the listener falls
 * behind) handed to the listener one at a time, in order of arrival. The thread that queues a
 * message while the listener is idle calls the listener itself (no hand-over to another thread,
 * as rospy does), and keeps calling it until the queue is empty; before each call it first queues
 * every message its connection has already received, so a listener slower than the publisher
 * still gets the newest messages, as a queue of one promises.
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
    private long dropped;
    private boolean closed;
    /** Whether a thread is handing the queue to the listener now. */
    private boolean dispatching;

    Subscriber(RosNode node, String topic, MessageType<T> type, MessageListener<T> listener, int queueSize) {
        this.node = node;
        this.topic = topic;
        this.type = type;
        this.listener = listener;
        this.queueSize = Math.max(1, queueSize);
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

    /** Queues a message, dropping the oldest when the queue is full. */
    synchronized void queue(T message) {
        if (closed) {
            return;
        }
        if (queue.size() >= queueSize) {
            queue.pollFirst();
            dropped++;
        }
        queue.addLast(message);
    }

    /**
     * Queues a message that {@code link} read and, unless another thread is calling the listener,
     * hands the listener every queued message on this thread, first queueing whatever the link has
     * already received before each.
     *
     * @throws IOException when the link failed reading ahead; the messages queued are handed over first
     */
    void deliver(T message, InboundLink<T> link) throws IOException {
        synchronized (this) {
            queue(message);
            if (dispatching || closed) {
                return;
            }
            dispatching = true;
        }
        IOException failed = null;
        RuntimeException malformed = null;
        boolean handedBack = false;
        try {
            while (true) {
                if (failed == null && malformed == null) {
                    try {
                        link.queueReceived();
                    } catch (IOException e) {
                        failed = e;
                    } catch (RuntimeException e) {
                        malformed = e;
                    }
                }
                T next;
                synchronized (this) {
                    next = queue.pollFirst();
                    if (next == null) {
                        dispatching = false;
                        handedBack = true;
                        break;
                    }
                }
                try {
                    listener.onMessage(next);
                } catch (RuntimeException e) {
                    node.problem("listener of " + topic + " threw " + e);
                }
            }
        } finally {
            if (!handedBack) {
                synchronized (this) {
                    dispatching = false;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        if (malformed != null) {
            throw malformed;
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
