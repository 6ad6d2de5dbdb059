package dev.mantis.launch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mantis.launch.MantisCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bad input to {@code mantis deploy} and {@code mantis sim serve-ros}: one line, exit code 2, before any ROS. */
class DeployCommandTest {

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MantisCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), err.toString(StandardCharsets.UTF_8).strip()};
    }

    @Test
    void badRobotsProfilesAndTasksAreOneLine() {
        assertEquals("2", run("deploy", "--robot", "panda", "--task", "reach")[0]);
        assertEquals("mantis: --robot panda: deploy drives robots over ROS; give ros:PROFILE, e.g. ros:franka "
                + "(simulated episodes run with mantis eval/collect)", run("deploy", "--robot", "panda", "--task",
                "reach")[1]);
        assertEquals("mantis: no robot profile 'kuka'; bundled profiles: franka, ur5e, xarm7, allegro, leap, "
                + "ur5e_allegro; or give a profile YAML file", run("deploy", "--robot", "ros:kuka", "--task", "reach")[1]);
        assertEquals("mantis: --task hand_lift: the task is for robot 'ur5e_allegro'; profile 'franka' drives 'panda'",
                run("deploy", "--robot", "ros:franka", "--task", "hand_lift")[1]);
        assertEquals("mantis: profile 'xarm7' drives a robot Mantis does not bundle; give its URDF with --urdf FILE",
                run("deploy", "--robot", "ros:xarm7", "--task", "reach")[1]);
        assertEquals("mantis: --robot ur5e: profile 'franka' drives 'panda'; give --robot panda or another profile",
                run("sim", "serve-ros", "--robot", "ur5e", "--profile", "franka")[1]);
    }
}
