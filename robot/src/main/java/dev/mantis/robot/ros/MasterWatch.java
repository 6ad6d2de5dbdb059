package dev.mantis.robot.ros;

import dev.mantis.robot.ros.master.MasterClient;
import dev.mantis.robot.ros.xmlrpc.XmlDocumentParser;
import dev.mantis.robot.ros.xmlrpc.XmlRpcException;
import dev.mantis.robot.ros.xmlrpc.XmlRpcValues;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Asks the ROS master its process id over one HTTP/1.1 connection kept open between calls, and
 * waits on that connection in between: when the master process ends, the kernel closes the
 * connection and the wait ends at once, so a node notices a restarted master without calling it
 * often (each call costs the master, a Python process on the robot's cores, a request to parse).
 * A master that closes the connection after each answer (HTTP/1.0) is reconnected for each call.
 * Used by one thread; {@link #close} may come from another.
 */
final class MasterWatch implements AutoCloseable {

    /** Longest answer accepted for getPid. */
    private static final int MAX_RESPONSE_BYTES = 64 << 10;

    private final URI master;
    private final int timeoutMillis;
    private final byte[] request;
    private final XmlDocumentParser parser = new XmlDocumentParser();
    private volatile Socket socket;
    private InputStream in;
    private volatile boolean closed;

    /** Watches the master at {@code master} as {@code callerId}; connecting and answering time out after {@code timeoutMillis}. */
    MasterWatch(URI master, String callerId, int timeoutMillis) {
        this.master = master;
        this.timeoutMillis = timeoutMillis;
        byte[] body;
        try {
            body = XmlRpcValues.methodCall("getPid", List.of(callerId)).getBytes(StandardCharsets.UTF_8);
        } catch (XmlRpcException e) {
            throw new IllegalArgumentException("caller id " + callerId + ": " + e.getMessage(), e);
        }
        String path = master.getRawPath() == null || master.getRawPath().isEmpty() ? "/" : master.getRawPath();
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + master.getHost() + ":" + port(master)
                + "\r\nContent-Type: text/xml\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        request = new byte[h.length + body.length];
        System.arraycopy(h, 0, request, 0, h.length);
        System.arraycopy(body, 0, request, h.length, body.length);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : 80;
    }

    /**
     * The master's process id, asked over the open connection (opened first when there is none).
     *
     * @throws RosException when the master cannot be reached or answers anything but a pid
     */
    int getPid() {
        try {
            if (socket == null) {
                connect();
            }
            Socket s = socket;
            s.setSoTimeout(timeoutMillis);
            s.getOutputStream().write(request);
            return (Integer) MasterClient.unwrap(XmlRpcValues.parseResponse(readResponse(), parser),
                    "getPid at the ROS master " + master);
        } catch (IOException | XmlRpcException | ClassCastException e) {
            disconnect();
            throw new RosException("ROS master " + master + " unreachable or refused getPid: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            disconnect();
            throw e;
        }
    }

    /**
     * Waits until the master closes the connection, or for at most {@code millis}; answers whether
     * it closed (or there was none open).
     */
    boolean awaitClose(int millis) {
        Socket s = socket;
        if (s == null) {
            return true;
        }
        try {
            s.setSoTimeout(millis);
            // the master sends nothing unasked: anything read means the connection is done with
            in.read();
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            // closed
        }
        disconnect();
        return true;
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(master.getHost(), port(master)), timeoutMillis);
            s.setTcpNoDelay(true);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        in = new BufferedInputStream(s.getInputStream(), 4096);
        socket = s;
        if (closed) {
            throw new IOException("watch closed");
        }
    }

    /** Reads one HTTP response and answers its body; drops the connection when the master will close it. */
    private byte[] readResponse() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.") || status.length() < 12 || !status.startsWith(" 200", 8)) {
            throw new IOException("HTTP answer " + status);
        }
        long length = -1;
        boolean keep = status.startsWith("HTTP/1.1");
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                try {
                    length = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IOException("Content-Length " + value);
                }
            } else if (name.equals("connection")) {
                keep = value.equalsIgnoreCase("keep-alive") || (keep && !value.equalsIgnoreCase("close"));
            }
        }
        if (length > MAX_RESPONSE_BYTES) {
            throw new IOException("answer of " + length + " bytes");
        }
        byte[] body;
        if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length < length) {
                throw new IOException("answer cut short");
            }
        } else {
            body = in.readNBytes(MAX_RESPONSE_BYTES);
            keep = false;
        }
        if (!keep) {
            disconnect();
        }
        return body;
    }

    private String line() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the master");
            }
            if (b == '\n') {
                break;
            }
            if (out.size() >= 8192) {
                throw new IOException("HTTP line too long");
            }
            out.write(b);
        }
        String s = out.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private void disconnect() {
        Socket s = socket;
        socket = null;
        in = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** Closes the connection (from any thread); a waiting {@link #awaitClose} returns. */
    @Override
    public void close() {
        closed = true;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
