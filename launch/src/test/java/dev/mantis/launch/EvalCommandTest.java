package dev.mantis.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mantis eval} and {@code mantis tasks} as a user runs them. */
class EvalCommandTest {

    @Test
    void jsonSummaryHasOneRowPerTaskAndDoesNotDependOnWorkers() throws Exception {
        var one = RobotInspectCommandTest.run("eval", "--suite", "core", "--episodes", "3", "--seed", "3",
                "--workers", "1", "--json");
        var two = RobotInspectCommandTest.run("eval", "--suite", "core", "--episodes", "3", "--seed", "3",
                "--workers", "2", "--json");
        assertEquals(0, one.code(), one.err());
        JsonNode a = new ObjectMapper().readTree(one.out());
        JsonNode b = new ObjectMapper().readTree(two.out());
        int tasks = dev.mantis.assets.BundledTasks.suite("core").orElseThrow().size();
        assertEquals(tasks, a.get("tasks").size(), "one row per core task");
        for (int t = 0; t < tasks; t++) {
            JsonNode row = a.get("tasks").get(t);
            assertEquals(3, row.get("episodes").asInt());
            double rate = row.get("success_rate").asDouble();
            assertTrue(row.get("ci95").get(0).asDouble() <= rate && rate <= row.get("ci95").get(1).asDouble());
            for (String key : new String[] {"id", "successes", "success_rate", "ci95", "mean_steps", "mean_reward",
                "failures"}) {
                assertEquals(row.get(key), b.get("tasks").get(t).get(key), key + " differs between 1 and 2 workers");
            }
        }
        assertTrue(a.get("episodes_per_s").asDouble() > 0);
    }

    @Test
    void badTaskFileIsOneLineWithFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "id: bad\nrobot: panda\nhorizon: 50\ngoal:\n  type: reach\n  x: [0.2, 0.1]\n"
                + "  y: 0\n  z: 0.1\n  tolerance: 0.01\n");
        var r = RobotInspectCommandTest.run("eval", "--task", file.toString(), "--episodes", "1");
        assertEquals(2, r.code());
        assertEquals("mantis: " + file + ":6: goal.x: range [0.2, 0.1] has min > max; swap them", r.err().strip());
    }

    @Test
    void tasksListNamesTheCoreTasks() {
        var r = RobotInspectCommandTest.run("tasks", "list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("pick_place") && r.out().contains("reach"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("reach ") && l.contains(" 100/100 ")), r.out());
        for (String id : dev.mantis.assets.BundledTasks.suite("core").orElseThrow()) {
            assertTrue(dev.mantis.assets.BundledTasks.oracleSuccess(id).isPresent(), id + " has no measured oracle");
        }
        var hanoi = RobotInspectCommandTest.run("tasks", "show", "hanoi");
        assertTrue(hanoi.out().contains("goal: move the tower [large, medium, small] on pads")
                && hanoi.out().contains("fixture pads: 3 parts"), hanoi.out());
        var drawer = RobotInspectCommandTest.run("tasks", "show", "open_drawer");
        assertTrue(drawer.out().contains("goal: drive joint drawer of drawer from [0.000, 0.000] into [0.150, 0.200]")
                && drawer.out().contains("articulated drawer: drawer (1 movable joints)"), drawer.out());
        var unknown = RobotInspectCommandTest.run("eval", "--task", "juggle");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("mantis: no task file or bundled task 'juggle'"), unknown.err());
    }
}
