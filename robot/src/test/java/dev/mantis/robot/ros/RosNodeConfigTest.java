package dev.mantis.robot.ros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RosNodeConfigTest {

    @Test
    void environmentAndRemappingArgumentsConfigureTheNode() {
        RosNodeConfig c = RosNodeConfig.from("bridge",
                List.of("__name:=arm", "__ns:=/robot1", "joint_states:=/franka/joint_states", "~cmd:=command", "_rate:=10",
                        "unrelated"),
                Map.of("ROS_MASTER_URI", "http://robot-pc:11311/", "ROS_IP", "10.0.0.5"));
        assertEquals("/robot1/arm", c.nodeName());
        assertEquals("/robot1", c.names().namespace());
        assertEquals(URI.create("http://robot-pc:11311/"), c.masterUri());
        assertEquals("10.0.0.5", c.host());
        RosNames n = c.names();
        assertEquals("/franka/joint_states", n.resolve("joint_states"));
        assertEquals("/robot1/command", n.resolve("~cmd"));
        assertEquals("/robot1/arm/rate", n.resolve("~rate"));
        assertEquals("/clock", n.resolve("/clock"));
        assertEquals("/robot1/a/b", n.resolve("a/b/"));
    }

    @Test
    void rosHostnameWinsOverRosIpAndArgumentsOverBoth() {
        Map<String, String> env = Map.of("ROS_HOSTNAME", "arm-pc", "ROS_IP", "10.0.0.5", "ROS_NAMESPACE", "lab");
        assertEquals("arm-pc", RosNodeConfig.from("n", List.of(), env).host());
        assertEquals("/lab/n", RosNodeConfig.from("n", List.of(), env).nodeName());
        assertEquals("192.168.1.2", RosNodeConfig.from("n", List.of("__ip:=192.168.1.2"), env).host());
        assertEquals(URI.create("http://other:11312/"),
                RosNodeConfig.from("n", List.of("__master:=http://other:11312/"), env).masterUri());
        assertEquals(URI.create(RosNodeConfig.DEFAULT_MASTER), RosNodeConfig.from("n", List.of(), env).masterUri());
    }

    @Test
    void badNamesAndMasterUrisAreRefusedWithTheReason() {
        IllegalArgumentException master = assertThrows(IllegalArgumentException.class,
                () -> RosNodeConfig.from("n", List.of(), Map.of("ROS_MASTER_URI", "localhost:11311")));
        assertEquals("ROS master URI 'localhost:11311' is not like http://HOST:11311/ (not http://HOST:PORT/)",
                master.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> RosNodeConfig.from("n", List.of("__name:=a/b"), Map.of()));
        assertEquals("node name 'a/b' must be a base name without / or ~", name.getMessage());
        IllegalArgumentException topic = assertThrows(IllegalArgumentException.class,
                () -> RosNodeConfig.from("n", List.of(), Map.of()).names().resolve("9lives"));
        assertEquals("'9lives' is not a valid ROS graph name (letters, digits, _ and /, each part starting with a letter;"
                + " ~ for private names)", topic.getMessage());
    }
}
