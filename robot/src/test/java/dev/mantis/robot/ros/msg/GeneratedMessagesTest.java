package dev.mantis.robot.ros.msg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.ros.RosInstallation;
import dev.mantis.robot.ros.msg.sensor_msgs.JointState;
import dev.mantis.robot.ros.msg.trajectory_msgs.JointTrajectory;
import dev.mantis.robot.ros.msg.trajectory_msgs.JointTrajectoryPoint;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratedMessagesTest {

    /** MD5 sums of ROS Noetic's definitions (the same facts rospy and roscpp check). */
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("std_msgs/String", "992ce8a1687cec8c8bd883ec73ca41d1"),
            Map.entry("std_msgs/Header", "2176decaecbce78abc3b96ef049fabed"),
            Map.entry("sensor_msgs/JointState", "3066dcd76a6cfaef579bd0f34173e9fd"),
            Map.entry("trajectory_msgs/JointTrajectory", "65b4f94a94d1ed67169da35a02f33d3f"),
            Map.entry("trajectory_msgs/JointTrajectoryPoint", "f3cd1e1c4d320c79d6985c904ae5dcd3"),
            Map.entry("geometry_msgs/PoseStamped", "d3812c3cbc69362b77dc0b19b345f8f5"),
            Map.entry("std_msgs/Float64MultiArray", "4b7d974086d4060e7db4613a7e6c3ba4"),
            Map.entry("actionlib_msgs/GoalID", "302881f31927c1df708a2dbab0e80ee8"),
            Map.entry("actionlib_msgs/GoalStatus", "d388f9b87b3c471f784434d671988d4a"),
            Map.entry("actionlib_msgs/GoalStatusArray", "8b2b82f13216d0a8ea88bd3af735e619"),
            Map.entry("control_msgs/JointTrajectoryControllerState", "10817c60c2486ef6b33e97dcd87f4474"));

    private static final Map<String, String> KNOWN_SERVICES = Map.of(
            "std_srvs/SetBool", "09fb03525b03e7ea1fd3992bafd87e16",
            "std_srvs/Trigger", "937c9679a518e3a18d831e57125ea522",
            "std_srvs/Empty", "d41d8cd98f00b204e9800998ecf8427e");

    @Test
    void md5SumsMatchRosNoetic() {
        KNOWN.forEach((type, md5) -> assertEquals(md5, MessageTypes.message(type).md5(), type));
        KNOWN_SERVICES.forEach((type, md5) -> assertEquals(md5, MessageTypes.service(type).md5(), type));
    }

    @Test
    void md5SumsMatchRospyForEveryTypeItKnows() throws Exception {
        RosInstallation.require();
        StringBuilder program = new StringBuilder("import importlib\n");
        for (String type : MessageTypes.messageNames()) {
            String[] parts = type.split("/");
            program.append("try:\n    print('").append(type).append("', getattr(importlib.import_module('")
                    .append(parts[0]).append(".msg'), '").append(parts[1]).append("')._md5sum)\n")
                    .append("except (ImportError, AttributeError):\n    pass\n");
        }
        List<String> lines = RosInstallation.runPython(program.toString());
        Map<String, String> rospy = new HashMap<>();
        for (String line : lines) {
            String[] kv = line.split(" ");
            rospy.put(kv[0], kv[1]);
        }
        assertTrue(rospy.size() >= 25, "rospy knows only " + rospy.keySet());
        rospy.forEach((type, md5) -> assertEquals(md5, MessageTypes.message(type).md5(), type));
    }

    @Test
    void jointStateRoundTripsByteExactly() {
        JointState js = new JointState();
        js.header.seq = 7;
        js.header.stamp = new RosTime(12, 345);
        js.header.frame_id = "base";
        js.name = new String[] {"j1", "ĵ2"};
        js.position = new double[] {0.5, -1.25};
        js.velocity = new double[] {1e-3, 2};
        js.effort = new double[0];
        byte[] bytes = JointState.TYPE.toBytes(js);
        // header 4+8+4+4, names 4+(4+2)+(4+3), three arrays 4+16, 4+16, 4
        assertEquals(20 + 4 + 6 + 7 + 20 + 20 + 4, bytes.length);
        JointState back = JointState.TYPE.fromBytes(bytes);
        assertEquals(7, back.header.seq);
        assertEquals(new RosTime(12, 345), back.header.stamp);
        assertArrayEquals(js.name, back.name);
        assertArrayEquals(js.position, back.position);
        assertArrayEquals(bytes, JointState.TYPE.toBytes(back));
    }

    @Test
    void readingAgainReusesArraysOfTheSameLength() {
        JointTrajectory jt = new JointTrajectory();
        jt.joint_names = new String[] {"a", "b"};
        jt.points = new JointTrajectoryPoint[] {new JointTrajectoryPoint(), new JointTrajectoryPoint()};
        jt.points[1].positions = new double[] {1, 2};
        jt.points[1].time_from_start = RosDuration.ofSeconds(1.5);
        byte[] bytes = JointTrajectory.TYPE.toBytes(jt);
        JointTrajectory into = new JointTrajectory();
        MessageInput in = new MessageInput();
        in.reset(bytes, 0, bytes.length);
        into.read(in);
        JointTrajectoryPoint point = into.points[1];
        double[] positions = point.positions;
        in.reset(bytes, 0, bytes.length);
        into.read(in);
        assertSame(point, into.points[1]);
        assertSame(positions, into.points[1].positions);
        assertEquals(1.5, into.points[1].time_from_start.toSeconds(), 1e-12);
    }

    @Test
    void truncatedAndOversizedInputGiveOneClearError() {
        JointState js = new JointState();
        js.name = new String[] {"joint"};
        byte[] bytes = JointState.TYPE.toBytes(js);
        MessageFormatException truncated = assertThrows(MessageFormatException.class,
                () -> JointState.TYPE.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)));
        assertTrue(truncated.getMessage().startsWith("message truncated"), truncated.getMessage());
        byte[] huge = bytes.clone();
        huge[20] = (byte) 0xff; // name[] length -> 0x...ff: far more than the bytes left
        huge[23] = (byte) 0x7f;
        MessageFormatException length = assertThrows(MessageFormatException.class, () -> JointState.TYPE.fromBytes(huge));
        assertTrue(length.getMessage().startsWith("array length 2130706687 at offset 20"), length.getMessage());
        byte[] extra = Arrays.copyOf(bytes, bytes.length + 3);
        MessageFormatException trailing = assertThrows(MessageFormatException.class, () -> JointState.TYPE.fromBytes(extra));
        assertEquals("3 bytes left over after a whole sensor_msgs/JointState message; the sender's type differs",
                trailing.getMessage());
    }
}
