package dev.mantis.launch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.launch.CliRun;
import dev.mantis.launch.Main;
import dev.mantis.robot.dataset.DatasetReader;
import dev.mantis.robot.ros.RosInstallation;
import dev.mantis.sim.record.TaskRecording;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mantis collect --robot sim:ID --autonomous}: the simulator served over ROS in the same
 * process, on a private roscore the run starts and stops itself.
 */
class SimCellTest {

    @TempDir
    Path dir;

    private static CliRun collect(String... args) {
        return CliRun.of(args);
    }

    @Test
    void anAutonomousRunInSimulationServesItsOwnCell() throws Exception {
        RosInstallation.require();
        Path out = dir.resolve("auto");
        CliRun run = collect("collect", "--robot", "sim:panda", "--autonomous", "--task", "push", "--policy", "oracle",
                "--episodes", "4", "--seed", "1", "--reset", "scripted", "--out", out.toString(), "--state-timeout", "5");
        assertEquals(0, run.code(), run.err());
        DatasetReader reader = DatasetReader.open(out);
        assertEquals(4, reader.episodes().size());
        long successes = reader.episodes().stream()
                .filter(r -> (Boolean) r.extra(TaskRecording.EPISODE_SUCCESS)).count();
        assertTrue(successes >= 3, successes + " of 4");
        assertTrue(reader.episodes().stream().allMatch(r -> (Long) r.extra(AutonomousCollection.RESET_STEPS) > 0),
                "the franka profile's routine ran before each episode");
    }

    @Test
    void stoppingTheRunStopsItsPrivateRoscore() throws Exception {
        RosInstallation.require();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "collect", "--robot", "sim:panda",
                "--autonomous", "--task", "reach", "--policy", "oracle", "--episodes", "1000", "--out",
                dir.resolve("long").toString(), "--state-timeout", "5"));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        InputStream err = p.getErrorStream();
        StringBuilder text = new StringBuilder();
        for (int b = err.read(); b >= 0 && !text.toString().contains(" episodes, "); b = err.read()) {
            text.append((char) b);
        }
        List<ProcessHandle> roscore = p.descendants().toList();
        assertTrue(roscore.size() >= 3, "roscore, rosmaster and rosout run under the collection: " + roscore + text);
        new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
        err.transferTo(OutputStream.nullOutputStream());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the collection stops");
        for (ProcessHandle h : roscore) {
            h.onExit().get(10, TimeUnit.SECONDS);
            assertTrue(!h.isAlive(), "left running: " + h.info().commandLine().orElse(Long.toString(h.pid())));
        }
    }

    @Test
    void aRobotWithoutAProfileOrAnotherTasksRobotIsRefused() {
        CliRun run = collect("collect", "--robot", "sim:ur5e", "--autonomous", "--task", "push", "--episodes", "1",
                "--out", dir.resolve("x").toString());
        assertEquals(2, run.code());
        assertEquals("mantis: --robot sim:ur5e: task 'push' is for robot 'panda'", run.err().strip());
    }
}
