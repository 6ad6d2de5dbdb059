package dev.mantis.launch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.launch.CliRun;
import dev.mantis.robot.dataset.DatasetReader;
import dev.mantis.robot.dataset.EpisodeFrames;
import dev.mantis.robot.ros.OwnRoscore;
import dev.mantis.sim.robot.RobotProfile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mantis collect --autonomous --reset scripted} against {@code mantis sim serve-ros} on a
 * real roscore: between episodes the franka profile's routine takes the arm home while the cell
 * keeps the objects where they are, and a scene the routine cannot put back (a stacked block)
 * makes the run pause after its retries instead of going on.
 */
class ScriptedResetTest {

    @RegisterExtension
    static final OwnRoscore CORE = new OwnRoscore();

    @TempDir
    Path dir;


    private static CliRun collect(String task, int episodes, Path out) {
        return collect(task, episodes, out, "scripted");
    }

    private static CliRun collect(String task, int episodes, Path out, String reset) {
        return CliRun.of("collect", "--robot", "ros:franka", "--autonomous", "--task", task, "--policy", "oracle",
                "--episodes", Integer.toString(episodes), "--seed", "5", "--out", out.toString(), "--reset", reset,
                "--state-timeout", "5", "--master", CORE.get().uri().toString());
    }

    @Test
    void theArmGoesHomeAndTheObjectsStayWhereTheLastEpisodeLeftThem() throws Exception {
        Path out = dir.resolve("push");
        CliRun run;
        try (ServedSimulator sim = ServedSimulator.start(CORE.get(), "--robot", "panda", "--profile", "franka", "--task",
                "push")) {
            run = collect("push", 5, out);
        }
        assertEquals(0, run.code(), run.err());
        DatasetReader reader = DatasetReader.open(out);
        assertEquals(5, reader.episodes().size());
        List<Double> rest = RobotProfile.bundled("panda").orElseThrow().rest();
        for (int e = 1; e < 5; e++) {
            EpisodeFrames before = reader.episode(e - 1);
            EpisodeFrames now = reader.episode(e);
            double[] q = now.get("observation.state", 0);
            for (int j = 0; j < rest.size(); j++) {
                assertEquals(rest.get(j), q[j], 0.02, "episode " + e + " starts with joint " + (j + 1) + " at rest");
            }
            double[] end = before.get("observation.environment_state", before.length() - 1);
            double[] start = now.get("observation.environment_state", 0);
            double moved = Math.hypot(start[0] - end[0], start[1] - end[1]);
            assertTrue(moved < 0.01, "episode " + e + " starts where episode " + (e - 1) + " left the block, not "
                    + moved + " m away");
            assertEquals(1L, reader.episodes().get(e).extra(AutonomousCollection.RESETS));
        }
        for (var row : reader.episodes()) {
            long ticks = (Long) row.extra(AutonomousCollection.RESET_STEPS);
            assertTrue(ticks >= Math.round((1.0 + 0.5 + 3.0) * 20) + ScriptedReset.SETTLE_TICKS,
                    "the franka routine's three moves at 20 Hz, or longer where a joint would go too fast: " + ticks);
        }
        long successes = reader.episodes().stream()
                .filter(r -> (Boolean) r.extra(dev.mantis.sim.record.TaskRecording.EPISODE_SUCCESS)).count();
        assertTrue(successes >= 4, "the oracle pushes from wherever the block is: " + successes + " of 5");
    }

    @Test
    void aResetPolicyActsBeforeEachEpisodeAndIsRefusedForTasksItCannotReset() throws Exception {
        String model = Path.of("../policies/src/test/resources/models/feedforward.onnx").toAbsolutePath().normalize()
                .toString();
        Path out = dir.resolve("policy");
        CliRun run;
        CliRun wrongTask;
        try (ServedSimulator sim = ServedSimulator.start(CORE.get(), "--robot", "panda", "--profile", "franka", "--task",
                "push")) {
            run = collect("push", 2, out, model);
            wrongTask = collect("reach", 1, dir.resolve("reach"), model);
        }
        assertEquals(2, wrongTask.code(), wrongTask.err());
        assertTrue(wrongTask.err().contains("--reset FILE.onnx: task 'reach' has a reach goal; a reset policy takes "
                + "tasks whose goal is one object's resting place (push, place); use --reset scripted or cell"),
                wrongTask.err());
        // the example model is untrained: it acts for the whole horizon unless the block lies at its goal already
        DatasetReader reader = DatasetReader.open(out);
        assertTrue(!reader.episodes().isEmpty(), run.err());
        long acted = 0;
        for (var row : reader.episodes()) {
            long ticks = (Long) row.extra(AutonomousCollection.RESET_STEPS);
            long tries = (Long) row.extra(AutonomousCollection.RESETS);
            assertTrue(ticks <= 200 * tries, "at most the task's horizon per reset: " + ticks);
            acted += ticks;
        }
        assertTrue(acted > 0, "the reset policy acted");
        assertTrue(run.code() == 0 || run.err().contains("autonomous collection paused"), run.err());
    }

    @Test
    void aSceneTheRoutineCannotPutBackPausesTheRun() throws Exception {
        Path out = dir.resolve("stack");
        CliRun run;
        try (ServedSimulator sim = ServedSimulator.start(CORE.get(), "--robot", "panda", "--profile", "franka", "--task",
                "stack_two")) {
            run = collect("stack_two", 3, out);
        }
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("mantis: autonomous collection paused: 3 resets of episode 1 failed (object '"),
                run.err());
        assertTrue(run.err().contains("outside its start region"), run.err());
        assertTrue(run.err().contains("put the scene back in its start region and run again with --resume"),
                run.err());
        assertEquals(1, DatasetReader.open(out).episodes().size(), "the first episode is kept");
    }
}
