package dev.mantis.robot.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mantis.robot.dataset.parquet.ParquetColumn;
import dev.mantis.robot.dataset.parquet.ParquetType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dataset writer's files, read back by DuckDB (an independent Parquet implementation) and by
 * {@link DatasetReader}.
 */
class DatasetWriterTest {

    static final DatasetSpec SPEC = new DatasetSpec("panda", 20, List.of(
            DatasetFeature.numeric("observation.state", "float32", 3, List.of("j1", "j2", "gripper")),
            DatasetFeature.numeric("action", "float32", 2, List.of("dx", "grip")),
            DatasetFeature.numeric("next.reward", "float32", 1, List.of()),
            DatasetFeature.numeric("next.done", "bool", 1, List.of())),
            List.of(new ParquetColumn("mantis/seed", ParquetType.INT64, false),
                    new ParquetColumn("mantis/success", ParquetType.BOOLEAN, false),
                    new ParquetColumn("mantis/initial_state", ParquetType.DOUBLE, true)));

    /** Writes {@code episodes} pseudo-random episodes (lengths 5..40) seeded by the episode index. */
    static void writeEpisodes(DatasetWriter w, int from, int to) throws Exception {
        EpisodeBuffer b = w.newBuffer();
        for (int e = from; e < to; e++) {
            fill(b, e);
            w.writeEpisode(b, task(e), extras(e));
        }
    }

    /** Replaces {@code b}'s frames by pseudo-random episode {@code e} (5..40 frames). */
    static void fill(EpisodeBuffer b, int e) {
        SplittableRandom rng = new SplittableRandom(e);
        int n = 5 + rng.nextInt(36);
        b.clear();
        for (int i = 0; i < n; i++) {
            b.put(0, new double[] {rng.nextGaussian(), rng.nextDouble() * 3, rng.nextDouble() * 0.08});
            b.put(1, new double[] {rng.nextGaussian() * 0.1, rng.nextBoolean() ? 1 : 0});
            b.put(2, rng.nextDouble());
            b.put(3, i == n - 1);
            b.endFrame();
        }
    }

    static String task(int e) {
        return e % 2 == 0 ? "pick up the red block" : "push the blue block";
    }

    static Map<String, Object> extras(int e) {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("mantis/seed", 1000L + e);
        extras.put("mantis/success", e % 3 != 0);
        extras.put("mantis/initial_state", new double[] {e, e * 0.5, -e});
        return extras;
    }

    @Test
    void duckDbReadsWhatTheWriterWrote(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("ds");
        try (DatasetWriter w = DatasetWriter.create(root, SPEC)) {
            writeEpisodes(w, 0, 12);
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            String data = "read_parquet('" + root + "/data/*/*.parquet')";
            Map<String, String> types = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + data)) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
            assertEquals(Map.of("observation.state", "FLOAT[]", "action", "FLOAT[]", "next.reward", "FLOAT",
                    "next.done", "BOOLEAN", "timestamp", "FLOAT", "frame_index", "BIGINT", "episode_index", "BIGINT",
                    "index", "BIGINT", "task_index", "BIGINT"), types);
            assertEquals(List.of("observation.state", "action", "next.reward", "next.done", "timestamp", "frame_index",
                    "episode_index", "index", "task_index"), new ArrayList<>(types.keySet()));
            JsonNode info = new ObjectMapper().readTree(root.resolve("meta/info.json").toFile());
            long frames = info.get("total_frames").asLong();
            try (ResultSet rs = st.executeQuery("SELECT count(*), min(index), max(index), count(DISTINCT index) FROM "
                    + data)) {
                rs.next();
                assertEquals(frames, rs.getLong(1));
                assertEquals(0, rs.getLong(2));
                assertEquals(frames - 1, rs.getLong(3));
                assertEquals(frames, rs.getLong(4), "index is contiguous and unique");
            }
            // every episode's frames are where the episodes table says, numbered 0..length-1
            String episodes = "read_parquet('" + root + "/meta/episodes/*/*.parquet')";
            try (ResultSet rs = st.executeQuery("SELECT e.episode_index, e.length, e.dataset_from_index, "
                    + "e.dataset_to_index, count(d.index), min(d.index), max(d.index), min(d.frame_index), "
                    + "max(d.frame_index), e.\"mantis/seed\", e.tasks[1], min(t.__index_level_0__) FROM " + episodes
                    + " e JOIN " + data + " d ON d.episode_index = e.episode_index JOIN read_parquet('" + root
                    + "/meta/tasks.parquet') t ON t.task_index = d.task_index GROUP BY ALL ORDER BY 1")) {
                int count = 0;
                while (rs.next()) {
                    long length = rs.getLong(2);
                    assertEquals(length, rs.getLong(5));
                    assertEquals(rs.getLong(3), rs.getLong(6));
                    assertEquals(rs.getLong(4) - 1, rs.getLong(7));
                    assertEquals(0, rs.getLong(8));
                    assertEquals(length - 1, rs.getLong(9));
                    assertEquals(1000 + rs.getLong(1), rs.getLong(10));
                    assertEquals(rs.getString(11), rs.getString(12), "task_index points at the episode's task");
                    count++;
                }
                assertEquals(12, count);
            }
            // timestamps are frame_index / fps in float32
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + data
                    + " WHERE timestamp <> CAST(frame_index / 20.0 AS FLOAT)")) {
                rs.next();
                assertEquals(0, rs.getLong(1));
            }
            assertStatsMatchData(st, data, new ObjectMapper().readTree(root.resolve("meta/stats.json").toFile()));
        }
    }

    /** stats.json against min, max, mean, population std and linear quantiles that DuckDB computes from the data. */
    static void assertStatsMatchData(Statement st, String data, JsonNode stats) throws Exception {
        Map<String, Integer> sizes = Map.of("observation.state", 3, "action", 2, "next.reward", 1, "next.done", 1,
                "timestamp", 1, "frame_index", 1, "episode_index", 1, "index", 1, "task_index", 1);
        for (var e : sizes.entrySet()) {
            for (int j = 0; j < e.getValue(); j++) {
                String x = e.getValue() == 1 ? "CAST(\"" + e.getKey() + "\" AS DOUBLE)"
                        : "CAST(\"" + e.getKey() + "\"[" + (j + 1) + "] AS DOUBLE)";
                try (ResultSet rs = st.executeQuery("SELECT min(" + x + "), max(" + x + "), avg(" + x + "), "
                        + "stddev_pop(" + x + "), count(*), quantile_cont(" + x + ", [0.01, 0.1, 0.5, 0.9, 0.99]) FROM "
                        + data)) {
                    rs.next();
                    JsonNode s = stats.get(e.getKey());
                    String where = e.getKey() + "[" + j + "]";
                    assertEquals(rs.getDouble(1), s.get("min").get(j).asDouble(), 0, where + " min");
                    assertEquals(rs.getDouble(2), s.get("max").get(j).asDouble(), 0, where + " max");
                    assertEquals(rs.getDouble(3), s.get("mean").get(j).asDouble(), 1e-12, where + " mean");
                    assertEquals(rs.getDouble(4), s.get("std").get(j).asDouble(), 1e-12, where + " std");
                    assertEquals(rs.getLong(5), s.get("count").get(0).asLong(), where + " count");
                    Object[] q = (Object[]) rs.getArray(6).getArray();
                    List<String> names = List.of("q01", "q10", "q50", "q90", "q99");
                    for (int k = 0; k < names.size(); k++) {
                        assertEquals(((Number) q[k]).doubleValue(), s.get(names.get(k)).get(j).asDouble(), 1e-12,
                                where + " " + names.get(k));
                    }
                }
            }
        }
    }

    @Test
    void readerGivesBackEveryValueAndTheLayoutValidates(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("ds");
        try (DatasetWriter w = DatasetWriter.create(root, SPEC.withFileSizes(2_000, 1 << 20, 2))) {
            writeEpisodes(w, 0, 9);
        }
        assertTrue(Files.exists(root.resolve("data/chunk-001/file-000.parquet")),
                "small files roll over to new files and chunks");
        DatasetReader reader = DatasetReader.open(root);
        assertEquals(List.of(), reader.validate());
        assertEquals(9, reader.episodes().size());
        assertEquals(List.of("pick up the red block", "push the blue block"), reader.tasks());
        for (int e = 0; e < 9; e++) {
            EpisodeFrames f = reader.episode(e);
            SplittableRandom rng = new SplittableRandom(e);
            int n = 5 + rng.nextInt(36);
            assertEquals(n, f.length());
            for (int i = 0; i < n; i++) {
                double[] state = {rng.nextGaussian(), rng.nextDouble() * 3, rng.nextDouble() * 0.08};
                double[] action = {rng.nextGaussian() * 0.1, rng.nextBoolean() ? 1 : 0};
                double reward = rng.nextDouble();
                for (int j = 0; j < 3; j++) {
                    assertEquals((float) state[j], f.get("observation.state", i)[j], 0);
                }
                assertArrayEquals(new double[] {(float) action[0], action[1]}, f.get("action", i));
                assertEquals((float) reward, f.get("next.reward", i)[0], 0);
                assertEquals(i == n - 1 ? 1 : 0, f.get("next.done", i)[0]);
            }
            assertEquals(1000L + e, f.row().extra("mantis/seed"));
            assertArrayEquals(new double[] {e, e * 0.5, -e}, (double[]) f.row().extra("mantis/initial_state"));
        }
    }

    @Test
    void commitsAfterEpisodesAreAtLeastTheMinimumIntervalApart(@TempDir Path dir) throws Exception {
        AtomicLong now = new AtomicLong();
        try (DatasetWriter w = DatasetWriter.create(dir, SPEC)) {
            w.nanoClock(now::get);
            writeEpisodes(w, 0, 5);
            assertEquals(1, DatasetReader.open(dir).episodes().size(), "the first episode of a file commits at once");
            now.addAndGet(DatasetWriter.MIN_COMMIT_INTERVAL.toNanos() - 1);
            writeEpisodes(w, 5, 6);
            assertEquals(1, DatasetReader.open(dir).episodes().size(), "not before the interval");
            now.addAndGet(1);
            writeEpisodes(w, 6, 7);
            assertEquals(7, DatasetReader.open(dir).episodes().size(), "the first episode after the interval");
            writeEpisodes(w, 7, 9);
            assertEquals(7, DatasetReader.open(dir).episodes().size());
        }
        assertEquals(9, DatasetReader.open(dir).episodes().size(), "close commits the rest");
    }

    @Test
    void aResumedRunEndsWithTheSameFilesAsACleanOne(@TempDir Path dir) throws Exception {
        DatasetSpec small = SPEC.withFileSizes(6_000, 1 << 20, 1000);
        Path clean = dir.resolve("clean");
        try (DatasetWriter w = DatasetWriter.create(clean, small)) {
            writeEpisodes(w, 0, 20);
        }
        Path crashed = dir.resolve("crashed");
        DatasetWriter first = DatasetWriter.create(crashed, small);
        writeEpisodes(first, 0, 13); // never closed: as if killed after its last commit
        DatasetReader midway = DatasetReader.open(crashed);
        assertEquals(List.of(), midway.validate(), "a dataset that was never closed is still valid");
        int committed = midway.episodes().size();
        assertTrue(committed >= 1 && committed <= 13, "committed " + committed);
        try (DatasetWriter w = DatasetWriter.resume(crashed, small)) {
            assertEquals(committed, w.episodeCount());
            writeEpisodes(w, committed, 20);
        }
        List<Path> files;
        try (var walk = Files.walk(clean)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() >= 6, "several data files: " + files);
        for (Path f : files) {
            Path other = crashed.resolve(clean.relativize(f));
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other), "differs: " + clean.relativize(f));
        }
        try (var walk = Files.walk(crashed)) {
            assertEquals(files.size(), walk.filter(Files::isRegularFile).count(), "no stray files");
        }
    }

    @Test
    void episodesEncodedOnOtherThreadsGiveTheSameFiles(@TempDir Path dir) throws Exception {
        Path buffers = dir.resolve("buffers");
        try (DatasetWriter w = DatasetWriter.create(buffers, SPEC)) {
            writeEpisodes(w, 0, 12);
        }
        Path encoded = dir.resolve("encoded");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (DatasetWriter w = DatasetWriter.create(encoded, SPEC)) {
            ThreadLocal<EpisodeEncoder> encoders = ThreadLocal.withInitial(w::newEncoder);
            List<Future<EncodedEpisode>> done = new ArrayList<>();
            for (int e = 0; e < 12; e++) {
                int k = e;
                done.add(pool.submit(() -> {
                    EpisodeBuffer b = new EpisodeBuffer(SPEC.frameFeatures());
                    fill(b, k);
                    return encoders.get().encode(b);
                }));
            }
            for (int e = 0; e < 12; e++) {
                w.writeEpisode(done.get(e).get(), task(e), extras(e));
            }
            List<DatasetFeature> fewer = SPEC.frameFeatures().subList(0, 2);
            EpisodeBuffer b = new EpisodeBuffer(fewer);
            b.put(0, new double[3]);
            b.put(1, new double[2]);
            b.endFrame();
            EncodedEpisode foreign = new EpisodeEncoder(fewer).encode(b);
            assertEquals("the episode was encoded for other features than the dataset's; use newEncoder()",
                    assertThrows(IllegalArgumentException.class, () -> w.writeEpisode(foreign, "x", extras(0)))
                            .getMessage());
        } finally {
            pool.shutdownNow();
        }
        List<Path> files;
        try (var walk = Files.walk(buffers)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() >= 5, "files: " + files);
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(encoded.resolve(buffers.relativize(f))),
                    "differs: " + buffers.relativize(f));
        }
    }

    @Test
    void framesOfAnInterruptedCommitAreAnIgnoredTailThatResumeReplaces(@TempDir Path dir) throws Exception {
        Path four = dir.resolve("four");
        try (DatasetWriter w = DatasetWriter.create(four, SPEC)) {
            writeEpisodes(w, 0, 4);
        }
        Path three = dir.resolve("three");
        try (DatasetWriter w = DatasetWriter.create(three, SPEC)) {
            writeEpisodes(w, 0, 3);
        }
        // killed after the data file's rename, before the episodes table's: the data holds a 4th episode
        Path data = Path.of("data/chunk-000/file-000.parquet");
        Files.copy(four.resolve(data), three.resolve(data), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        DatasetReader reader = DatasetReader.open(three);
        assertEquals(List.of(), reader.validate());
        assertEquals(3, reader.episodes().size());
        assertEquals(DatasetReader.open(four).episodes().get(3).length(), reader.uncommittedFrames());
        try (DatasetWriter w = DatasetWriter.resume(three, SPEC)) {
            assertEquals(3, w.episodeCount());
            writeEpisodes(w, 3, 4);
        }
        try (var walk = Files.walk(four)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(three.resolve(four.relativize(f))),
                        four.relativize(f).toString());
            }
        }
    }

    @Test
    void badDirectoriesAreRefusedWithOneLine(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("ds");
        try (DatasetWriter w = DatasetWriter.create(root, SPEC)) {
            writeEpisodes(w, 0, 1);
        }
        DatasetException exists = assertThrows(DatasetException.class, () -> DatasetWriter.create(root, SPEC));
        assertEquals(root + ": already holds files; continue it with --resume or choose another output directory",
                exists.getMessage());
        DatasetSpec other = new DatasetSpec("ur5e", 20, SPEC.features(), SPEC.episodeColumns());
        DatasetException mismatch = assertThrows(DatasetException.class, () -> DatasetWriter.resume(root, other));
        assertTrue(mismatch.getMessage().startsWith(root.resolve("meta/info.json") + ": was recorded with robot "
                + "'panda' at 20 fps"), mismatch.getMessage());
        Path info = root.resolve("meta/info.json");
        Files.writeString(info, Files.readString(info).replace("\"v3.0\"", "\"v2.1\""));
        DatasetException old = assertThrows(DatasetException.class, () -> DatasetReader.open(root));
        assertEquals(info + ": codebase_version is 'v2.1'; Mantis reads v3.0 datasets (convert older ones with "
                + "LeRobot's v2.1 -> v3.0 script)", old.getMessage());
    }
}
