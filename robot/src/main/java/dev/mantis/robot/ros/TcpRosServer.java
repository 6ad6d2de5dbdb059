package dev.mantis.robot.ros;

import dev.mantis.robot.ros.tcpros.ConnectionHeader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;

/**
 * The node's one TCPROS port: accepts connections from subscribers of its topics and clients of
 * its services, reads their connection header and hands the connection over. A connection that
 * breaks the protocol is reported and closed; the server keeps accepting.
 */
final class TcpRosServer implements AutoCloseable {

    private final RosNode node;
    private final ServerSocketChannel server;
    private final int port;

    TcpRosServer(RosNode node) throws IOException {
        this.node = node;
        this.server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(0), 128);
        this.port = ((InetSocketAddress) server.getLocalAddress()).getPort();
        Thread t = new Thread(this::acceptLoop, "ros-tcpros-" + port);
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return port;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                return;
            }
            Thread t = new Thread(() -> handle(channel), "ros-tcpros-in-" + channel.socket().getRemoteSocketAddress());
            t.setDaemon(true);
            t.start();
        }
    }

    private void handle(SocketChannel channel) {
        Socket socket = channel.socket();
        boolean handedOver = false;
        try {
            socket.setSoTimeout(node.config().timeoutMillis());
            Map<String, String> header = ConnectionHeader.read(socket.getInputStream());
            if (header.containsKey("topic")) {
                Publisher<?> publisher = node.publisherFor(header.get("topic"));
                if (publisher == null) {
                    refuse(socket, "node " + node.name() + " does not publish " + header.get("topic"));
                    return;
                }
                publisher.accept(channel, header);
                handedOver = true;
            } else if (header.containsKey("service")) {
                ServiceServer<?, ?> service = node.serviceFor(header.get("service"));
                if (service == null) {
                    refuse(socket, "node " + node.name() + " does not provide " + header.get("service"));
                    return;
                }
                service.serve(socket, header);
            } else {
                refuse(socket, "connection header has neither topic nor service");
            }
        } catch (IOException e) {
            if (!node.isClosed()) {
                node.problem("TCPROS connection from " + socket.getRemoteSocketAddress() + " dropped: " + e.getMessage());
            }
        } finally {
            if (!handedOver) {
                try {
                    // end our side first, as java.net.Socket does: the peer reads the end of the
                    // stream, not a reset, even when it sent bytes we did not read
                    socket.shutdownOutput();
                } catch (IOException e) {
                    // already closed by the peer
                }
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    private void refuse(Socket socket, String error) throws IOException {
        socket.getOutputStream().write(ConnectionHeader.encode(Map.of("error", error)));
        node.problem("TCPROS connection from " + socket.getRemoteSocketAddress() + " refused: " + error);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
