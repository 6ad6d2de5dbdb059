package dev.mantis.robot.ros;

import dev.mantis.robot.ros.msg.Message;
import dev.mantis.robot.ros.msg.MessageOutput;
import dev.mantis.robot.ros.msg.MessageType;
import dev.mantis.robot.ros.tcpros.ConnectionHeader;
import dev.mantis.robot.ros.tcpros.TcpRosException;
import java.io.IOException;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Publishes messages of one type on one topic to every subscriber that connects. Each message is
 * serialized once into a reused buffer, then copied into each subscriber's bounded queue of
 * reused arrays (small messages) or shared by all of them (large and latched messages); the oldest
 * message is dropped for a subscriber that falls behind.
 * A latched publisher sends its last message to each new subscriber. Thread-safe.
 *
 * @param <T> the message class
 */
public final class Publisher<T extends Message> implements AutoCloseable {

    private final RosNode node;
    private final String topic;
    private final MessageType<T> type;
    private final boolean latch;
    private final int queueSize;
    private final MessageOutput output = new MessageOutput(1024);
    private final List<OutboundLink> links = new CopyOnWriteArrayList<>();
    private byte[] latched;
    private volatile boolean closed;

    Publisher(RosNode node, String topic, MessageType<T> type, boolean latch, int queueSize) {
        this.node = node;
        this.topic = topic;
        this.type = type;
        this.latch = latch;
        this.queueSize = queueSize;
    }

    /** The resolved topic name. */
    public String topic() {
        return topic;
    }

    /** The message type. */
    public MessageType<T> type() {
        return type;
    }

    /** True when new subscribers get the last message. */
    public boolean isLatched() {
        return latch;
    }

    /** Subscribers connected now. */
    public int subscriberCount() {
        return links.size();
    }

    /** Sends a message to every connected subscriber (and keeps it for new ones when latched). */
    public void publish(T message) {
        if (closed) {
            throw new IllegalStateException("publisher of " + topic + " is closed");
        }
        synchronized (output) {
            output.clear();
            output.writeInt32(0);
            message.write(output);
            int size = output.size();
            output.putInt32At(0, size - 4);
            byte[] shared = latch || size > OutboundLink.MAX_SPARE_BYTES ? output.toByteArray() : null;
            if (latch) {
                synchronized (this) {
                    latched = shared;
                }
            }
            for (OutboundLink link : links) {
                if (shared != null) {
                    link.sendShared(shared);
                } else {
                    link.send(output.array(), size);
                }
            }
        }
    }

    /** Answers a subscriber's connection header and starts sending to it. */
    void accept(SocketChannel channel, Map<String, String> header) throws IOException {
        Socket socket = channel.socket();
        String md5 = header.getOrDefault("md5sum", "");
        String caller = header.getOrDefault("callerid", socket.getRemoteSocketAddress().toString());
        if (!md5.equals("*") && !md5.equals(type.md5())) {
            String error = "topic " + topic + ": subscriber " + caller + " wants type " + header.get("type") + " (MD5 "
                    + md5 + ") but this node publishes " + type.name() + " (MD5 " + type.md5() + ")";
            socket.getOutputStream().write(ConnectionHeader.encode(Map.of("error", error)));
            throw new TcpRosException(error);
        }
        if ("1".equals(header.get("tcp_nodelay"))) {
            socket.setTcpNoDelay(true);
        }
        Map<String, String> reply = new LinkedHashMap<>();
        reply.put("callerid", node.name());
        reply.put("topic", topic);
        reply.put("type", type.name());
        reply.put("md5sum", type.md5());
        reply.put("latching", latch ? "1" : "0");
        reply.put("message_definition", type.definition());
        socket.getOutputStream().write(ConnectionHeader.encode(reply));
        socket.setSoTimeout(0);
        OutboundLink[] holder = new OutboundLink[1];
        OutboundLink link = new OutboundLink(node.nextConnectionId(), channel, caller, queueSize,
                () -> links.remove(holder[0]));
        holder[0] = link;
        synchronized (this) {
            if (closed) {
                link.close();
                return;
            }
            links.add(link);
            if (latched != null) {
                link.sendShared(latched);
            }
        }
        link.start(topic);
    }

    /**
     * Waits until the messages published so far are written to every connected subscriber's
     * socket, for at most {@code timeout}; answers whether they were.
     */
    public boolean awaitSent(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (OutboundLink link : links) {
            if (!link.awaitSent(deadline)) {
                return false;
            }
        }
        return true;
    }

    List<BusLink> busInfo() {
        List<BusLink> out = new ArrayList<>();
        for (OutboundLink link : links) {
            out.add(new BusLink(link.id(), link.subscriber(), "o", topic, true));
        }
        return out;
    }

    /** Unregisters from the master and disconnects every subscriber. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        node.removePublisher(this);
        for (OutboundLink link : links) {
            link.close();
        }
    }
}
