package dev.mantis.robot.ros;

import dev.mantis.robot.ros.msg.Message;
import dev.mantis.robot.ros.msg.MessageFormatException;
import dev.mantis.robot.ros.msg.MessageInput;
import dev.mantis.robot.ros.msg.MessageOutput;
import dev.mantis.robot.ros.msg.ServiceType;
import dev.mantis.robot.ros.tcpros.ConnectionHeader;
import dev.mantis.robot.ros.tcpros.FrameReader;
import dev.mantis.robot.ros.tcpros.TcpRosException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Provides one service: each client connection is served on its own thread, calls answered in
 * order; a handler exception is sent back as the call's error text.
 *
 * @param <Q> request class
 * @param <R> response class
 */
public final class ServiceServer<Q extends Message, R extends Message> implements AutoCloseable {

    /** Largest request accepted. */
    static final int MAX_REQUEST_BYTES = 64 << 20;

    private final RosNode node;
    private final String service;
    private final ServiceType<Q, R> type;
    private final ServiceHandler<Q, R> handler;
    private volatile boolean closed;

    ServiceServer(RosNode node, String service, ServiceType<Q, R> type, ServiceHandler<Q, R> handler) {
        this.node = node;
        this.service = service;
        this.type = type;
        this.handler = handler;
    }

    /** The resolved service name. */
    public String service() {
        return service;
    }

    /** The service type. */
    public ServiceType<Q, R> type() {
        return type;
    }

    /** Serves one client connection until it closes. */
    void serve(Socket socket, Map<String, String> header) throws IOException {
        OutputStream out = socket.getOutputStream();
        String md5 = header.getOrDefault("md5sum", "");
        if (!md5.equals("*") && !md5.equals(type.md5())) {
            String error = "service " + service + ": client " + header.get("callerid") + " wants MD5 " + md5
                    + " but this node serves " + type.name() + " (MD5 " + type.md5() + ")";
            out.write(ConnectionHeader.encode(Map.of("error", error)));
            throw new TcpRosException(error);
        }
        Map<String, String> reply = new LinkedHashMap<>();
        reply.put("callerid", node.name());
        reply.put("md5sum", type.md5());
        reply.put("type", type.name());
        reply.put("request_type", type.request().name());
        reply.put("response_type", type.response().name());
        out.write(ConnectionHeader.encode(reply));
        if ("1".equals(header.get("probe"))) {
            return;
        }
        if ("1".equals(header.get("tcp_nodelay"))) {
            socket.setTcpNoDelay(true);
        }
        socket.setSoTimeout(0);
        FrameReader frames = new FrameReader(new BufferedInputStream(socket.getInputStream(), 1 << 16), MAX_REQUEST_BYTES);
        MessageInput in = new MessageInput();
        MessageOutput response = new MessageOutput(256);
        while (!closed) {
            byte[] request;
            try {
                request = frames.readFrame();
            } catch (EOFException e) {
                return;
            }
            in.reset(request, 0, request.length);
            Q q = type.request().create();
            try {
                q.read(in);
                in.expectEnd(type.request().name());
            } catch (MessageFormatException e) {
                writeError(out, response, "bad request: " + e.getMessage());
                throw new TcpRosException("service " + service + ": bad request from " + header.get("callerid") + ": "
                        + e.getMessage());
            }
            R r;
            try {
                r = handler.handle(q);
            } catch (Exception e) {
                writeError(out, response, e.getMessage() == null ? e.toString() : e.getMessage());
                continue;
            }
            response.clear();
            response.writeUInt8(1);
            response.writeInt32(0);
            r.write(response);
            response.putInt32At(1, response.size() - 5);
            out.write(response.array(), 0, response.size());
        }
    }

    private static void writeError(OutputStream out, MessageOutput buffer, String error) throws IOException {
        byte[] text = error.getBytes(StandardCharsets.UTF_8);
        buffer.clear();
        buffer.writeUInt8(0);
        buffer.writeInt32(text.length);
        buffer.writeBytes(text);
        out.write(buffer.array(), 0, buffer.size());
    }

    /** Unregisters the service; connections in progress finish their current call. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            node.removeService(this);
        }
    }
}
