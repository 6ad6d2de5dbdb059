package dev.mantis.bench.render;

import dev.mantis.assets.BundledTasks;
import dev.mantis.robot.dataset.DatasetWriter;
import dev.mantis.robot.dataset.video.VideoCodec;
import dev.mantis.robot.dataset.video.VideoSettings;
import dev.mantis.sim.record.Collection;
import dev.mantis.sim.record.RecordedCameras;
import dev.mantis.sim.record.TaskRecording;
import dev.mantis.sim.render.CameraSpec;
import dev.mantis.sim.render.RgbdFrame;
import dev.mantis.sim.render.SceneRenderer;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.EpisodeSafety;
import dev.mantis.sim.task.PolicyFactory;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;
import dev.mantis.sim.task.TaskSpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Camera throughput, measured in one process: (1) rendering two 128x128 RGB-D cameras (front and
 * wrist: colour, metric depth and segmentation each) of a core-suite scene, as frames per second;
 * (2) a collection with those two cameras recorded as videos (AV1, plus their goal images) against
 * the same collection without cameras, as a ratio of wall times (best of the rounds, alternating).
 * Usage: CameraBenchmark [TASK [EPISODES [ROUNDS [CODEC]]]] (default push 6 2 av1); needs DISPLAY and ffmpeg.
 */
public final class CameraBenchmark {

    private CameraBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String taskId = args.length > 0 ? args[0] : "push";
        int episodes = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        VideoSettings settings = args.length > 3 ? VideoSettings.of(VideoCodec.of(args[3])) : VideoSettings.DEFAULT;
        TaskSpec spec = TaskSpecReader.read(BundledTasks.yaml(taskId).orElseThrow(), taskId + ".yaml");
        Task task = new Task(spec);
        List<String> names = List.of("front", "wrist");

        double fps;
        String gl;
        try (Scene scene = Scene.build(task.sceneSpec()); SceneRenderer renderer = new SceneRenderer()) {
            scene.reset(1);
            task.reset(scene, new SplittableRandom(1));
            List<CameraSpec> cameras = task.cameras(names).stream().map(c -> c.withImageSize(128, 128)).toList();
            RgbdFrame[] frames = {new RgbdFrame(128, 128), new RgbdFrame(128, 128)};
            for (int i = 0; i < 200; i++) {
                for (int c = 0; c < 2; c++) {
                    renderer.render(scene, cameras.get(c).camera(scene), frames[c]);
                }
            }
            int n = 2000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < 2; c++) {
                    renderer.render(scene, cameras.get(c).camera(scene), frames[c]);
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            fps = n / s;
            gl = renderer.glRenderer();
        }
        System.out.printf(Locale.ROOT, "render: %s scene, 2 cameras x 128x128 RGB-D (colour, depth, mask), %s: "
                + "%.0f frames/s per camera pair (%.0f camera images/s)%n", taskId, gl, fps, 2 * fps);

        RecordedCameras cameras = new RecordedCameras(names, 128, 128, settings,
                RecordedCameras.FrameObserver.NONE);
        double plain = Double.POSITIVE_INFINITY;
        double withCameras = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rounds; r++) {
            plain = Math.min(plain, collect(spec, episodes, RecordedCameras.NONE));
            withCameras = Math.min(withCameras, collect(spec, episodes, cameras));
        }
        System.out.printf(Locale.ROOT, "collect: %d %s episodes, 1 worker: %.2f s without cameras, %.2f s with "
                + "front+wrist 128x128 %s videos (+ goal images)%n", episodes, taskId, plain, withCameras,
                settings.codec().id());
        System.out.printf(Locale.ROOT, "with cameras / without: %.2f%n", withCameras / plain);
    }

    /** Seconds to collect {@code episodes} oracle episodes into a new dataset. */
    private static double collect(TaskSpec spec, int episodes, RecordedCameras cameras) throws Exception {
        Path dir = Files.createTempDirectory("mantis-camera-bench");
        try {
            var datasetSpec = datasetSpec(spec, cameras);
            long t0 = System.nanoTime();
            try (DatasetWriter w = DatasetWriter.create(dir.resolve("ds"), datasetSpec)) {
                Collection.run(List.of(spec), episodes, 7, 1, "oracle", PolicyFactory.ORACLE, false, EpisodeSafety.OFF, cameras, w,
                        (d, s, t) -> { });
            }
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static dev.mantis.robot.dataset.DatasetSpec datasetSpec(TaskSpec spec, RecordedCameras cameras) {
        try (Scene scene = Scene.build(new Task(spec).sceneSpec())) {
            return TaskRecording.spec(List.of(spec), scene.robot(0), false, cameras);
        }
    }
}
