package dev.mantis.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mantis collect --spark} and {@code mantis eval --spark} as a user runs them (embedded Spark). */
class SparkCommandTest {

    @Test
    void collectAndEvalOnLocalSparkMatchTheThreadedRuns(@TempDir Path dir) throws Exception {
        String[] run = {"--task", "reach", "--episodes", "4", "--seed", "3"};
        Path plain = dir.resolve("plain");
        Path spark = dir.resolve("spark");
        var a = RobotInspectCommandTest.run(cat(new String[] {"collect", "--out", plain.toString(), "--workers", "1"},
                run));
        var b = RobotInspectCommandTest.run(cat(new String[] {"collect", "--out", spark.toString(), "--spark",
            "local[2]"}, run));
        assertEquals(0, b.code(), b.err());
        assertTrue(b.err().contains("] 4/4 episodes"), "progress from Spark's listener: " + b.err());
        assertEquals(a.out().lines().limit(2).toList(), b.out().lines().limit(2).toList(), "the same table");
        assertTrue(b.out().contains("on 2 workers); recorded 4;"), b.out());
        List<Path> files = files(plain);
        assertEquals(files.stream().map(plain::relativize).toList(), files(spark).stream().map(spark::relativize)
                .toList());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(spark.resolve(plain.relativize(f))),
                    plain.relativize(f).toString());
        }
        assertFalse(Files.exists(dir.resolve("spark.staging")), "staging removed after the commit");

        var c = RobotInspectCommandTest.run(cat(new String[] {"eval", "--json", "--workers", "1"}, run));
        var d = RobotInspectCommandTest.run(cat(new String[] {"eval", "--json", "--spark", "local[2]"}, run));
        assertEquals(0, d.code(), d.err());
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(c.out()).get("tasks"), json.readTree(d.out()).get("tasks"));
    }

    @Test
    void tasksGenerateOnSparkAcceptsWhatThreadsAccept(@TempDir Path dir) throws Exception {
        var a = RobotInspectCommandTest.run("tasks", "generate", "--count", "2", "--seed", "3", "--out",
                dir.resolve("threads").toString(), "--workers", "1");
        var b = RobotInspectCommandTest.run("tasks", "generate", "--count", "2", "--seed", "3", "--out",
                dir.resolve("spark").toString(), "--spark", "local[2]");
        assertEquals(0, b.code(), b.err());
        assertEquals(a.out().replace("threads", "spark"), b.out());
        List<Path> files = files(dir.resolve("threads"));
        assertEquals(files.stream().map(f -> f.getFileName().toString()).toList(),
                files(dir.resolve("spark")).stream().map(f -> f.getFileName().toString()).toList());
    }

    @Test
    void anUnknownMasterOrBatchWithSparkIsOneLine() {
        var r = RobotInspectCommandTest.run("eval", "--task", "reach", "--spark", "mesos://head:5050");
        assertEquals(2, r.code());
        assertEquals("mantis: --spark mesos://head:5050: unknown Spark master; give local[K], local[*], "
                + "spark://HOST:PORT, yarn or k8s://URL", r.err().strip());
        var batch = RobotInspectCommandTest.run("eval", "--task", "reach", "--spark", "local[2]", "--batch", "4");
        assertEquals(2, batch.code());
        assertEquals("mantis: --batch 4 and --spark local[2]: choose one; with --spark each executor core runs its "
                + "own shard", batch.err().strip());
    }

    private static String[] cat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
