package dev.mantis.robot.dataset.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.dataset.DatasetFeature;
import dev.mantis.robot.dataset.DatasetReader;
import dev.mantis.robot.dataset.DatasetSpec;
import dev.mantis.robot.dataset.DatasetWriter;
import dev.mantis.robot.dataset.EpisodeBuffer;
import dev.mantis.robot.dataset.EpisodeRow;
import dev.mantis.robot.dataset.EpisodeVideos;
import dev.mantis.robot.dataset.VideoSpan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Episode videos in a dataset: several episodes per MP4 at their from/to timestamps, new files
 * past the size limit, decoded back frame for frame, and a resumed run ending with the same bytes.
 */
class DatasetVideoTest {

    static final String CAM = "observation.images.front";
    static final int W = VideoCodecTest.W;
    static final int H = VideoCodecTest.H;

    @BeforeAll
    static void needsFfmpeg() {
        VideoCodecTest.assumeFfmpegOrCi();
    }

    static DatasetSpec spec(long videoBytes) {
        VideoSettings s = VideoSettings.of(VideoCodec.H264);
        return new DatasetSpec("panda", VideoCodecTest.FPS, List.of(
                DatasetFeature.numeric("observation.state", "float32", 1, List.of()),
                new DatasetFeature(CAM, "video", List.of(H, W, 3), List.of("height", "width", "channels"),
                        s.featureInfo(W, H, VideoCodecTest.FPS))), List.of())
                .withFileSizes(DatasetSpec.DEFAULT_DATA_FILE_BYTES, videoBytes, 1000);
    }

    static int length(int episode) {
        return 3 + (episode * 7) % 9;
    }

    static void write(DatasetWriter w, int from, int to) throws Exception {
        EpisodeBuffer b = w.newBuffer();
        for (int e = from; e < to; e++) {
            b.clear();
            Path video = w.videoScratch().resolve("e" + e + ".mp4");
            try (VideoEncoder enc = VideoEncoder.start(video, W, H, VideoCodecTest.FPS, VideoSettings.of(
                    VideoCodec.H264))) {
                for (int i = 0; i < length(e); i++) {
                    b.put(0, e + i);
                    b.endFrame();
                    enc.write(VideoCodecTest.frame(i, e));
                }
                enc.finish();
            }
            w.writeEpisode(b, "task", new EpisodeVideos(Map.of(CAM, video)), Map.of());
        }
    }

    static List<Path> files(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void episodesShareFilesAndDecodeBackAtTheirTimestamps(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("ds");
        try (DatasetWriter w = DatasetWriter.create(root, spec(12_000))) {
            write(w, 0, 6);
        }
        DatasetReader r = DatasetReader.open(root);
        assertEquals(List.of(), r.validate());
        assertEquals("video", r.info().feature(CAM).dtype());
        assertEquals("h264", r.info().feature(CAM).info().get("video.codec"));
        List<VideoSpan> spans = r.episodes().stream().map(row -> row.videos().get(CAM)).toList();
        assertTrue(spans.stream().map(VideoSpan::file).distinct().count() >= 2, "several files: " + spans);
        assertTrue(spans.stream().map(VideoSpan::file).distinct().count() < 6, "several episodes a file: " + spans);
        for (int e = 0; e < 6; e++) {
            EpisodeRow row = r.episodes().get(e);
            VideoSpan s = row.videos().get(CAM);
            assertEquals((double) length(e) / VideoCodecTest.FPS, s.toTimestamp() - s.fromTimestamp(), 1e-9);
            List<byte[]> frames = r.videoFrames(e, CAM);
            assertEquals(length(e), frames.size(), "episode " + e);
            for (int i = 0; i < frames.size(); i++) {
                double p = VideoCodecTest.psnr(VideoCodecTest.frame(i, e), frames.get(i));
                assertTrue(p >= 35, "episode " + e + " frame " + i + ": " + p + " dB");
            }
        }
        assertArrayEquals(r.videoFrames(3, CAM).get(length(3) - 1), r.videoFrame(3, CAM,
                (double) (length(3) - 1) / VideoCodecTest.FPS), "the frame at a timestamp");
        assertFalse(Files.exists(root.resolve("meta/mantis/video-parts")), "parts are deleted at close");
    }

    @Test
    void aResumedRunEndsWithTheSameVideoBytes(@TempDir Path dir) throws Exception {
        Path clean = dir.resolve("clean");
        try (DatasetWriter w = DatasetWriter.create(clean, spec(12_000))) {
            write(w, 0, 6);
        }
        Path crashed = dir.resolve("crashed");
        DatasetWriter first = DatasetWriter.create(crashed, spec(12_000));
        write(first, 0, 4); // never closed: as if killed; episodes after the last commit are lost
        // a stray encode of the next episode, as a kill mid-episode leaves it
        Files.writeString(first.videoScratch().resolve("half.mp4"), "half");
        int committed = DatasetReader.open(crashed).episodes().size();
        assertTrue(committed >= 1 && committed <= 4, "committed " + committed);
        try (DatasetWriter w = DatasetWriter.resume(crashed, spec(12_000))) {
            write(w, w.episodeCount(), 6);
        }
        List<Path> want = files(clean);
        List<Path> got = files(crashed);
        List<Path> relWant = new ArrayList<>();
        want.forEach(p -> relWant.add(clean.relativize(p)));
        List<Path> relGot = new ArrayList<>();
        got.forEach(p -> relGot.add(crashed.relativize(p)));
        assertEquals(relWant, relGot);
        for (Path rel : relWant) {
            assertArrayEquals(Files.readAllBytes(clean.resolve(rel)), Files.readAllBytes(crashed.resolve(rel)),
                    rel.toString());
        }
    }
}
