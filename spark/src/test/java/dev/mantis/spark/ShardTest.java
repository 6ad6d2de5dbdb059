package dev.mantis.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shard plans, Spark master names and staging errors, without Spark. */
class ShardTest {

    @Test
    void shardsCoverTheRunInOrderWithoutSpanningTasks() {
        assertEquals(List.of(new Shard(0, 0, 0, 3), new Shard(1, 0, 3, 5), new Shard(2, 1, 0, 3),
                new Shard(3, 1, 3, 5)), Shard.plan(2, 5, 0, 3));
    }

    @Test
    void aResumedRunStartsItsFirstShardMidTask() {
        assertEquals(List.of(new Shard(0, 0, 4, 5), new Shard(1, 1, 0, 5)), Shard.plan(2, 5, 4, 8));
        assertEquals(List.of(), Shard.plan(2, 5, 10, 8));
    }

    @Test
    void tasksOfLongEpisodesAreCutIntoSmallerShards() {
        // 2 tasks x 6 episodes, weights 100 and 500: 3600 in all, 225 per shard (an eighth of a core's share) on 2 cores
        assertEquals(List.of(new Shard(0, 0, 0, 2), new Shard(1, 0, 2, 4), new Shard(2, 0, 4, 6), new Shard(3, 1, 0, 1),
                new Shard(4, 1, 1, 2), new Shard(5, 1, 2, 3), new Shard(6, 1, 3, 4), new Shard(7, 1, 4, 5),
                new Shard(8, 1, 5, 6)), Shard.planByWeight(new double[] {100, 500}, 6, 0, 2));
        // resumed at run position 8 (task 1, episode 2): only the remaining work is shared out
        assertEquals(List.of(new Shard(0, 1, 2, 3), new Shard(1, 1, 3, 4), new Shard(2, 1, 4, 5), new Shard(3, 1, 5, 6)),
                Shard.planByWeight(new double[] {100, 500}, 6, 8, 2));
        List<Shard> eighths = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            eighths.add(new Shard(i, 0, 2 * i, 2 * i + 2));
        }
        assertEquals(eighths, Shard.planByWeight(new double[] {100}, 16, 0, 1), "one slot: shards of an eighth of the work");
    }

    @Test
    void aboutFourShardsPerCore() {
        assertEquals(25, Shard.sizeFor(200, 2));
        assertEquals(1, Shard.sizeFor(3, 16));
    }

    @Test
    void localMastersRetryFailedShards() {
        assertEquals("local[2,4]", SparkJobs.master("local[2]"));
        assertEquals("local[*,4]", SparkJobs.master("local[*]"));
        assertEquals("local[1,4]", SparkJobs.master("local"));
        assertEquals("local[3,2]", SparkJobs.master("local[3,2]"));
        assertEquals("spark://127.0.0.1:7077", SparkJobs.master("spark://127.0.0.1:7077"));
        assertEquals("yarn", SparkJobs.master("yarn"));
    }

    @Test
    void stagingTheDriverCannotSeeIsOneLineNamingTheFix(@TempDir Path dir) {
        Path missing = dir.resolve("shard-00000/attempt-0-7/episodes.bin");
        var e = assertThrows(IOException.class, () -> new StagedEpisodes.Reader(missing, List.of()));
        assertEquals(missing + ": an executor staged episodes here but the driver cannot see the file; give "
                + "--spark-staging a directory that the driver and every executor share", e.getMessage());
    }

    @Test
    void anUnknownMasterIsOneLineNamingTheForms() {
        var e = assertThrows(IllegalArgumentException.class, () -> SparkJobs.master("mesos://x:5050"));
        assertEquals("--spark mesos://x:5050: unknown Spark master; give local[K], local[*], spark://HOST:PORT, "
                + "yarn or k8s://URL", e.getMessage());
    }
}
