package dev.mantis.launch.ros;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mantis.launch.CliRun;
import dev.mantis.robot.ros.Publisher;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.Roscore;
import dev.mantis.robot.ros.msg.sensor_msgs.JointState;
import dev.mantis.robot.ros.msg.std_msgs.Float64MultiArray;
import dev.mantis.robot.ros.msg.std_srvs.SetBool;
import dev.mantis.robot.ros.msg.std_srvs.SetBoolResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code mantis ros topic|param|service} against a real roscore, with a Java node as the other side. */
class RosCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Roscore core;
    private static RosNode peer;

    @BeforeAll
    static void start() throws Exception {
        core = Roscore.shared();
        peer = RosNode.start(core.nodeConfig("cli_peer"));
    }

    @AfterAll
    static void stop() {
        if (peer != null) {
            peer.close();
        }
    }

    private static CliRun run(String... args) {
        return runWithMaster(core.uri().toString(), args);
    }

    @Test
    void topicListInfoEchoAndHzSeeAJavaPublisher() throws Exception {
        Publisher<JointState> pub = peer.publisher("/cli_joint_states", JointState.TYPE, false, 10);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread publisher = new Thread(() -> {
            JointState js = new JointState();
            js.name = new String[] {"a", "b"};
            js.position = new double[] {0.5, -0.25};
            long next = System.nanoTime();
            while (running.get()) {
                pub.publish(js);
                next += 10_000_000L;
                try {
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        publisher.start();
        try {
            CliRun list = run("ros", "topic", "list", "-v");
            assertEquals(0, list.code(), list.err());
            assertTrue(list.out().lines().anyMatch(l -> l.equals("/cli_joint_states sensor_msgs/JointState")), list.out());

            CliRun info = run("ros", "topic", "info", "/cli_joint_states");
            assertEquals(0, info.code(), info.err());
            assertTrue(info.out().startsWith("Type: sensor_msgs/JointState\n\nPublishers:\n * /cli_peer (http://localhost:"),
                    info.out());

            CliRun echo = run("ros", "topic", "echo", "/cli_joint_states", "--count", "2", "--json", "--timeout", "10");
            assertEquals(0, echo.code(), echo.err());
            List<String> lines = echo.out().lines().toList();
            assertEquals(2, lines.size(), echo.out());
            for (String line : lines) {
                JsonNode m = JSON.readTree(line);
                assertEquals("[\"a\",\"b\"]", m.get("name").toString());
                assertEquals("[0.5,-0.25]", m.get("position").toString());
                assertEquals("", m.get("header").get("frame_id").asText());
            }

            CliRun hz = run("ros", "topic", "hz", "/cli_joint_states", "--count", "30");
            assertEquals(0, hz.code(), hz.err());
            assertTrue(hz.out().startsWith("average rate: "), hz.out());
            double rate = Double.parseDouble(hz.out().substring("average rate: ".length(), hz.out().indexOf(" Hz")));
            assertTrue(rate > 20 && rate < 500, "100 Hz publisher measured at " + rate + " Hz");
        } finally {
            running.set(false);
            publisher.join();
            pub.close();
        }
    }

    @Test
    void topicPubSendsJsonMessagesAtARate() throws Exception {
        BlockingQueue<Float64MultiArray> received = new LinkedBlockingQueue<>();
        peer.subscribe("/cli_command", Float64MultiArray.TYPE, received::add, 100);
        CliRun pub = run("ros", "topic", "pub", "/cli_command", "std_msgs/Float64MultiArray",
                "{\"layout\": {\"dim\": [{\"label\": \"joints\", \"size\": 2, \"stride\": 2}]}, \"data\": [0.1, -0.2]}",
                "--rate", "50", "--count", "3");
        assertEquals(0, pub.code(), pub.err());
        assertEquals("published 3 messages on /cli_command\n", pub.out());
        for (int i = 0; i < 3; i++) {
            Float64MultiArray m = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(m, "message " + i + " not received");
            assertArrayEquals(new double[] {0.1, -0.2}, m.data);
            assertEquals("joints", m.layout.dim[0].label);
            assertEquals(2, m.layout.dim[0].size);
        }
    }

    @Test
    void badPubInputIsOneLineWithExitCode2() {
        CliRun unknown = run("ros", "topic", "pub", "/x", "std_msgs/Nope", "{}");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("mantis: message type 'std_msgs/Nope' is not among Mantis's message types: "),
                unknown.err());
        assertEquals(1, unknown.err().lines().count());
        CliRun badField = run("ros", "topic", "pub", "/x", "std_msgs/String", "{\"text\": 1}");
        assertEquals(2, badField.code());
        assertEquals("mantis: message for /x does not fit std_msgs/String: String: std_msgs/String has no field 'text'; "
                + "its fields are [data]\n", badField.err());
        CliRun noMaster = runWithMaster("http://localhost:1/", "ros", "topic", "list");
        assertEquals(2, noMaster.code());
        assertTrue(noMaster.err().startsWith("mantis: ROS master http://localhost:1/ unreachable or refused getPid"),
                noMaster.err());
    }

    private static CliRun runWithMaster(String master, String... args) {
        List<String> full = new ArrayList<>(List.of(args));
        full.add("--master");
        full.add(master);
        return CliRun.of(full);
    }

    @Test
    void paramSetGetAndList() throws Exception {
        CliRun set = run("ros", "param", "set", "/cli/gains", "{\"kp\": 120.5, \"kd\": 8, \"joints\": [\"a\", \"b\"]}");
        assertEquals(0, set.code(), set.err());
        assertEquals(120.5, peer.params().getDouble("/cli/gains/kp", 0), 0);
        assertEquals(8, peer.params().getInt("/cli/gains/kd", 0));
        peer.params().set("/cli/name", "panda");
        CliRun get = run("ros", "param", "get", "/cli/gains");
        assertEquals(0, get.code(), get.err());
        JsonNode gains = JSON.readTree(get.out());
        assertEquals(120.5, gains.get("kp").doubleValue(), 0);
        assertEquals("[\"a\",\"b\"]", gains.get("joints").toString());
        assertEquals("\"panda\"\n", run("ros", "param", "get", "/cli/name").out());
        CliRun list = run("ros", "param", "list", "/cli");
        assertEquals(List.of("/cli/gains/joints", "/cli/gains/kd", "/cli/gains/kp", "/cli/name"), list.out().lines().toList());
        CliRun missing = run("ros", "param", "get", "/cli/none");
        assertEquals(2, missing.code());
        assertEquals("mantis: parameter /cli/none is not set; see 'mantis ros param list'\n", missing.err());
    }

    @Test
    void serviceListAndCall() {
        peer.serviceServer("/cli_enable", SetBool.TYPE, req -> {
            SetBoolResponse r = new SetBoolResponse();
            r.success = req.data;
            r.message = req.data ? "enabled" : "disabled";
            return r;
        });
        CliRun list = run("ros", "service", "list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.equals("/cli_enable")), list.out());
        CliRun call = run("ros", "service", "call", "/cli_enable", "{\"data\": true}");
        assertEquals(0, call.code(), call.err());
        assertEquals("{\"success\":true,\"message\":\"enabled\"}\n", call.out());
        CliRun none = run("ros", "service", "call", "/cli_nothing", "{}");
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("mantis: no node provides service /cli_nothing (lookupService at the ROS master "),
                none.err());
    }
}
