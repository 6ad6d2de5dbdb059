package dev.mantis.launch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.launch.Main;
import dev.mantis.launch.MantisCommand;
import dev.mantis.robot.dataset.DatasetReader;
import dev.mantis.robot.dataset.EpisodeRow;
import dev.mantis.robot.ros.OwnRoscore;
import dev.mantis.sim.record.TaskRecording;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mantis collect --robot ros:franka --autonomous} against {@code mantis sim serve-ros} on a
 * real roscore: interrupted runs resume without losing or repeating an episode, and a robot that
 * dies mid-run is waited for.
 */
class AutonomousCollectionTest {

    /** Enough that a signal sent after two episodes comes before the end (an episode takes ~0.1 s). */
    private static final int EPISODES = 60;

    @RegisterExtension
    static final OwnRoscore CORE = new OwnRoscore();

    @TempDir
    Path dir;


    private static List<String> args(Path out, int episodes) {
        return new ArrayList<>(List.of("collect", "--robot", "ros:franka", "--autonomous", "--task", "reach",
                "--policy", "oracle", "--episodes", Integer.toString(episodes), "--seed", "3", "--out", out.toString(),
                "--state-timeout", "5", "--master", CORE.get().uri().toString()));
    }

    /** Runs collect in this JVM; {@code errSink} sees its stderr as it comes. */
    private static int collect(List<String> args, OutputStream errSink, ByteArrayOutputStream err) {
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                err.write(b);
                errSink.write(b);
            }
        };
        return MantisCommand.run(args.toArray(new String[0]), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(both, true, StandardCharsets.UTF_8));
    }

    /** The run positions recorded, in order; asserts none repeats. */
    private static List<Long> runEpisodes(Path out) throws IOException {
        DatasetReader reader = DatasetReader.open(out);
        assertEquals(List.of(), reader.validate());
        List<Long> runs = reader.episodes().stream().map(r -> (Long) r.extra(TaskRecording.RUN_EPISODE)).toList();
        assertEquals(runs.size(), Set.copyOf(runs).size(), "no episode recorded twice: " + runs);
        for (int i = 1; i < runs.size(); i++) {
            assertTrue(runs.get(i) > runs.get(i - 1), runs.toString());
        }
        return runs;
    }

    /** Waits until {@code process} printed {@code n} progress updates ("k/N episodes") on stderr. */
    private static void awaitProgress(Process process, Path stdout, int n) throws IOException, InterruptedException {
        InputStream err = process.getErrorStream();
        int seen = 0;
        StringBuilder text = new StringBuilder();
        for (int b = err.read(); b >= 0; b = err.read()) {
            text.append((char) b);
            if (text.toString().endsWith(" episodes, ") && ++seen >= n) {
                return;
            }
        }
        process.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("the run ended first (exit " + process.exitValue() + "); stderr:\n" + text
                + "\nstdout:\n" + Files.readString(stdout));
    }

    @Test
    void interruptedRunsResumeWithoutLosingOrRepeatingAnEpisode() throws Exception {
        Path out = dir.resolve("auto");
        try (ServedSimulator sim = ServedSimulator.start(CORE.get(), "--robot", "panda", "--profile", "franka", "--task",
                "reach")) {
            // TERM stands for Ctrl-C: the JVM handles SIGINT and SIGTERM alike, and a child of a background
            // job (as under CI) inherits SIGINT ignored
            for (String signal : List.of("TERM", "KILL")) {
                List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
                cmd.addAll(args(out, EPISODES));
                if (Files.exists(out)) {
                    cmd.add("--resume");
                }
                Path stdout = dir.resolve("collect-" + signal + ".out");
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile());
                pb.environment().putAll(CORE.get().env());
                Process p = pb.start();
                awaitProgress(p, stdout, 2);
                new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
                p.getErrorStream().transferTo(OutputStream.nullOutputStream());
                p.waitFor(30, TimeUnit.SECONDS);
                int kept = runEpisodes(out).size();
                assertTrue(kept >= 2 && kept < EPISODES, signal + ": the committed episodes are kept (" + kept + ")");
            }
            List<String> resume = args(out, EPISODES);
            resume.add("--resume");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, collect(resume, OutputStream.nullOutputStream(), err), err.toString(StandardCharsets.UTF_8));
        }
        List<Long> runs = runEpisodes(out);
        assertEquals(EPISODES, runs.size(), "every episode once: " + runs);
        DatasetReader reader = DatasetReader.open(out);
        for (EpisodeRow row : reader.episodes()) {
            boolean success = (Boolean) row.extra(TaskRecording.EPISODE_SUCCESS);
            assertEquals(success ? 1.0 : 0.0, row.extra(AutonomousCollection.SUCCESS_CONFIDENCE));
            assertEquals(1L, row.extra(AutonomousCollection.RESETS), "the first reset was accepted");
        }
        assertTrue(reader.episodes().stream().filter(r -> (Boolean) r.extra(TaskRecording.EPISODE_SUCCESS)).count()
                >= EPISODES - 2, "the oracle reaches");
        String plot = Files.readString(dir.resolve("auto.progress.html"));
        assertTrue(plot.contains(EPISODES + " episodes") && plot.contains("<svg"), plot);
    }

    @Test
    void aRobotLostMidRunIsWaitedForAndTheRunGoesOn() throws Exception {
        Path out = dir.resolve("lost");
        ServedSimulator first = ServedSimulator.start(CORE.get(), "--robot", "panda", "--profile", "franka", "--task",
                "reach");
        CountDownLatch running = new CountDownLatch(3);
        CountDownLatch waiting = new CountDownLatch(1);
        OutputStream watch = new OutputStream() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public synchronized void write(int b) {
                text.append((char) b);
                if (text.toString().endsWith(" episodes, ")) {
                    running.countDown();
                }
                if (waiting.getCount() > 0 && text.indexOf("waiting for the robot to come back") >= 0) {
                    waiting.countDown();
                }
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] code = new int[1];
        Thread run = new Thread(() -> code[0] = collect(args(out, EPISODES), watch, err));
        run.start();
        try {
            assertTrue(running.await(60, TimeUnit.SECONDS), "episodes ran");
            first.kill();
            assertTrue(waiting.await(30, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
        } finally {
            first.close();
        }
        try (ServedSimulator second = ServedSimulator.start(CORE.get(), "--robot", "panda", "--profile", "franka", "--task",
                "reach")) {
            run.join(120_000);
        }
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code[0], log);
        assertTrue(log.contains("mantis: robot lost: ") && log.contains("the robot is back; going on"), log);
        List<Long> runs = runEpisodes(out);
        assertEquals(EPISODES - 1L, runs.get(runs.size() - 1), runs.toString());
        assertTrue(runs.size() >= EPISODES - 1, "at most the episode whose reset the kill cut off is missing: " + runs);
        DatasetReader reader = DatasetReader.open(out);
        for (EpisodeRow row : reader.episodes()) {
            String failure = (String) row.extra(TaskRecording.FAILURE);
            assertTrue(failure.isEmpty() || failure.equals(Deployment.ROBOT_LOST) || failure.equals("timeout"), failure);
        }
    }
}
