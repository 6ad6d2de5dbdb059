package dev.mantis.robot.ros;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mantis.robot.ros.msg.JsonMessageCodec;
import dev.mantis.robot.ros.msg.Message;
import dev.mantis.robot.ros.msg.MessageInput;
import dev.mantis.robot.ros.msg.MessageType;
import dev.mantis.robot.ros.msg.RosDuration;
import dev.mantis.robot.ros.msg.RosTime;
import dev.mantis.robot.ros.msg.geometry_msgs.PoseStamped;
import dev.mantis.robot.ros.msg.sensor_msgs.JointState;
import dev.mantis.robot.ros.msg.std_msgs.Float64MultiArray;
import dev.mantis.robot.ros.msg.std_msgs.MultiArrayDimension;
import dev.mantis.robot.ros.msg.std_msgs.String;
import dev.mantis.robot.ros.msg.std_srvs.SetBool;
import dev.mantis.robot.ros.msg.std_srvs.SetBoolRequest;
import dev.mantis.robot.ros.msg.std_srvs.SetBoolResponse;
import dev.mantis.robot.ros.msg.trajectory_msgs.JointTrajectory;
import dev.mantis.robot.ros.msg.trajectory_msgs.JointTrajectoryPoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mantis's ROS client against Debian's real roscore and rospy: topics, services, parameters, tools. */
class RosInteropTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final JsonMessageCodec CODEC = JsonMessageCodec.builtIn();

    private static Roscore core;
    private static RospyPeer peer;
    private static RosNode node;
    private static final List<java.lang.String> PROBLEMS = new ArrayList<>();

    @BeforeAll
    static void startRos() throws Exception {
        core = Roscore.shared();
        peer = RospyPeer.start(core, "rospy_peer");
        node = RosNode.start(core.nodeConfig("mantis_java_test"));
        node.onProblem(p -> {
            synchronized (PROBLEMS) {
                PROBLEMS.add(p);
            }
        });
    }

    @AfterAll
    static void stopRos() throws Exception {
        if (node != null) {
            node.close();
        }
        if (peer != null) {
            peer.close();
        }
        synchronized (PROBLEMS) {
            assertEquals(List.of(), PROBLEMS, "no protocol problems in normal interoperation");
        }
    }

    static List<Message> samples() {
        String s = new String();
        s.data = "h\u00e9llo ROS";

        JointState js = new JointState();
        js.header.stamp = new RosTime(1_700_000_000, 123_456_789);
        js.header.frame_id = "base_link";
        js.name = new java.lang.String[7];
        js.position = new double[7];
        js.velocity = new double[7];
        js.effort = new double[7];
        for (int i = 0; i < 7; i++) {
            js.name[i] = "panda_joint" + (i + 1);
            js.position[i] = 0.1 * i - 0.35;
            js.velocity[i] = -0.01 * i;
            js.effort[i] = 1.5e-3 * i * i;
        }

        JointTrajectory jt = new JointTrajectory();
        jt.header.frame_id = "world";
        jt.joint_names = new java.lang.String[] {"shoulder", "elbow"};
        jt.points = new JointTrajectoryPoint[3];
        for (int p = 0; p < 3; p++) {
            JointTrajectoryPoint point = new JointTrajectoryPoint();
            point.positions = new double[] {p * 0.25, -p * 0.5};
            point.velocities = new double[] {0.125, 0.0625 * p};
            point.time_from_start = new RosDuration(p, 250_000_000 * p);
            jt.points[p] = point;
        }

        PoseStamped pose = new PoseStamped();
        pose.header.stamp = new RosTime(42, 7);
        pose.header.frame_id = "panda_link0";
        pose.pose.position.x = 0.4;
        pose.pose.position.y = -0.125;
        pose.pose.position.z = 0.3;
        pose.pose.orientation.x = 1;
        pose.pose.orientation.w = 6.123233995736766e-17;

        Float64MultiArray array = new Float64MultiArray();
        array.layout.dim = new MultiArrayDimension[] {new MultiArrayDimension()};
        array.layout.dim[0].label = "joints";
        array.layout.dim[0].size = 7;
        array.layout.dim[0].stride = 7;
        array.data = new double[] {1, -2, 3.5, 1e-9, -1e9, 0, Math.PI};
        return List.of(s, js, jt, pose, array);
    }

    private static java.lang.String topicOf(Message m) {
        return "/mantis_" + m.type().name().replace('/', '_');
    }

    /** The message as JSON with any header seq set to 0 (rospy publishers number messages themselves). */
    private static java.lang.String normalizedJson(JsonNode json) throws IOException {
        JsonNode copy = json.deepCopy();
        if (copy.has("header")) {
            ((ObjectNode) copy.get("header")).put("seq", 0);
        }
        return RospyPeer.JSON.writeValueAsString(copy);
    }

    private static void zeroSeq(Message m) {
        if (m instanceof JointState) {
            ((JointState) m).header.seq = 0;
        } else if (m instanceof JointTrajectory) {
            ((JointTrajectory) m).header.seq = 0;
        } else if (m instanceof PoseStamped) {
            ((PoseStamped) m).header.seq = 0;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Message> byte[] bytes(T m) {
        return ((MessageType<T>) m.type()).toBytes(m);
    }

    private static JsonNode json(Message m) {
        byte[] b = bytes(m);
        MessageInput in = new MessageInput();
        in.reset(b, 0, b.length);
        return CODEC.read(m.type().name(), in);
    }

    @Test
    void javaPublisherToRospySubscriberIsFieldExact() throws Exception {
        for (Message sample : samples()) {
            java.lang.String topic = topicOf(sample) + "_j2p";
            peer.run(RospyPeer.command("sub").put("topic", topic).put("type", sample.type().name()));
            @SuppressWarnings("unchecked")
            Publisher<Message> pub = node.publisher(topic, (MessageType<Message>) sample.type(), true, 10);
            pub.publish(sample);
            JsonNode got = peer.await(e -> e.path("event").asText().equals("msg") && e.path("topic").asText().equals(topic),
                    TIMEOUT);
            assertEquals(normalizedJson(json(sample)), normalizedJson(got.get("msg")), sample.type().name());
            pub.close();
        }
    }

    @Test
    void rospyPublisherToJavaSubscriberIsByteExact() throws Exception {
        for (Message sample : samples()) {
            java.lang.String topic = topicOf(sample) + "_p2j";
            BlockingQueue<Message> received = new ArrayBlockingQueue<>(10);
            @SuppressWarnings("unchecked")
            Subscriber<Message> sub = node.subscribe(topic, (MessageType<Message>) sample.type(), received::add, 10);
            peer.run(RospyPeer.command("pub").put("topic", topic).put("type", sample.type().name()).put("latch", true)
                    .set("msg", json(sample)));
            Message got = received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(got, "no " + sample.type() + " from rospy on " + topic);
            assertEquals(normalizedJson(json(sample)), normalizedJson(json(got)), sample.type().name());
            zeroSeq(got);
            assertArrayEquals(bytes(sample), bytes(got), sample.type().name());
            sub.close();
        }
    }

    @Test
    void servicesWorkBothWays() throws Exception {
        ServiceServer<SetBoolRequest, SetBoolResponse> server = node.serviceServer("/mantis_set", SetBool.TYPE, req -> {
            SetBoolResponse r = new SetBoolResponse();
            r.success = !req.data;
            r.message = "java got " + req.data;
            return r;
        });
        peer.send(serviceCommand("call", "/mantis_set").set("args", RospyPeer.JSON.createObjectNode().put("data", true)));
        JsonNode response = peer.await(e -> e.path("event").asText().equals("response"), TIMEOUT);
        assertEquals("{\"success\":false,\"message\":\"java got true\"}", RospyPeer.JSON.writeValueAsString(response.get("msg")));
        server.close();

        peer.run(serviceCommand("srv", "/rospy_set"));
        SetBoolRequest request = new SetBoolRequest();
        request.data = true;
        SetBoolResponse answer = node.serviceClient("/rospy_set", SetBool.TYPE).call(request);
        assertTrue(answer.success);
        assertEquals("rospy got True", answer.message);
    }

    private static ObjectNode serviceCommand(java.lang.String op, java.lang.String name) {
        return RospyPeer.command(op).put("name", name).put("type", SetBool.TYPE.name()).put("md5", SetBool.TYPE.md5())
                .put("req", "bool data\n").put("resp", "bool success\nstring message\n");
    }

    @Test
    void parametersWorkBothWays() throws Exception {
        node.params().set("~gains", Map.of("kp", 1.5, "names", List.of("a", "b"), "on", true));
        peer.send(RospyPeer.command("get_param").put("key", "/mantis_java_test/gains"));
        JsonNode value = peer.await(e -> e.path("event").asText().equals("param"), TIMEOUT).get("value");
        assertEquals(1.5, value.get("kp").doubleValue());
        assertEquals("[\"a\",\"b\"]", value.get("names").toString());
        assertTrue(value.get("on").booleanValue());

        peer.run(RospyPeer.command("set_param").put("key", "/peer_param")
                .set("value", RospyPeer.JSON.readTree("{\"x\": 3, \"label\": \"tool\"}")));
        assertEquals(Map.of("x", 3, "label", "tool"), node.params().get("/peer_param"));
        assertEquals(3, node.params().getInt("/peer_param/x", 0));
        assertTrue(node.params().names().contains("/peer_param/x"));
        node.params().delete("/peer_param");
        assertEquals("absent", node.params().get("/peer_param", "absent"));
    }

    @Test
    void rostopicListInfoAndHzSeeTheJavaNode() throws Exception {
        Publisher<String> pub = node.publisher("/mantis_chatter", String.TYPE, false, 1);
        java.lang.String list = run("rostopic", "list");
        assertTrue(list.lines().anyMatch(l -> l.equals("/mantis_chatter")), list);
        java.lang.String info = run("rostopic", "info", "/mantis_chatter");
        assertTrue(info.contains("Type: std_msgs/String"), info);
        assertTrue(info.contains("Publishers: \n * /mantis_java_test (http://localhost:"), info);

        AtomicBoolean running = new AtomicBoolean(true);
        Thread publisher = new Thread(() -> {
            String m = new String();
            m.data = "tick";
            while (running.get()) {
                pub.publish(m);
                LockSupport.parkNanos(20_000_000L);
            }
        });
        publisher.start();
        ProcessBuilder pb = new ProcessBuilder("rostopic", "hz", "/mantis_chatter").redirectErrorStream(true);
        pb.environment().putAll(core.env());
        Process hz = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(hz.getInputStream(), StandardCharsets.UTF_8))) {
            java.lang.String line;
            do {
                line = r.readLine();
                assertNotNull(line, "rostopic hz ended without a rate");
            } while (!line.startsWith("average rate: "));
            double rate = Double.parseDouble(line.substring("average rate: ".length()).trim());
            assertTrue(rate > 10 && rate < 100, "a 50 Hz Java publisher seen by rostopic hz at " + rate + " Hz");
        } finally {
            hz.destroy();
            running.set(false);
            publisher.join();
        }
        pub.close();
    }

    private static java.lang.String run(java.lang.String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(core.env());
        Process p = pb.start();
        java.lang.String out = new java.lang.String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), java.lang.String.join(" ", command) + " hung");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
