package dev.mantis.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mantis.assets.BundledTasks;
import dev.mantis.robot.dataset.DatasetWriter;
import dev.mantis.sim.record.Collection;
import dev.mantis.sim.record.TaskRecording;
import dev.mantis.sim.task.PolicyFactory;
import dev.mantis.sim.task.TaskSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The small run both Spark test classes collect, and byte-for-byte dataset comparison. */
final class SparkFixtures {

    /** Two bundled tasks, so the tasks table and task-major order are exercised. */
    static final List<String> TASKS = List.of("reach", "push");
    static final int EPISODES = 4;
    static final long SEED = 11;

    private SparkFixtures() {
    }

    static List<TaskYaml> yamls() {
        return TASKS.stream().map(id -> new TaskYaml(BundledTasks.yaml(id).orElseThrow(),
                "mantis/tasks/" + id + ".yaml")).toList();
    }

    static List<TaskSpec> specs() {
        return yamls().stream().map(TaskYaml::spec).toList();
    }

    /** The single-process collection of the run, into {@code out}. */
    static Collection.Summary collectWithoutSpark(Path out) throws IOException {
        List<TaskSpec> specs = specs();
        try (DatasetWriter w = DatasetWriter.create(out, TaskRecording.spec(specs, false))) {
            return Collection.run(specs, EPISODES, SEED, 1, "oracle", PolicyFactory.ORACLE, false, w,
                    (done, ok, total) -> { });
        }
    }

    /** The run as a Spark job into {@code out}. */
    static Collection.Summary collectWithSpark(org.apache.spark.api.java.JavaSparkContext sc, Path out, int shardSize,
            ShardFault fault) throws IOException {
        SparkCollection.Job job = new SparkCollection.Job(yamls(), EPISODES, SEED, PolicyProvider.ORACLE,
                ShardSafety.OFF, false, SparkCollection.defaultStaging(out).toString(), fault);
        try (DatasetWriter w = DatasetWriter.create(out, TaskRecording.spec(specs(), false))) {
            return SparkCollection.run(sc, job, "oracle", shardSize, w, (done, ok, total) -> { });
        }
    }

    /** Asserts that {@code actual} holds exactly {@code expected}'s files, byte for byte. */
    static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<Path> want = files(expected);
        assertEquals(want.stream().map(expected::relativize).toList(),
                files(actual).stream().map(actual::relativize).toList(), "the same files");
        for (Path f : want) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(actual.resolve(expected.relativize(f))),
                    expected.relativize(f) + " differs from the single-process collection's");
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
