package dev.mantis.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.sim.record.Collection;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.Evaluation;
import dev.mantis.sim.task.TaskGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collection and evaluation on an embedded Spark ({@code local[2]}), one context for the class. */
class SparkCollectionTest {

    private static JavaSparkContext sc;
    private static Path expected;
    private static Collection.Summary expectedSummary;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        expected = dir.resolve("single-process");
        expectedSummary = SparkFixtures.collectWithoutSpark(expected);
        sc = SparkJobs.start("local[2]", "mantis-test", Map.of());
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.stop();
        }
    }

    @Test
    void local2GivesTheSingleProcessDatasetByteForByte() throws Exception {
        Path out = dir.resolve("spark");
        Path stale = SparkCollection.defaultStaging(out).resolve("shard-00009/attempt-0-1/episodes.bin.part");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "what a killed run staged");
        Collection.Summary s = SparkFixtures.collectWithSpark(sc, out, 3, ShardFault.NONE);
        SparkFixtures.assertSameFiles(expected, out);
        assertEquals(expectedSummary.results(), s.results());
        assertEquals(expectedSummary.recorded(), s.recorded());
        assertFalse(Files.exists(SparkCollection.defaultStaging(out)), "the staging directory is gone");
    }

    @Test
    void failedFirstAttemptsLeaveNoDuplicateOrPartialEpisode() throws Exception {
        Path out = dir.resolve("faults");
        Path staging = Files.createDirectories(SparkCollection.defaultStaging(out));
        Path notes = Files.writeString(staging.resolve("notes.txt"), "not Mantis's");
        // the first attempts of shards 0 and 2 fail after staging one of their three episodes (a
        // partial file), shard 3's after its only one (a whole but unfinished file)
        ShardFault fault = (shard, attempt, done) -> {
            if (attempt == 0 && shard != 1 && done == 1) {
                throw new IllegalStateException("injected failure of shard " + shard);
            }
        };
        Collection.Summary s = SparkFixtures.collectWithSpark(sc, out, 3, fault);
        SparkFixtures.assertSameFiles(expected, out);
        assertEquals(expectedSummary.results(), s.results());
        try (var left = Files.list(staging)) {
            assertEquals(List.of(notes), left.toList(), "failed attempts' files are gone, others kept");
        }
    }

    @Test
    void taskGenerationGivesTheSameCandidatesAsOnThreads() {
        List<TaskGenerator.Candidate> threads = TaskGenerator.generate(2, 5, 1, List.of(), (d, ok, t) -> { });
        // the first attempt of the second shard fails after checking one candidate
        List<TaskGenerator.Candidate> spark = TaskGenerator.generate(2, 5, List.of(),
                (drafts, progress) -> SparkTaskGeneration.check(sc, drafts, progress,
                        (shard, attempt, done) -> {
                            if (shard == 1 && attempt == 0) {
                                throw new IllegalStateException("injected failure");
                            }
                        }), (d, ok, t) -> { });
        assertEquals(threads, spark);
    }

    @Test
    void evaluationGivesTheSameResultsAsWithoutSpark() {
        List<EpisodeResult> without = Evaluation.run(SparkFixtures.specs(), SparkFixtures.EPISODES, SparkFixtures.SEED,
                1, (done, ok, total) -> { });
        List<int[]> updates = new ArrayList<>();
        List<EpisodeResult> with = SparkEvaluation.run(sc, new SparkEvaluation.Job(SparkFixtures.yamls(),
                SparkFixtures.EPISODES, SparkFixtures.SEED, PolicyProvider.ORACLE, ShardSafety.OFF, ShardFault.NONE), 3,
                (done, ok, total) -> {
                    synchronized (updates) {
                        updates.add(new int[] {done, ok, total});
                    }
                });
        assertEquals(without, with);
        int[] last = updates.get(updates.size() - 1);
        assertEquals(8, last[0]);
        assertEquals(8, last[2]);
        assertEquals(with.stream().filter(EpisodeResult::success).count(), last[1]);
        for (int i = 1; i < updates.size(); i++) {
            assertTrue(updates.get(i)[0] >= updates.get(i - 1)[0], "progress never goes back");
        }
    }
}
