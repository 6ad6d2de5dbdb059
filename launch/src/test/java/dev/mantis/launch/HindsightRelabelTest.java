package dev.mantis.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.dataset.DatasetReader;
import dev.mantis.robot.dataset.EpisodeFrames;
import dev.mantis.sim.record.TaskRecording;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mantis dataset relabel --hindsight} on recorded push episodes. */
class HindsightRelabelTest {

    @TempDir
    Path dir;

    @Test
    void eachEpisodeBecomesADemonstrationOfWhereItLeftTheBlock() throws Exception {
        Path data = dir.resolve("push");
        var r = RobotInspectCommandTest.run("collect", "--task", "push", "--episodes", "3", "--seed", "5",
                "--policy", "random", "--workers", "1", "--out", data.toString());
        assertEquals(0, r.code(), r.err());
        Path her = dir.resolve("push-her");
        r = RobotInspectCommandTest.run("dataset", "relabel", data.toString(), "--hindsight", "--min-move", "0",
                "--out", her.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("relabelled 3 of 3 episodes"), r.out());
        assertTrue(java.nio.file.Files.isRegularFile(her.resolve("meta/mantis/tasks/push.yaml")), "the task goes along");
        DatasetReader in = DatasetReader.open(data);
        DatasetReader out = DatasetReader.open(her);
        assertEquals(List.of(), out.validate());
        for (int e = 0; e < 3; e++) {
            EpisodeFrames before = in.episode(e);
            EpisodeFrames after = out.episode(e);
            int n = after.length();
            assertTrue(n >= 1 && n <= before.length());
            double[] last = before.get(TaskRecording.ENVIRONMENT_STATE, before.length() - 1);
            double[] cut = before.get(TaskRecording.ENVIRONMENT_STATE, n - 1);
            assertTrue(Math.abs(cut[0] - last[0]) < 0.005 && Math.abs(cut[1] - last[1]) < 0.005,
                    "cut where the block settled");
            float[] reached = {(float) last[0], (float) last[1], (float) last[2]};
            for (int f = 0; f < n; f++) {
                double[] goal = after.get(TaskRecording.GOAL_STATE, f);
                assertArrayEquals(new double[] {reached[0], reached[1], reached[2]}, goal, 0.0, "frame " + f);
                assertEquals(f == n - 1 ? 1.0 : 0.0, after.get(TaskRecording.SUCCESS, f)[0]);
                assertArrayEquals(before.get("action", f), after.get("action", f));
                assertArrayEquals(before.get("observation.state", f), after.get("observation.state", f));
            }
            assertEquals(Boolean.TRUE, after.row().extra(TaskRecording.EPISODE_SUCCESS));
            assertEquals(before.row().extra(TaskRecording.SEED), after.row().extra(TaskRecording.SEED));
        }
        // by default only episodes that moved the block at least the task's minimum goal distance count
        r = RobotInspectCommandTest.run("dataset", "relabel", data.toString(), "--hindsight", "--out",
                dir.resolve("moved").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s)relabelled [0-3] of 3 episodes.*"), r.out());
        r = RobotInspectCommandTest.run("dataset", "relabel", data.toString(), "--hindsight", "--out",
                her.toString());
        assertEquals(2, r.code());
        assertEquals("mantis: --out " + her + ": already exists; give a new directory", r.err().strip());
    }
}
