package dev.mantis.robot.ros;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.mantis.robot.ros.msg.std_msgs.Float64MultiArray;
import dev.mantis.robot.ros.msg.std_msgs.MultiArrayDimension;
import dev.mantis.robot.ros.msg.std_msgs.String;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mantis's client against a roscpp node built here with g++ (src/test/resources/ros/roscpp_echo.cpp):
 * Java publishes, roscpp receives and republishes, Java receives the same bytes.
 */
class RoscppInteropTest {

    private static Roscore core;
    private static Process echo;
    private static RosNode node;

    @BeforeAll
    static void start() throws Exception {
        RosInstallation.requireRoscpp();
        core = Roscore.shared();
        Path binary = build();
        ProcessBuilder pb = new ProcessBuilder(binary.toString(), "__name:=roscpp_echo")
                .redirectErrorStream(true).redirectOutput(Files.createTempFile("roscpp_echo", ".log").toFile());
        pb.environment().putAll(core.env());
        echo = pb.start();
        node = RosNode.start(core.nodeConfig("mantis_roscpp_test"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (echo != null) {
            echo.destroy();
            echo.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Compiles the peer into target/ once (again when the source is newer). */
    private static Path build() throws IOException, InterruptedException {
        Path dir = Path.of("target", "roscpp");
        Files.createDirectories(dir);
        Path source = dir.resolve("roscpp_echo.cpp");
        Path binary = dir.resolve("roscpp_echo");
        try (InputStream in = RoscppInteropTest.class.getResourceAsStream("/ros/roscpp_echo.cpp")) {
            byte[] bytes = in.readAllBytes();
            if (Files.exists(binary) && Files.exists(source) && java.util.Arrays.equals(bytes, Files.readAllBytes(source))) {
                return binary.toAbsolutePath();
            }
            Files.write(source, bytes);
        }
        Process flags = new ProcessBuilder("pkg-config", "--cflags", "--libs", "roscpp").start();
        java.lang.String pkg = new java.lang.String(flags.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        flags.waitFor();
        java.util.List<java.lang.String> command = new java.util.ArrayList<>(java.util.List.of("g++", "-O1", "-std=c++17",
                "-o", binary + ".tmp", source.toString()));
        command.addAll(java.util.List.of(pkg.split("\\s+")));
        Process gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        java.lang.String out = new java.lang.String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!gcc.waitFor(300, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
            throw new IllegalStateException("g++ could not build the roscpp peer: " + out);
        }
        Files.move(Path.of(binary + ".tmp"), binary, StandardCopyOption.REPLACE_EXISTING);
        return binary.toAbsolutePath();
    }

    @Test
    void stringsRoundTripThroughRoscpp() throws Exception {
        BlockingQueue<String> back = new LinkedBlockingQueue<>();
        node.subscribe("/roscpp_echo/out_string", String.TYPE, back::add, 10);
        Publisher<String> pub = node.publisher("/roscpp_echo/in_string", String.TYPE, true, 10);
        String m = new String();
        m.data = "through roscpp \u00e9";
        pub.publish(m);
        String got = back.poll(20, TimeUnit.SECONDS);
        assertNotNull(got, "nothing came back from roscpp");
        assertEquals(m.data, got.data);
    }

    @Test
    void arraysRoundTripThroughRoscppByteExactly() throws Exception {
        BlockingQueue<Float64MultiArray> back = new LinkedBlockingQueue<>();
        node.subscribe("/roscpp_echo/out_array", Float64MultiArray.TYPE, back::add, 10);
        Publisher<Float64MultiArray> pub = node.publisher("/roscpp_echo/in_array", Float64MultiArray.TYPE, true, 10);
        Float64MultiArray m = new Float64MultiArray();
        m.layout.dim = new MultiArrayDimension[] {new MultiArrayDimension()};
        m.layout.dim[0].label = "joints";
        m.layout.dim[0].size = 6;
        m.layout.dim[0].stride = 6;
        m.layout.data_offset = 0;
        m.data = new double[] {0.1, -0.2, 0.3, -1e-12, 1e12, Math.E};
        pub.publish(m);
        Float64MultiArray got = back.poll(20, TimeUnit.SECONDS);
        assertNotNull(got, "nothing came back from roscpp");
        assertArrayEquals(Float64MultiArray.TYPE.toBytes(m), Float64MultiArray.TYPE.toBytes(got));
    }
}
