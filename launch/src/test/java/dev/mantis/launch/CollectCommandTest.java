package dev.mantis.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mantis.robot.dataset.DatasetReader;
import dev.mantis.sim.record.Collection;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mantis collect}, {@code replay} and {@code dataset info} as a user runs them, kills and resumes them. */
class CollectCommandTest {

    private static final String[] RUN = {"collect", "--task", "reach", "--episodes", "16", "--seed", "5"};

    @Test
    void killedFiveTimesThenResumedEqualsACleanRunByteForByte(@TempDir Path dir) throws Exception {
        Path clean = dir.resolve("clean");
        var r = RobotInspectCommandTest.run(args("--out", clean.toString(), "--workers", "1"));
        assertEquals(0, r.code(), r.err());
        Path crashed = dir.resolve("crashed");
        SplittableRandom rng = new SplittableRandom(42);
        int kills = 0;
        for (int attempt = 0; attempt < 12 && kills < 5; attempt++) {
            int before = Files.exists(crashed.resolve("meta/info.json"))
                    ? DatasetReader.open(crashed).episodes().size() : 0;
            int killAfter = rng.nextInt(1, 5); // progress updates to see before SIGKILL
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            cmd.addAll(List.of(args("--out", crashed.toString(), "--workers", "2")));
            if (attempt > 0) {
                cmd.add("--resume");
            }
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean killed = waitForProgress(p.getErrorStream(), killAfter);
            if (killed) {
                p.destroyForcibly(); // SIGKILL
                kills++;
            }
            p.waitFor();
            if (Files.exists(crashed.resolve("meta/info.json"))) {
                DatasetReader reader = DatasetReader.open(crashed);
                assertEquals(List.of(), reader.validate(), "after kill " + kills);
                assertTrue(reader.episodes().size() >= before, "a resumed run never loses committed episodes");
            }
        }
        assertEquals(5, kills, "the child was killed five times");
        var done = RobotInspectCommandTest.run(args("--out", crashed.toString(), "--workers", "2", "--resume"));
        assertEquals(0, done.code(), done.err());
        List<Path> files;
        try (var walk = Files.walk(clean)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(crashed.resolve(clean.relativize(f))),
                    clean.relativize(f) + " differs from the clean run's");
        }
        try (var walk = Files.walk(crashed)) {
            assertEquals(files.size(), walk.filter(Files::isRegularFile).count(), "no stray files");
        }
    }

    /**
     * Reads the child's progress bar (one "\r[...] K/N episodes, ..." per episode) until it has
     * shown {@code updates} episodes; false if the child ended first.
     */
    static boolean waitForProgress(InputStream err, int updates) throws Exception {
        Pattern count = Pattern.compile("\\] (\\d+)/\\d+ episodes");
        StringBuilder line = new StringBuilder();
        for (int c = err.read(); c >= 0; c = err.read()) {
            if (c == '\r' || c == '\n') {
                Matcher m = count.matcher(line);
                if (m.find() && Integer.parseInt(m.group(1)) >= updates) {
                    return true;
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        return false;
    }

    @Test
    void infoReplayAndErrors(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ds");
        var r = RobotInspectCommandTest.run(args("--out", out.toString(), "--workers", "2"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("recorded 16"), r.out());
        var info = RobotInspectCommandTest.run("dataset", "info", out.toString(), "--json");
        assertEquals(0, info.code(), info.err());
        JsonNode json = new ObjectMapper().readTree(info.out());
        assertEquals(16, json.get("episodes").asInt());
        assertTrue(json.get("frames").asLong() > 16);
        assertEquals(1, json.get("tasks").size());
        assertTrue(json.get("success_rate").asDouble() >= 0.9, info.out());
        for (String f : List.of("observation.state", "observation.environment_state", "observation.goal.state",
                "action", "next.reward", "next.done", "next.success", "index", "safety.clamped", "safety.event")) {
            assertTrue(json.get("features").has(f), f);
        }
        assertTrue(r.out().contains("safety (default): no clamps or stops"), r.out());
        var replay = RobotInspectCommandTest.run("replay", out.toString(), "--verify");
        assertEquals(0, replay.code(), replay.out() + replay.err());
        assertTrue(replay.out().contains("16 of 16 episodes replayed exactly"), replay.out());
        assertNumpyReadsTheExport(out, dir.resolve("reach.npz"), json.get("frames").asLong());

        var again = RobotInspectCommandTest.run(args("--out", out.toString()));
        assertEquals(2, again.code());
        assertEquals("mantis: " + out + ": already holds files; continue it with --resume or choose another output "
                + "directory\n", again.err());
        var otherSeed = RobotInspectCommandTest.run("collect", "--task", "reach", "--episodes", "16", "--seed", "6",
                "--out", out.toString(), "--resume");
        assertEquals(2, otherSeed.code());
        assertTrue(otherSeed.err().startsWith("mantis: " + out + ": was collected with "), otherSeed.err());
        assertEquals(1, otherSeed.err().lines().count(), otherSeed.err());
        var missing = RobotInspectCommandTest.run("dataset", "info", dir.resolve("nothing").toString());
        assertEquals(2, missing.code());
        assertEquals("mantis: " + dir.resolve("nothing/meta/info.json") + ": not found; is " + dir.resolve("nothing")
                + " a LeRobot v3.0 dataset directory?\n", missing.err());
    }

    @Test
    void safetyOffRecordsNoSafetyColumnsAndABadSafetyFileIsOneLine(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("off");
        var r = RobotInspectCommandTest.run("collect", "--task", "reach", "--episodes", "2", "--seed", "5", "--out",
                out.toString(), "--workers", "1", "--safety", "off");
        assertEquals(0, r.code(), r.err());
        assertTrue(!r.out().contains("safety"), r.out());
        DatasetReader reader = DatasetReader.open(out);
        assertTrue(!reader.episode(0).has("safety.event"));
        assertEquals(null, reader.episodes().get(0).extra("mantis/safety_events"));

        Path good = dir.resolve("panda-safety.yaml");
        Files.writeString(good, "robot: panda\nrate:\n  max_hz: 100\n");
        Path withFile = dir.resolve("file");
        var filed = RobotInspectCommandTest.run("collect", "--task", "reach", "--episodes", "1", "--out",
                withFile.toString(), "--workers", "1", "--safety", good.toString());
        assertEquals(0, filed.code(), filed.err());
        assertEquals(Files.readString(good), Files.readString(withFile.resolve("meta/mantis/safety.yaml")));
        assertEquals(good.toString(), new ObjectMapper().readTree(withFile.resolve("meta/mantis/run.json").toFile())
                .get("safety").asText());
        var otherSafety = RobotInspectCommandTest.run("collect", "--task", "reach", "--episodes", "1", "--out",
                withFile.toString(), "--resume");
        assertEquals(2, otherSafety.code());
        assertTrue(otherSafety.err().endsWith("--only-success and --safety\n"), otherSafety.err());

        Path bad = dir.resolve("safety.yaml");
        Files.writeString(bad, "robot: panda\nwatchdog:\n  step_timeout: 0\n");
        var refused = RobotInspectCommandTest.run("collect", "--task", "reach", "--episodes", "2", "--out",
                dir.resolve("bad").toString(), "--safety", bad.toString());
        assertEquals(2, refused.code());
        assertEquals("mantis: " + bad + ":3: watchdog.step_timeout: 0.0 must be greater than 0 (seconds)\n",
                refused.err());
        var missing = RobotInspectCommandTest.run("eval", "--task", "reach", "--episodes", "1", "--safety",
                dir.resolve("none.yaml").toString());
        assertEquals(2, missing.code());
        assertEquals("mantis: --safety " + dir.resolve("none.yaml") + ": no such file; give a safety YAML file, "
                + "default or off\n", missing.err());
        Path wide = dir.resolve("wide.yaml");
        Files.writeString(wide, "joints:\n  position_margin: 2\n");
        var tooWide = RobotInspectCommandTest.run("eval", "--task", "reach", "--episodes", "1", "--safety",
                wide.toString());
        assertEquals(2, tooWide.code());
        assertTrue(tooWide.err().startsWith("mantis: --safety " + wide + ": joint 'panda_joint"), tooWide.err());
        assertEquals(1, tooWide.err().lines().count(), tooWide.err());
    }

    @Test
    void everyEpisodeOfACoreSuiteCollectionReplaysExactly(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("core");
        int tasks = dev.mantis.assets.BundledTasks.suite("core").orElseThrow().size();
        int perTask = (100 + tasks - 1) / tasks;
        var r = RobotInspectCommandTest.run("collect", "--suite", "core", "--episodes", Integer.toString(perTask),
                "--seed", "1", "--out", out.toString(), "--workers", "2");
        assertEquals(0, r.code(), r.err());
        int episodes = DatasetReader.open(out).episodes().size();
        assertTrue(episodes >= 100, episodes + " episodes");
        var replay = RobotInspectCommandTest.run("replay", out.toString(), "--verify");
        assertEquals(0, replay.code(), replay.out());
        assertTrue(replay.out().endsWith(episodes + " of " + episodes + " episodes replayed exactly\n"), replay.out());
        // the drawer's joint is observed: it opens by at least 15 cm over a successful open_drawer episode
        DatasetReader reader = DatasetReader.open(out);
        boolean seen = false;
        for (var row : reader.episodes()) {
            if (row.extra("mantis/task_id").equals("open_drawer") && Boolean.TRUE.equals(row.extra("mantis/success"))) {
                var frames = reader.episode((int) row.episodeIndex());
                double first = frames.get("observation.environment_joints", 0)[0];
                double last = frames.get("observation.environment_joints", frames.length() - 1)[0];
                assertTrue(last - first >= 0.14, "drawer moved " + (last - first));
                seen = true;
            }
        }
        assertTrue(seen, "the core suite has a successful open_drawer episode");
    }

    @Test
    void onlySuccessKeepsTheSuccessfulEpisodesOfATaskFile(@TempDir Path dir) throws Exception {
        // reach with too short a horizon: some episodes time out
        Path task = dir.resolve("hurried_reach.yaml");
        Files.writeString(task, dev.mantis.assets.BundledTasks.yaml("reach").orElseThrow()
                .replaceFirst("id: reach", "id: hurried_reach").replaceFirst("horizon: *\\d+", "horizon: 22"));
        Path out = dir.resolve("ds");
        var r = RobotInspectCommandTest.run("collect", "--task", task.toString(), "--episodes", "12", "--out",
                out.toString(), "--only-success");
        assertEquals(0, r.code(), r.err());
        var all = RobotInspectCommandTest.run("eval", "--task", task.toString(), "--episodes", "12", "--json");
        int successes = new ObjectMapper().readTree(all.out()).get("tasks").get(0).get("successes").asInt();
        assertTrue(successes > 0 && successes < 12, "some but not all succeed: " + successes);
        DatasetReader reader = DatasetReader.open(out);
        assertEquals(successes, reader.episodes().size());
        assertTrue(reader.episodes().stream().allMatch(e -> Boolean.TRUE.equals(e.extra("mantis/success"))));
        var replay = RobotInspectCommandTest.run("replay", out.toString(), "--verify");
        assertEquals(0, replay.code(), replay.out());
    }

    /** numpy (the real one, as training scripts use it) loads the NPZ export with the right shapes and values. */
    private static void assertNumpyReadsTheExport(Path dataset, Path npz, long frames) throws Exception {
        var r = RobotInspectCommandTest.run("dataset", "export", dataset.toString(), "--format", "npz", "--out",
                npz.toString());
        assertEquals(0, r.code(), r.err());
        String script = "import json, sys, numpy as np\n"
                + "d = np.load(sys.argv[1])\n"
                + "info = json.loads(bytes(d['_info_json']).decode())\n"
                + "print(json.dumps({'state': list(d['observation.state'].shape), 'dtype': str(d['action'].dtype),"
                + " 'index': [int(d['index'][0]), int(d['index'][-1]), str(d['index'].dtype)],"
                + " 'first': float(d['observation.goal.state'][0][0]), 'fps': info['fps']}))\n";
        Process p;
        try {
            p = new ProcessBuilder(dev.mantis.launch.policy.Python.executable(), "-c", script, npz.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("CI") == null, "python3 is missing in CI");
            org.junit.jupiter.api.Assumptions.abort("python3 is not installed; run scripts/install-deps.sh");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0 && out.contains("No module named 'numpy'") && System.getenv("CI") == null) {
            org.junit.jupiter.api.Assumptions.abort("numpy is not installed; run scripts/install-deps.sh");
        }
        assertEquals(0, code, out);
        JsonNode j = new ObjectMapper().readTree(out);
        assertEquals(frames, j.get("state").get(0).asLong());
        assertEquals(8, j.get("state").get(1).asInt());
        assertEquals("float32", j.get("dtype").asText());
        assertEquals(0, j.get("index").get(0).asLong());
        assertEquals(frames - 1, j.get("index").get(1).asLong());
        assertEquals("int64", j.get("index").get(2).asText());
        double goal = DatasetReader.open(dataset).episode(0).get("observation.goal.state", 0)[0];
        assertEquals(goal, j.get("first").asDouble(), 0);
        assertEquals(20, j.get("fps").asInt());
    }

    @Test
    void oneAndTwoWorkersWriteTheSameBytesAcrossTasksAndPastTheWindow(@TempDir Path dir) throws Exception {
        int episodes = Collection.WINDOW_PER_WORKER + 9; // one worker's window wraps around
        for (String workers : List.of("1", "2")) {
            var r = CliRun.of("collect", "--suite", "core", "--episodes", "1", "--seed", "3", "--out",
                    dir.resolve("core" + workers).toString(), "--workers", workers);
            assertEquals(0, r.code(), r.err());
        }
        for (String workers : List.of("1", "2")) {
            var r = CliRun.of("collect", "--task", "reach", "--episodes", Integer.toString(episodes), "--seed", "3",
                    "--out", dir.resolve("reach" + workers).toString(), "--workers", workers);
            assertEquals(0, r.code(), r.err());
        }
        assertEquals(episodes, DatasetReader.open(dir.resolve("reach1")).episodes().size());
        for (String name : List.of("core", "reach")) {
            List<Path> files;
            try (var walk = Files.walk(dir.resolve(name + "1"))) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                Path other = dir.resolve(name + "2").resolve(dir.resolve(name + "1").relativize(f));
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other), name + ": " + f.getFileName());
            }
        }
    }

    private static String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of(RUN));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
