package dev.mantis.launch.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.launch.InputException;
import dev.mantis.launch.MantisCommand;
import dev.mantis.launch.task.TaskSource;
import dev.mantis.robot.dataset.DatasetReader;
import dev.mantis.robot.dataset.EpisodeRow;
import dev.mantis.robot.ros.Roscore;
import dev.mantis.sim.record.TaskRecording;
import dev.mantis.sim.task.TaskSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Goal set files ({@code --goals}): what they hold, their one-line errors, and an autonomous run
 * over ROS whose every episode is driven to, recorded with and judged against a goal of the set.
 */
class GoalSetTest {

    private static final String GOALS = """
            # push targets: x y z of the block (m, world frame)
            0.05, 0.10, 0.025
            -0.05 -0.10 0.025

            0.0 0.15 0.025
            """;

    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path f = dir.resolve("goals.txt");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aGoalSetHoldsOneGoalStatePerLine() throws Exception {
        TaskSpec push = TaskSource.task("push");
        GoalSet set = GoalSet.read(write(GOALS), push);
        assertEquals(3, set.goals().size());
        assertArrayEquals(new double[] {-0.05, -0.10, 0.025}, set.goals().get(1));
        Set<List<Double>> picked = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            double[] g = set.pick(seed);
            assertArrayEquals(g, set.pick(seed), "the same seed picks the same goal");
            picked.add(List.of(g[0], g[1], g[2]));
        }
        assertEquals(3, picked.size(), "every goal is picked");
    }

    @Test
    void mistakesNameTheFileAndLine() throws Exception {
        TaskSpec push = TaskSource.task("push");
        Path f = write("0.1 0.2 0.025\n0.1 0.2\n");
        InputException e = assertThrows(InputException.class, () -> GoalSet.read(f, push));
        assertEquals(f + ":2: 2 values; a goal of task 'push' has 3 (target points, x y z each, metres); give one "
                + "goal per line", e.getMessage());
        Path g = write("0.1 nan 0.025\n");
        e = assertThrows(InputException.class, () -> GoalSet.read(g, push));
        assertEquals(g + ":1: 'nan' is not a finite number", e.getMessage());
        Path h = write("# nothing\n\n");
        e = assertThrows(InputException.class, () -> GoalSet.read(h, push));
        assertEquals(h + ": holds no goal; give one goal state per line", e.getMessage());
    }

    @Test
    void everyEpisodeOfAnAutonomousRunTakesAGoalOfTheSet() throws Exception {
        Path goals = write(GOALS);
        Path out = dir.resolve("auto");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code;
        try (Roscore core = Roscore.start();
                ServedSimulator sim = ServedSimulator.start(core, "--robot", "panda", "--profile", "franka", "--task",
                        "push")) {
            code = MantisCommand.run(new String[] {"collect", "--robot", "ros:franka", "--autonomous", "--task",
                "push", "--policy", "oracle", "--episodes", "6", "--seed", "2", "--out", out.toString(), "--goals",
                goals.toString(), "--state-timeout", "5", "--master", core.uri().toString()},
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(stderr, true, StandardCharsets.UTF_8));
        }
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err);
        assertTrue(java.util.regex.Pattern.compile("6/6 episodes, .*, last 6: \\d+% ok, 6 resets, \\d+ safety events")
                .matcher(err).find(), "the terminal shows the recent success rate, resets and safety events: " + err);
        GoalSet set = GoalSet.read(goals, TaskSource.task("push"));
        DatasetReader reader = DatasetReader.open(out);
        int successes = 0;
        for (EpisodeRow row : reader.episodes()) {
            double[] goal = reader.episode((int) row.episodeIndex()).get("observation.goal.state", 0);
            assertTrue(set.goals().stream().anyMatch(g -> near(g, goal)),
                    "episode " + row.episodeIndex() + " has goal " + java.util.Arrays.toString(goal));
            double[] end = reader.episode((int) row.episodeIndex()).get("observation.environment_state",
                    (int) row.length() - 1);
            double[] start = reader.episode((int) row.episodeIndex()).get("observation.environment_state", 0);
            assertTrue(Math.hypot(end[0] - goal[0], end[1] - goal[1]) < Math.hypot(start[0] - goal[0],
                    start[1] - goal[1]) - 0.02, "episode " + row.episodeIndex() + " pushed the block toward the set's goal");
            if ((Boolean) row.extra(TaskRecording.EPISODE_SUCCESS)) {
                successes++;
                assertTrue(Math.hypot(end[0] - goal[0], end[1] - goal[1]) < 0.05, "success judged at the set's goal");
            }
        }
        assertTrue(successes >= 5, successes + " of 6 pushed to the set's goals");
    }

    /** Whether the recorded goal (float32) is {@code goal}. */
    private static boolean near(double[] goal, double[] recorded) {
        for (int i = 0; i < goal.length; i++) {
            if (Math.abs(goal[i] - recorded[i]) > 1e-6) {
                return false;
            }
        }
        return goal.length == recorded.length;
    }
}
