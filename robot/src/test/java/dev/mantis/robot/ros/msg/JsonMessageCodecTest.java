package dev.mantis.robot.ros.msg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mantis.robot.ros.msg.sensor_msgs.JointState;
import org.junit.jupiter.api.Test;

class JsonMessageCodecTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonMessageCodec codec = JsonMessageCodec.builtIn();

    @Test
    void jsonWritesTheSameBytesAsTheGeneratedClass() throws Exception {
        JointState js = new JointState();
        js.header.seq = 3;
        js.header.stamp = new RosTime(5, 6);
        js.name = new String[] {"a", "b"};
        js.position = new double[] {0.25, -1};
        MessageOutput out = new MessageOutput(16);
        codec.write("sensor_msgs/JointState", mapper.readTree(
                "{\"header\":{\"seq\":3,\"stamp\":{\"secs\":5,\"nsecs\":6}},\"name\":[\"a\",\"b\"],\"position\":[0.25,-1]}"), out);
        byte[] bytes = JointState.TYPE.toBytes(js);
        assertArrayEquals(bytes, out.toByteArray());
        MessageInput in = new MessageInput();
        in.reset(bytes, 0, bytes.length);
        assertEquals("{\"header\":{\"seq\":3,\"stamp\":{\"secs\":5,\"nsecs\":6},\"frame_id\":\"\"},\"name\":[\"a\",\"b\"],"
                + "\"position\":[0.25,-1.0],\"velocity\":[],\"effort\":[]}",
                mapper.writeValueAsString(codec.read("sensor_msgs/JointState", in)));
    }

    @Test
    void badJsonNamesTheField() throws Exception {
        MessageFormatException e = assertThrows(MessageFormatException.class, () -> codec.write("sensor_msgs/JointState",
                mapper.readTree("{\"position\":[1,\"x\"]}"), new MessageOutput(16)));
        assertEquals("JointState.position[1]: expected a number, got \"x\"", e.getMessage());
        MessageFormatException unknown = assertThrows(MessageFormatException.class, () -> codec.write("std_msgs/String",
                mapper.readTree("{\"text\":\"x\"}"), new MessageOutput(16)));
        assertEquals("String: std_msgs/String has no field 'text'; its fields are [data]", unknown.getMessage());
    }

    @Test
    void aCodecFromAConnectionHeaderDefinitionReadsThatType() {
        JsonMessageCodec fromHeader = JsonMessageCodec.of("sensor_msgs/JointState", JointState.TYPE.definition());
        JointState js = new JointState();
        js.effort = new double[] {2};
        byte[] bytes = JointState.TYPE.toBytes(js);
        MessageInput in = new MessageInput();
        in.reset(bytes, 0, bytes.length);
        assertEquals(2.0, fromHeader.read("sensor_msgs/JointState", in).get("effort").get(0).doubleValue());
        assertEquals(JointState.TYPE.md5(), fromHeader.catalog().md5("sensor_msgs/JointState"));
    }
}
