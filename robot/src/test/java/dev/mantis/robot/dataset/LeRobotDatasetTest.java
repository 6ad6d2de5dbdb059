package dev.mantis.robot.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.spec.ActionSpec;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.robot.spec.ObservationSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A v3.0 dataset laid out as LeRobot writes it, with files from another Parquet writer (DuckDB:
 * nullable columns, dictionary pages, a video feature, names as {"motors": [...]}), read by
 * {@link DatasetReader} and mapped onto a robot's specs.
 */
class LeRobotDatasetTest {

    private static final String INFO = """
            {
              "codebase_version": "v3.0", "robot_type": "so100", "total_episodes": 2, "total_frames": 25,
              "total_tasks": 2, "chunks_size": 1000, "data_files_size_in_mb": 100, "video_files_size_in_mb": 500,
              "fps": 30, "splits": {"train": "0:2"},
              "data_path": "data/chunk-{chunk_index:03d}/file-{file_index:03d}.parquet",
              "video_path": "videos/{video_key}/chunk-{chunk_index:03d}/file-{file_index:03d}.mp4",
              "features": {
                "action": {"dtype": "float32", "shape": [3], "names": {"motors": ["a", "b", "gripper"]}},
                "observation.state": {"dtype": "float32", "shape": [3], "names": ["a", "b", "gripper"]},
                "observation.images.top": {"dtype": "video", "shape": [48, 64, 3],
                    "names": ["height", "width", "channels"], "info": {"video.height": 48, "video.width": 64,
                    "video.codec": "av1", "video.pix_fmt": "yuv420p", "video.is_depth_map": false,
                    "video.fps": 30, "video.channels": 3, "has_audio": false}},
                "timestamp": {"dtype": "float32", "shape": [1], "names": null},
                "frame_index": {"dtype": "int64", "shape": [1], "names": null},
                "episode_index": {"dtype": "int64", "shape": [1], "names": null},
                "index": {"dtype": "int64", "shape": [1], "names": null},
                "task_index": {"dtype": "int64", "shape": [1], "names": null}
              }
            }
            """;

    static Path write(Path root) throws Exception {
        Files.createDirectories(root.resolve("meta/episodes/chunk-000"));
        Files.createDirectories(root.resolve("data/chunk-000"));
        Files.createDirectories(root.resolve("videos/observation.images.top/chunk-000"));
        Files.writeString(root.resolve("meta/info.json"), INFO);
        Files.write(root.resolve("videos/observation.images.top/chunk-000/file-000.mp4"), new byte[] {0});
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("CREATE TABLE frames AS SELECT [CAST(i AS FLOAT), CAST(i * 0.5 AS FLOAT), 0.04::FLOAT] AS "
                    + "\"action\", [CAST(i AS FLOAT) - 1, CAST(i * 0.5 AS FLOAT), 0.02::FLOAT] AS \"observation.state\", "
                    + "CAST((i - CASE WHEN i < 10 THEN 0 ELSE 10 END) / 30.0 AS FLOAT) AS timestamp, "
                    + "CAST(i - CASE WHEN i < 10 THEN 0 ELSE 10 END AS BIGINT) AS frame_index, "
                    + "CAST(CASE WHEN i < 10 THEN 0 ELSE 1 END AS BIGINT) AS episode_index, CAST(i AS BIGINT) AS "
                    + "\"index\", CAST(CASE WHEN i < 10 THEN 0 ELSE 1 END AS BIGINT) AS task_index FROM range(25) t(i)");
            st.execute("COPY frames TO '" + root.resolve("data/chunk-000/file-000.parquet")
                    + "' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 8)");
            st.execute("COPY (SELECT * FROM (VALUES (0, 'grab the cube'), (1, 'stack the cubes')) v(task_index, "
                    + "__index_level_0__)) TO '" + root.resolve("meta/tasks.parquet") + "' (FORMAT parquet)");
            st.execute("COPY (SELECT CAST(e AS BIGINT) AS episode_index, [CASE WHEN e = 0 THEN 'grab the cube' ELSE "
                    + "'stack the cubes' END] AS tasks, CAST(CASE WHEN e = 0 THEN 10 ELSE 15 END AS BIGINT) AS length, "
                    + "0::BIGINT AS \"data/chunk_index\", 0::BIGINT AS \"data/file_index\", "
                    + "CAST(e * 10 AS BIGINT) AS dataset_from_index, CAST(CASE WHEN e = 0 THEN 10 ELSE 25 END AS BIGINT) "
                    + "AS dataset_to_index, 0::BIGINT AS \"videos/observation.images.top/chunk_index\", 0::BIGINT AS "
                    + "\"videos/observation.images.top/file_index\", e * 10 / 30.0 AS "
                    + "\"videos/observation.images.top/from_timestamp\", CASE WHEN e = 0 THEN 10 ELSE 25 END / 30.0 AS "
                    + "\"videos/observation.images.top/to_timestamp\", 0::BIGINT AS \"meta/episodes/chunk_index\", "
                    + "0::BIGINT AS \"meta/episodes/file_index\", [1.0, 2.0, 3.0] AS \"stats/action/mean\" "
                    + "FROM range(2) t(e)) TO '" + root.resolve("meta/episodes/chunk-000/file-000.parquet")
                    + "' (FORMAT parquet, COMPRESSION snappy)");
        }
        StringBuilder stats = new StringBuilder("{");
        for (String f : List.of("action", "observation.state", "timestamp", "frame_index", "episode_index", "index",
                "task_index")) {
            int n = f.startsWith("action") || f.startsWith("observation") ? 3 : 1;
            String v = "[" + String.join(", ", java.util.Collections.nCopies(n, "0.5")) + "]";
            stats.append(stats.length() > 1 ? ", " : "").append('"').append(f).append("\": {\"min\": ").append(v)
                    .append(", \"max\": ").append(v).append(", \"mean\": ").append(v).append(", \"std\": ").append(v)
                    .append(", \"count\": [25]}");
        }
        Files.writeString(root.resolve("meta/stats.json"), stats.append('}').toString());
        return root;
    }

    @Test
    void readsADatasetItDidNotWrite(@TempDir Path dir) throws Exception {
        DatasetReader reader = DatasetReader.open(write(dir.resolve("so100")));
        assertEquals(List.of(), reader.validate());
        assertEquals(List.of("grab the cube", "stack the cubes"), reader.tasks());
        assertEquals(2, reader.episodes().size());
        EpisodeRow second = reader.episodes().get(1);
        assertEquals(15, second.length());
        assertEquals(10 / 30.0, second.videos().get("observation.images.top").fromTimestamp(), 1e-12);
        assertEquals(List.of("a", "b", "gripper"), reader.info().feature("action").names(),
                "names given as {\"motors\": [...]}");
        assertTrue(reader.info().feature("observation.images.top").isVideo());
        EpisodeFrames frames = reader.episode(1);
        for (int i = 0; i < 15; i++) {
            assertArrayEquals(new double[] {10 + i, (float) ((10 + i) * 0.5), (float) 0.04}, frames.get("action", i));
            assertEquals((float) (i / 30.0), frames.get("timestamp", i)[0], 0);
        }
    }

    @Test
    void mapsItsFeaturesOntoARobot(@TempDir Path dir) throws Exception {
        DatasetInfo info = DatasetReader.open(write(dir.resolve("so100"))).info();
        FeatureSpec state = FeatureSpec.vector("observation.state", List.of("a", "b", "gripper"), "rad");
        FeatureSpec action = FeatureSpec.vector("action", List.of("a", "b", "gripper"), "rad");
        assertEquals(List.of(), FeatureMatch.problems(info, new ObservationSpec(List.of(state)),
                new ActionSpec("pd_joint_pos", action)));
        FeatureSpec wide = FeatureSpec.vector("observation.state", List.of("a", "b", "c", "gripper"), "rad");
        FeatureSpec velocity = FeatureSpec.vector("observation.velocity", List.of("a", "b", "gripper"), "rad/s");
        FeatureSpec renamed = FeatureSpec.vector("action", List.of("x", "y", "gripper"), "m");
        assertEquals(List.of("'observation.state' has 3 elements (float32) in the dataset, the robot's 4",
                "'observation.velocity' (3 elements) is not in the dataset; it has [action, observation.state, "
                        + "timestamp, frame_index, episode_index, index, task_index]",
                "'action' names its elements [a, b, gripper] in the dataset, the robot [x, y, gripper]"),
                FeatureMatch.problems(info, new ObservationSpec(List.of(wide, velocity)),
                        new ActionSpec("pd_ee_delta_pose", renamed)));
    }
}
