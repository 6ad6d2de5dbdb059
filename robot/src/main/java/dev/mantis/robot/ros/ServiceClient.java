package dev.mantis.robot.ros;

import dev.mantis.robot.ros.msg.Message;
import dev.mantis.robot.ros.msg.MessageFormatException;
import dev.mantis.robot.ros.msg.MessageInput;
import dev.mantis.robot.ros.msg.MessageOutput;
import dev.mantis.robot.ros.msg.ServiceType;
import dev.mantis.robot.ros.tcpros.ConnectionHeader;
import dev.mantis.robot.ros.tcpros.FrameReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls one service: each call looks the provider up at the master and uses a fresh connection
 * (ROS's non-persistent mode), so a restarted provider is found again.
 *
 * @param <Q> request class
 * @param <R> response class
 */
public final class ServiceClient<Q extends Message, R extends Message> {

    private final RosNode node;
    private final String service;
    private final ServiceType<Q, R> type;

    ServiceClient(RosNode node, String service, ServiceType<Q, R> type) {
        this.node = node;
        this.service = service;
        this.type = type;
    }

    /** The resolved service name. */
    public String service() {
        return service;
    }

    private String lookup() {
        try {
            return node.master().lookupService(service);
        } catch (RosException e) {
            if (e.getMessage().contains("lookupService") && e.getMessage().contains("failed")) {
                throw new RosException("no node provides service " + service + " (" + e.getMessage() + ")", e);
            }
            throw e;
        }
    }

    /**
     * Asks the provider for its connection header without calling (ROS's probe), e.g. to learn
     * the service's type ({@code type}, {@code md5sum}, {@code request_type}, {@code response_type}).
     *
     * @throws RosException when no node provides the service or the provider cannot be reached
     */
    public Map<String, String> probe() {
        String uri = lookup();
        URI rosrpc = URI.create(uri);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(rosrpc.getHost(), rosrpc.getPort()), node.config().timeoutMillis());
            socket.setSoTimeout(node.config().timeoutMillis());
            Map<String, String> header = new LinkedHashMap<>();
            header.put("callerid", node.name());
            header.put("service", service);
            header.put("md5sum", "*");
            header.put("probe", "1");
            socket.getOutputStream().write(ConnectionHeader.encode(header));
            Map<String, String> reply = ConnectionHeader.read(socket.getInputStream());
            if (reply.containsKey("error")) {
                throw new RosException("service " + service + " at " + uri + " refused the probe: " + reply.get("error"));
            }
            return reply;
        } catch (IOException e) {
            throw new RosException("service " + service + " at " + uri + ": connection failed: " + e.getMessage(), e);
        }
    }

    /**
     * Calls the service.
     *
     * @throws RosException when no node provides it, the provider refuses the type, the call fails
     *     (with the provider's error text) or the connection breaks
     */
    public R call(Q request) {
        String uri = lookup();
        URI rosrpc = URI.create(uri);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(rosrpc.getHost(), rosrpc.getPort()), node.config().timeoutMillis());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(node.config().timeoutMillis());
            Map<String, String> header = new LinkedHashMap<>();
            header.put("callerid", node.name());
            header.put("service", service);
            header.put("md5sum", type.md5());
            header.put("type", type.name());
            header.put("persistent", "0");
            header.put("tcp_nodelay", "1");
            socket.getOutputStream().write(ConnectionHeader.encode(header));
            Map<String, String> reply = ConnectionHeader.read(socket.getInputStream());
            if (reply.containsKey("error")) {
                throw new RosException("service " + service + " at " + uri + " refused the call: " + reply.get("error"));
            }
            MessageOutput out = new MessageOutput(256);
            out.writeInt32(0);
            request.write(out);
            out.putInt32At(0, out.size() - 4);
            socket.getOutputStream().write(out.array(), 0, out.size());
            FrameReader frames = new FrameReader(socket.getInputStream(), ServiceServer.MAX_REQUEST_BYTES);
            int ok = frames.readByte();
            byte[] body = frames.readFrame();
            if (ok != 1) {
                throw new RosException("service " + service + " failed: " + new String(body, StandardCharsets.UTF_8));
            }
            MessageInput in = new MessageInput();
            in.reset(body, 0, body.length);
            R response = type.response().create();
            response.read(in);
            in.expectEnd(type.response().name());
            return response;
        } catch (IOException e) {
            throw new RosException("service " + service + " at " + uri + ": connection failed: " + e.getMessage(), e);
        } catch (MessageFormatException e) {
            throw new RosException("service " + service + " at " + uri + " sent a bad response: " + e.getMessage(), e);
        }
    }
}
