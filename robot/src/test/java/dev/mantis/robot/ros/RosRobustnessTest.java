package dev.mantis.robot.ros;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.ros.master.MasterClient;
import dev.mantis.robot.ros.msg.sensor_msgs.JointState;
import dev.mantis.robot.ros.msg.std_msgs.String;
import dev.mantis.robot.ros.msg.std_srvs.SetBool;
import dev.mantis.robot.ros.msg.std_srvs.SetBoolRequest;
import dev.mantis.robot.ros.msg.std_srvs.SetBoolResponse;
import dev.mantis.robot.ros.tcpros.ConnectionHeader;
import dev.mantis.robot.ros.xmlrpc.XmlRpcClient;
import dev.mantis.robot.ros.xmlrpc.XmlRpcException;
import dev.mantis.robot.ros.xmlrpc.XmlRpcServer;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Misbehaving peers (wrong MD5 sums, garbage headers, truncated and oversized messages, XML-RPC
 * faults) get a clear error, their connection is dropped, and the node keeps serving.
 */
class RosRobustnessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static Roscore core;
    private static RosNode node;
    private static final BlockingQueue<java.lang.String> PROBLEMS = new LinkedBlockingQueue<>();
    private static final List<java.lang.String> SEEN = new java.util.ArrayList<>();
    private static final XmlRpcClient XMLRPC = new XmlRpcClient(5000);

    @BeforeAll
    static void start() throws Exception {
        core = Roscore.shared();
        node = RosNode.start(core.nodeConfig("mantis_robust"));
        node.onProblem(PROBLEMS::add);
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @BeforeEach
    void clearProblems() {
        PROBLEMS.clear();
        SEEN.clear();
    }

    /** Waits for a reported problem containing {@code containing}, in any order among the others. */
    private static java.lang.String awaitProblem(java.lang.String containing) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            for (java.lang.String p : SEEN) {
                if (p.contains(containing)) {
                    SEEN.remove(p);
                    return p;
                }
            }
            long left = deadline - System.nanoTime();
            java.lang.String p = left > 0 ? PROBLEMS.poll(left, TimeUnit.NANOSECONDS) : null;
            if (p == null) {
                throw new AssertionError("no problem reported containing '" + containing + "'; saw: " + SEEN);
            }
            SEEN.add(p);
        }
    }

    private static int tcpPort(java.lang.String topic) throws XmlRpcException {
        List<?> r = (List<?>) MasterClient.unwrap(XMLRPC.call(node.uri(), "requestTopic", "/raw", topic,
                List.of(List.of("TCPROS"))), "requestTopic");
        return (Integer) r.get(2);
    }

    private static Map<java.lang.String, java.lang.String> subscriberHeader(java.lang.String topic, java.lang.String md5) {
        Map<java.lang.String, java.lang.String> h = new LinkedHashMap<>();
        h.put("callerid", "/raw_subscriber");
        h.put("topic", topic);
        h.put("md5sum", md5);
        h.put("type", "std_msgs/String");
        return h;
    }

    @Test
    void aSubscriberWithTheWrongMd5IsRefusedAndOthersStillServed() throws Exception {
        Publisher<String> pub = node.publisher("/robust_md5", String.TYPE, true, 10);
        String hello = new String();
        hello.data = "still serving";
        pub.publish(hello);
        int port = tcpPort("/robust_md5");
        try (Socket bad = new Socket("localhost", port)) {
            bad.getOutputStream().write(ConnectionHeader.encode(subscriberHeader("/robust_md5", "0123456789abcdef0123456789abcdef")));
            Map<java.lang.String, java.lang.String> reply = ConnectionHeader.read(bad.getInputStream());
            assertEquals("topic /robust_md5: subscriber /raw_subscriber wants type std_msgs/String (MD5 "
                    + "0123456789abcdef0123456789abcdef) but this node publishes std_msgs/String (MD5 "
                    + String.TYPE.md5() + ")", reply.get("error"));
            assertEquals(-1, bad.getInputStream().read(), "connection not dropped");
        }
        assertTrue(awaitProblem("wants type").startsWith("TCPROS connection from "));
        try (Socket star = new Socket("localhost", port)) {
            star.getOutputStream().write(ConnectionHeader.encode(subscriberHeader("/robust_md5", "*")));
            Map<java.lang.String, java.lang.String> reply = ConnectionHeader.read(star.getInputStream());
            assertEquals(String.TYPE.md5(), reply.get("md5sum"));
            assertEquals("1", reply.get("latching"));
            DataInputStream in = new DataInputStream(star.getInputStream());
            byte[] expected = String.TYPE.toBytes(hello);
            byte[] length = new byte[4];
            in.readFully(length);
            assertEquals(expected.length, length[0]);
            byte[] body = new byte[expected.length];
            in.readFully(body);
            assertArrayEquals(expected, body);
        }
        pub.close();
    }

    @Test
    void garbageHeadersAreDroppedWithAClearError() throws Exception {
        Publisher<String> pub = node.publisher("/robust_garbage", String.TYPE, false, 10);
        int port = tcpPort("/robust_garbage");
        try (Socket s = new Socket("localhost", port)) {
            s.getOutputStream().write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f, 1, 2, 3});
            assertEquals(-1, s.getInputStream().read());
        }
        awaitProblem("connection header of 2147483647 bytes is longer than 1048576; the peer does not speak TCPROS");
        try (Socket s = new Socket("localhost", port)) {
            s.getOutputStream().write(new byte[] {8, 0, 0, 0, 4, 0, 0, 0, 'a', 'b', 'c', 'd'});
            assertEquals(-1, s.getInputStream().read());
        }
        awaitProblem("connection header field 'abcd' is not key=value");
        try (Socket s = new Socket("localhost", port)) {
            s.getOutputStream().write(new byte[] {8, 0, 0, 0, 100, 0, 0, 0, 'a', '=', 'c', 'd'});
            assertEquals(-1, s.getInputStream().read());
        }
        awaitProblem("connection header field of 100 bytes at byte 0 overruns the header's 8 bytes");
        try (Socket s = new Socket("localhost", port)) {
            s.getOutputStream().write(ConnectionHeader.encode(Map.of("callerid", "/x", "md5sum", "*")));
            assertEquals("connection header has neither topic nor service",
                    ConnectionHeader.read(s.getInputStream()).get("error"));
        }
        assertEquals(1, (Integer) MasterClient.unwrap(XMLRPC.call(node.uri(), "getPid", "/x"), "getPid") > 0 ? 1 : 0);
        pub.close();
    }

    /** A fake publisher: an XML-RPC slave answering requestTopic and a TCP port that misbehaves as told. */
    private static final class FakePublisher implements AutoCloseable {
        final ServerSocket tcp = new ServerSocket(0);
        final XmlRpcServer slave;
        final BlockingQueue<Boolean> closedByPeer = new LinkedBlockingQueue<>();

        FakePublisher(BiConsumer<Map<java.lang.String, java.lang.String>, OutputStream> behaviour) throws IOException {
            slave = new XmlRpcServer(new InetSocketAddress(0),
                    (method, params) -> List.of(1, "", List.of("TCPROS", "localhost", tcp.getLocalPort())), e -> { });
            Thread t = new Thread(() -> {
                try (Socket s = tcp.accept()) {
                    Map<java.lang.String, java.lang.String> header = ConnectionHeader.read(s.getInputStream());
                    behaviour.accept(header, s.getOutputStream());
                    s.getOutputStream().flush();
                    InputStream in = s.getInputStream();
                    closedByPeer.add(in.read() == -1);
                } catch (IOException e) {
                    closedByPeer.add(true);
                }
            });
            t.setDaemon(true);
            t.start();
        }

        java.lang.String uri() {
            return "http://localhost:" + slave.port() + "/";
        }

        @Override
        public void close() throws IOException {
            slave.close();
            tcp.close();
        }
    }

    private static void write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    private static Map<java.lang.String, java.lang.String> publisherHeader(java.lang.String md5) {
        return Map.of("callerid", "/fake", "md5sum", md5, "type", "sensor_msgs/JointState", "topic", "/robust_in");
    }

    @Test
    void badPublishersAreDroppedAndTheSubscriberKeepsWorking() throws Exception {
        BlockingQueue<JointState> received = new LinkedBlockingQueue<>();
        Subscriber<JointState> sub = node.subscribe("/robust_in", JointState.TYPE, received::add, 10);
        JointState good = new JointState();
        good.name = new java.lang.String[] {"j"};
        good.position = new double[] {0.5};
        byte[] goodBytes = JointState.TYPE.toBytes(good);
        try (FakePublisher wrongMd5 = new FakePublisher((h, out) -> write(out, ConnectionHeader.encode(publisherHeader("ffff"))));
                FakePublisher oversized = new FakePublisher((h, out) -> {
                    write(out, ConnectionHeader.encode(publisherHeader(JointState.TYPE.md5())));
                    write(out, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f});
                });
                FakePublisher truncated = new FakePublisher((h, out) -> {
                    write(out, ConnectionHeader.encode(publisherHeader(JointState.TYPE.md5())));
                    write(out, new byte[] {10, 0, 0, 0});
                    write(out, new byte[10]);
                });
                FakePublisher fine = new FakePublisher((h, out) -> {
                    write(out, ConnectionHeader.encode(publisherHeader(JointState.TYPE.md5())));
                    byte[] frame = new byte[goodBytes.length + 4];
                    frame[0] = (byte) goodBytes.length;
                    System.arraycopy(goodBytes, 0, frame, 4, goodBytes.length);
                    write(out, frame);
                })) {
            MasterClient.unwrap(XMLRPC.call(node.uri(), "publisherUpdate", "/master", "/robust_in",
                    List.of(wrongMd5.uri(), oversized.uri(), truncated.uri(), fine.uri())), "publisherUpdate");
            awaitProblem("but this node subscribed with sensor_msgs/JointState");
            assertTrue(wrongMd5.closedByPeer.poll(10, TimeUnit.SECONDS));
            awaitProblem("message of 2147483647 bytes exceeds the limit of 268435456 bytes; connection dropped");
            assertTrue(oversized.closedByPeer.poll(10, TimeUnit.SECONDS));
            java.lang.String problem = awaitProblem("from /fake: message truncated");
            assertTrue(problem.startsWith("topic /robust_in from /fake: message truncated: "), problem);
            assertTrue(truncated.closedByPeer.poll(10, TimeUnit.SECONDS));
            JointState got = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(got, "the well-behaved publisher was not heard");
            assertArrayEquals(good.position, got.position);
        }
        sub.close();
    }

    @Test
    void xmlRpcFaultsAreAnsweredAndTheNodeKeepsServing() throws Exception {
        HttpURLConnection http = (HttpURLConnection) node.uri().toURL().openConnection();
        http.setRequestMethod("POST");
        http.setDoOutput(true);
        http.getOutputStream().write("<methodCall><oops".getBytes(StandardCharsets.UTF_8));
        java.lang.String body = new java.lang.String(http.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(body.contains("<fault>") && body.contains("not well-formed XML-RPC"), body);
        assertTrue(awaitProblem("refused: not well-formed XML-RPC").startsWith("XML-RPC request from "));

        XmlRpcException unknown = assertThrows(XmlRpcException.class, () -> XMLRPC.call(node.uri(), "bogus", "/x"));
        assertEquals("bogus at " + node.uri() + ": XML-RPC fault -1: bogus: node /mantis_robust has no XML-RPC method 'bogus'",
                unknown.getMessage());
        XmlRpcException badArgs = assertThrows(XmlRpcException.class, () -> XMLRPC.call(node.uri(), "publisherUpdate", "/x"));
        assertTrue(badArgs.getMessage().contains("publisherUpdate: bad parameters [/x]"), badArgs.getMessage());
        assertEquals((int) ProcessHandle.current().pid(),
                MasterClient.unwrap(XMLRPC.call(node.uri(), "getPid", "/x"), "getPid"));
    }

    @Test
    void masterFaultsAndAnAbsentMasterGiveOneClearLine() throws Exception {
        try (XmlRpcServer faulty = new XmlRpcServer(new InetSocketAddress(0), (method, params) -> {
            throw new XmlRpcException("master is broken");
        }, e -> { })) {
            URI uri = URI.create("http://localhost:" + faulty.port() + "/");
            RosException e = assertThrows(RosException.class, () -> new MasterClient(uri, "/x", XMLRPC).getPid());
            assertEquals("ROS master " + uri + " unreachable or refused getPid: getPid at " + uri
                    + ": XML-RPC fault -1: getPid: master is broken; is roscore running and ROS_MASTER_URI right?", e.getMessage());
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        RosException absent = assertThrows(RosException.class,
                () -> RosNode.start(core.nodeConfig("absent").withMaster(URI.create("http://localhost:" + closedPort + "/"))));
        assertTrue(absent.getMessage().startsWith("ROS master http://localhost:" + closedPort + "/ unreachable or refused getPid"),
                absent.getMessage());
    }

    @Test
    void aFailingServiceHandlerIsReportedToTheCaller() {
        ServiceServer<SetBoolRequest, SetBoolResponse> server = node.serviceServer("/robust_srv", SetBool.TYPE, req -> {
            if (req.data) {
                throw new IllegalStateException("cannot enable while e-stopped");
            }
            return new SetBoolResponse();
        });
        ServiceClient<SetBoolRequest, SetBoolResponse> client = node.serviceClient("/robust_srv", SetBool.TYPE);
        SetBoolRequest request = new SetBoolRequest();
        request.data = true;
        RosException e = assertThrows(RosException.class, () -> client.call(request));
        assertEquals("service /robust_srv failed: cannot enable while e-stopped", e.getMessage());
        request.data = false;
        assertEquals(false, client.call(request).success);
        server.close();
        RosException gone = assertThrows(RosException.class, () -> client.call(request));
        assertTrue(gone.getMessage().startsWith("no node provides service /robust_srv (lookupService at the ROS master "),
                gone.getMessage());
    }
}
