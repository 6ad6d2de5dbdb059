package dev.mantis.robot.ros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.ros.xmlrpc.XmlRpcValues;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The master watch asks getPid over one kept-open HTTP/1.1 connection, notices at once when the
 * master closes it, and still works with a master that closes after each answer.
 */
@Timeout(30)
class MasterWatchTest {

    /** A fake master answering getPid with 4242; HTTP/1.1 keeps connections, HTTP/1.0 closes each. */
    private static final class FakeMaster implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0);
        final AtomicInteger connections = new AtomicInteger();
        final BlockingQueue<Socket> open = new LinkedBlockingQueue<>();
        final BlockingQueue<String> calls = new LinkedBlockingQueue<>();

        FakeMaster(boolean keepAlive) throws IOException {
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        connections.incrementAndGet();
                        open.add(s);
                        InputStream in = new BufferedInputStream(s.getInputStream());
                        OutputStream out = s.getOutputStream();
                        do {
                            String body = readRequest(in);
                            if (body == null) {
                                break;
                            }
                            calls.add(body);
                            byte[] answer = XmlRpcValues.response(List.of(1, "", 4242)).getBytes(StandardCharsets.UTF_8);
                            String head = keepAlive
                                    ? "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + answer.length + "\r\n\r\n"
                                    : "HTTP/1.0 200 OK\r\nContent-Type: text/xml\r\n\r\n";
                            out.write(head.getBytes(StandardCharsets.US_ASCII));
                            out.write(answer);
                            out.flush();
                        } while (keepAlive);
                    } catch (Exception e) {
                        // the test closed the connection or the server
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        URI uri() {
            return URI.create("http://localhost:" + server.getLocalPort() + "/");
        }

        /** The body of the next request, or null at the end of the connection. */
        private static String readRequest(InputStream in) throws IOException {
            int length = 0;
            String line = line(in);
            if (line == null) {
                return null;
            }
            while (!(line = line(in)).isEmpty()) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            return new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    return null;
                }
                out.write(b);
            }
            return out.toString(StandardCharsets.US_ASCII).trim();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    void keepsOneConnectionAndNoticesWhenTheMasterClosesIt() throws Exception {
        try (FakeMaster master = new FakeMaster(true); MasterWatch watch = new MasterWatch(master.uri(), "/w", 5000)) {
            assertEquals(4242, watch.getPid());
            assertEquals(4242, watch.getPid());
            assertEquals(1, master.connections.get());
            assertTrue(master.calls.take().contains("<methodName>getPid</methodName>"));
            assertTrue(master.calls.take().contains("<string>/w</string>"));
            assertFalse(watch.awaitClose(20), "the open connection was taken for closed");
            master.open.take().close();
            assertTrue(watch.awaitClose(60_000));
            assertEquals(4242, watch.getPid());
            assertEquals(2, master.connections.get());
        }
    }

    @Test
    void worksWithAMasterThatClosesAfterEachAnswer() throws Exception {
        try (FakeMaster master = new FakeMaster(false); MasterWatch watch = new MasterWatch(master.uri(), "/w", 5000)) {
            assertEquals(4242, watch.getPid());
            assertTrue(watch.awaitClose(60_000));
            assertEquals(4242, watch.getPid());
            assertEquals(2, master.connections.get());
            assertEquals(2, master.calls.size());
        }
    }

    @Test
    void anAbsentMasterIsOneClearError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (MasterWatch watch = new MasterWatch(URI.create("http://localhost:" + port + "/"), "/w", 1000)) {
            RosException e = assertThrows(RosException.class, watch::getPid);
            assertTrue(e.getMessage().startsWith("ROS master http://localhost:" + port + "/ unreachable or refused getPid: "),
                    e.getMessage());
            assertTrue(watch.awaitClose(60_000), "no connection means nothing to wait on");
        }
    }
}
