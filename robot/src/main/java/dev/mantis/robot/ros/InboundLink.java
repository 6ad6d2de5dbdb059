package dev.mantis.robot.ros;

import dev.mantis.robot.ros.master.MasterClient;
import dev.mantis.robot.ros.msg.Message;
import dev.mantis.robot.ros.msg.MessageFormatException;
import dev.mantis.robot.ros.msg.MessageInput;
import dev.mantis.robot.ros.tcpros.ConnectionHeader;
import dev.mantis.robot.ros.tcpros.FrameReader;
import dev.mantis.robot.ros.tcpros.TcpRosException;
import dev.mantis.robot.ros.xmlrpc.XmlRpcException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connection from one publisher to one of our subscribers, on its own thread: negotiate the
 * topic over the publisher's XML-RPC API, exchange TCPROS headers, then read and deserialize
 * messages and hand them to the subscription, which may call its listener on this thread. A lost
 * connection is retried while the master still lists the publisher; a protocol error (wrong MD5,
 * oversized or malformed message) is reported and ends the link.
 */
final class InboundLink<T extends Message> {

    /** Largest message accepted from a publisher. */
    static final int MAX_MESSAGE_BYTES = 256 << 20;

    private final Subscriber<T> subscriber;
    private final RosNode node;
    private final String publisherUri;
    private final int id;
    private volatile boolean active = true;
    private volatile boolean connected;
    private volatile Socket socket;
    private volatile String publisherName;
    /** This link's reading state, used only on its own thread. */
    private final MessageInput input = new MessageInput();
    private byte[] buffer = new byte[4096];
    private FrameReader frames;

    InboundLink(Subscriber<T> subscriber, RosNode node, String publisherUri) {
        this.subscriber = subscriber;
        this.node = node;
        this.publisherUri = publisherUri;
        this.id = node.nextConnectionId();
        this.publisherName = publisherUri;
    }

    void start() {
        Thread t = new Thread(this::run, "ros-sub" + subscriber.topic() + "<-" + publisherUri);
        t.setDaemon(true);
        t.start();
    }

    boolean isConnected() {
        return connected;
    }

    BusLink busInfo() {
        return new BusLink(id, publisherName, "i", subscriber.topic(), connected);
    }

    void close() {
        active = false;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private void run() {
        long backoffMillis = 50;
        while (active) {
            try {
                connectAndRead();
                backoffMillis = 50;
            } catch (TcpRosException | MessageFormatException e) {
                if (active) {
                    node.problem("topic " + subscriber.topic() + " from " + publisherName + ": " + e.getMessage()
                            + "; connection dropped");
                }
                break;
            } catch (IOException | RosException e) {
                // publisher gone or not ready: retry while it is still listed
            } finally {
                connected = false;
            }
            if (!active) {
                break;
            }
            try {
                Thread.sleep(backoffMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            backoffMillis = Math.min(backoffMillis * 2, 1000);
        }
        subscriber.linkEnded(this);
    }

    private void connectAndRead() throws IOException {
        Object value;
        try {
            value = node.xmlrpc().call(URI.create(publisherUri), "requestTopic", node.name(), subscriber.topic(),
                    List.of(List.of("TCPROS")));
        } catch (XmlRpcException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<?> protocol = (List<?>) MasterClient.unwrap(value, "requestTopic " + subscriber.topic() + " at " + publisherUri);
        if (protocol.size() < 3 || !"TCPROS".equals(protocol.get(0))) {
            throw new TcpRosException("publisher " + publisherUri + " offers no TCPROS for " + subscriber.topic()
                    + ": " + protocol);
        }
        String host = String.valueOf(protocol.get(1));
        int port = ((Number) protocol.get(2)).intValue();
        Socket s = new Socket();
        socket = s;
        if (!active) {
            s.close();
            return;
        }
        try (s) {
            s.connect(new InetSocketAddress(host, port), node.config().timeoutMillis());
            s.setTcpNoDelay(true);
            s.setSoTimeout(node.config().timeoutMillis());
            Map<String, String> header = new LinkedHashMap<>();
            header.put("callerid", node.name());
            header.put("topic", subscriber.topic());
            header.put("md5sum", subscriber.type().md5());
            header.put("type", subscriber.type().name());
            header.put("message_definition", subscriber.type().definition());
            header.put("tcp_nodelay", "1");
            s.getOutputStream().write(ConnectionHeader.encode(header));
            Map<String, String> reply = ConnectionHeader.read(s.getInputStream());
            if (reply.containsKey("error")) {
                throw new TcpRosException("publisher refused: " + reply.get("error"));
            }
            publisherName = reply.getOrDefault("callerid", publisherUri);
            String md5 = reply.getOrDefault("md5sum", "");
            if (!md5.equals("*") && !md5.equals(subscriber.type().md5())) {
                throw new TcpRosException("publisher sends type " + reply.get("type") + " (MD5 " + md5
                        + ") but this node subscribed with " + subscriber.type().name() + " (MD5 "
                        + subscriber.type().md5() + ")");
            }
            s.setSoTimeout(0);
            connected = true;
            frames = new FrameReader(new BufferedInputStream(s.getInputStream(), 1 << 16), MAX_MESSAGE_BYTES);
            while (active) {
                int n;
                try {
                    n = frames.readLength();
                } catch (EOFException e) {
                    return;
                }
                subscriber.deliver(read(n), this);
            }
        }
    }

    /** Reads and deserializes the {@code n} bytes of the frame whose length was just read. */
    private T read(int n) throws IOException {
        if (n > buffer.length) {
            buffer = new byte[Math.max(n, buffer.length * 2)];
        }
        frames.readFully(buffer, 0, n);
        input.reset(buffer, 0, n);
        T message = subscriber.type().create();
        message.read(input);
        input.expectEnd(subscriber.type().name());
        return message;
    }

    /**
     * Queues every message already received whole on this connection, without waiting for more:
     * called on this link's thread before it hands its subscription's listener a message, so the
     * listener gets the newest ones even when it is slower than the publisher. Reads at most the
     * bytes received when called, so a fast publisher cannot keep the listener waiting.
     */
    void queueReceived() throws IOException {
        long budget = frames.available();
        while (budget > 0 && frames.frameAvailable()) {
            int n = frames.readLength();
            subscriber.queue(read(n));
            budget -= 4L + n;
        }
    }
}
