package dev.mantis.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mantis.assets.BundledTasks;
import dev.mantis.robot.dataset.DatasetReader;
import dev.mantis.robot.dataset.DatasetWriter;
import dev.mantis.robot.dataset.EpisodeRow;
import dev.mantis.robot.dataset.video.VideoSettings;
import dev.mantis.sim.record.Collection;
import dev.mantis.sim.record.RecordedCameras;
import dev.mantis.sim.record.TaskRecording;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.EpisodeSafety;
import dev.mantis.sim.task.PolicyFactory;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;
import dev.mantis.sim.task.TaskSpecReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collection with two cameras (front and wrist at 128x128): its videos hold exactly the recorded
 * frames, which match the images rendered during the run (PSNR >= 35 dB); dataset info lists them
 * and the episodes still replay exactly. Needs Xvfb and ffmpeg (.ci/run starts and installs them);
 * without DISPLAY and without CI it is skipped.
 */
class CameraCollectTest {

    private static final List<String> CAMERAS = List.of("front", "wrist");

    @BeforeAll
    static void needsDisplay() {
        boolean display = System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank();
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
        Assumptions.assumeTrue(display || ci, "skipped: DISPLAY and CI are unset; run under Xvfb (see .ci/run)");
    }

    /** Peak signal-to-noise ratio of two RGB images, dB. */
    static double psnr(byte[] a, byte[] b) {
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] & 0xff) - (b[i] & 0xff);
            se += d * d;
        }
        double mse = se / a.length;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    @Test
    void twentyEpisodesWithTwoCamerasDecodeToTheImagesSeenDuringTheRun(@TempDir Path dir) throws Exception {
        TaskSpec reach = TaskSpecReader.read(BundledTasks.yaml("reach").orElseThrow(), "reach.yaml");
        Map<String, byte[]> seen = new ConcurrentHashMap<>();
        RecordedCameras cameras = new RecordedCameras(CAMERAS, 128, 128, VideoSettings.DEFAULT,
                (job, feature, frame, rgb) -> seen.put(job + "/" + feature + "/" + frame, rgb.clone()));
        Path out = dir.resolve("ds");
        var spec = datasetSpec(reach, cameras);
        Collection.Summary summary;
        try (DatasetWriter w = DatasetWriter.create(out, spec)) {
            summary = Collection.run(List.of(reach), 20, 3, 2, "oracle", PolicyFactory.ORACLE, false, EpisodeSafety.OFF, cameras, w,
                    (done, ok, total) -> { });
        }
        assertEquals(20, summary.recorded());
        DatasetReader reader = DatasetReader.open(out);
        assertEquals(List.of(), reader.validate());
        double worst = Double.POSITIVE_INFINITY;
        long frames = 0;
        // each video file decoded once (one FFmpeg run each), episodes found in it by their from_timestamp
        Map<String, List<byte[]>> files = new java.util.HashMap<>();
        for (EpisodeRow row : reader.episodes()) {
            long job = (Long) row.extra(TaskRecording.RUN_EPISODE);
            for (String feature : cameras.features()) {
                var span = row.videos().get(feature);
                List<byte[]> file = files.computeIfAbsent(feature + "/" + span.file(), k -> decodeAll(reader, feature,
                        span.file()));
                int first = (int) Math.round(span.fromTimestamp() * 20);
                assertEquals(row.length(), Math.round((span.toTimestamp() - span.fromTimestamp()) * 20));
                assertTrue(first + row.length() <= file.size(), "episode " + row.episodeIndex() + " " + feature);
                for (int f = 0; f < row.length(); f++) {
                    byte[] observed = seen.get(job + "/" + feature + "/" + f);
                    worst = Math.min(worst, psnr(observed, file.get(first + f)));
                }
            }
            frames += row.length();
        }
        // the decoded frame count equals the recorded one
        for (String feature : cameras.features()) {
            assertEquals(reader.info().totalFrames(), files.entrySet().stream().filter(e -> e.getKey().startsWith(
                    feature + "/")).mapToLong(e -> e.getValue().size()).sum(), feature);
        }
        List<byte[]> episode7 = reader.videoFrames(7, "observation.images.wrist");
        assertEquals(reader.episodes().get(7).length(), episode7.size());
        assertArrayEquals(episode7.get(3), reader.videoFrame(7, "observation.images.wrist", 3.0 / 20),
                "the frame at a timestamp");
        assertEquals(reader.info().totalFrames(), frames);
        assertTrue(worst >= 35, "worst PSNR " + worst + " dB");

        var info = RobotInspectCommandTest.run("dataset", "info", out.toString(), "--json");
        assertEquals(0, info.code(), info.err());
        JsonNode features = new ObjectMapper().readTree(info.out()).get("features");
        for (String f : cameras.features()) {
            assertEquals("video", features.get(f).get("dtype").asText(), f);
        }
        var replay = RobotInspectCommandTest.run("replay", out.toString(), "--verify");
        assertEquals(0, replay.code(), replay.out() + replay.err());
        assertTrue(replay.out().contains("20 of 20 episodes replayed exactly"), replay.out());
    }

    private static List<byte[]> decodeAll(DatasetReader reader, String feature,
            dev.mantis.robot.dataset.DatasetLayout.FileId file) {
        try {
            Path mp4 = new dev.mantis.robot.dataset.DatasetLayout(reader.root(), 1000).video(feature, file);
            return dev.mantis.robot.dataset.video.VideoDecoder.frames(mp4, 0, Integer.MAX_VALUE, 128, 128, 20);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static dev.mantis.robot.dataset.DatasetSpec datasetSpec(TaskSpec spec, RecordedCameras cameras) {
        try (Scene scene = Scene.build(new Task(spec).sceneSpec())) {
            return TaskRecording.spec(List.of(spec), scene.robot(0), false, cameras);
        }
    }

    @Test
    void killedTwiceThenResumedEqualsACleanRunByteForByte(@TempDir Path dir) throws Exception {
        String[] run = {"collect", "--task", "reach", "--episodes", "6", "--seed", "2", "--cameras", "front,wrist",
            "--video-codec", "h264", "--workers", "2"};
        Path clean = dir.resolve("clean");
        var r = RobotInspectCommandTest.run(with(run, "--out", clean.toString()));
        assertEquals(0, r.code(), r.err());
        Path crashed = dir.resolve("crashed");
        int kills = 0;
        for (int attempt = 0; attempt < 6 && kills < 2; attempt++) {
            List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                    "java").toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            cmd.addAll(List.of(with(run, "--out", crashed.toString())));
            if (attempt > 0) {
                cmd.add("--resume");
            }
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (CollectCommandTest.waitForProgress(p.getErrorStream(), 1 + attempt % 2)) {
                p.destroyForcibly(); // SIGKILL, maybe while FFmpeg encodes or joins
                kills++;
            }
            p.waitFor();
            if (java.nio.file.Files.exists(crashed.resolve("meta/info.json"))) {
                assertEquals(List.of(), DatasetReader.open(crashed).validate(), "after kill " + kills);
            }
        }
        assertEquals(2, kills, "the child was killed twice");
        var done = RobotInspectCommandTest.run(with(run, "--out", crashed.toString(), "--resume"));
        assertEquals(0, done.code(), done.err());
        List<Path> files;
        try (var walk = java.nio.file.Files.walk(clean)) {
            files = walk.filter(java.nio.file.Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".mp4")), files.toString());
        for (Path f : files) {
            assertArrayEquals(java.nio.file.Files.readAllBytes(f), java.nio.file.Files.readAllBytes(
                    crashed.resolve(clean.relativize(f))), clean.relativize(f) + " differs from the clean run's");
        }
        try (var walk = java.nio.file.Files.walk(crashed)) {
            assertEquals(files.size(), walk.filter(java.nio.file.Files::isRegularFile).count(), "no stray files");
        }
    }

    private static String[] with(String[] run, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(run));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void badCameraFlagsAreOneLine(@TempDir Path dir) {
        var unknown = RobotInspectCommandTest.run("collect", "--task", "reach", "--episodes", "1", "--cameras",
                "front,back", "--out", dir.resolve("a").toString());
        assertEquals(2, unknown.code());
        assertEquals("mantis: task 'reach' has no camera 'back'; it has [front, top, wrist]\n", unknown.err());
        var size = RobotInspectCommandTest.run("collect", "--task", "reach", "--episodes", "1", "--cameras",
                "front", "--image-size", "127", "--out", dir.resolve("b").toString());
        assertEquals(2, size.code());
        assertEquals("mantis: --image-size 127: width and height must be even, 2..4096 (yuv420p video)\n", size.err());
        var codec = RobotInspectCommandTest.run("collect", "--task", "reach", "--episodes", "1", "--cameras",
                "front", "--video-codec", "vp9", "--out", dir.resolve("c").toString());
        assertEquals(2, codec.code());
        assertEquals("mantis: --video-codec/--crf/--gop: unknown video codec 'vp9'; use av1 or h264\n", codec.err());
    }
}
