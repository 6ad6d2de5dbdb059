package dev.mantis.sim.record;

import dev.mantis.robot.dataset.DatasetWriter;
import dev.mantis.robot.dataset.EpisodeBuffer;
import dev.mantis.robot.dataset.EpisodeRow;
import dev.mantis.robot.dataset.EpisodeVideos;
import dev.mantis.sim.render.SceneRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.EpisodeRunner;
import dev.mantis.sim.task.EpisodeSeeds;
import dev.mantis.sim.task.Oracle;
import dev.mantis.sim.task.PolicyFactory;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Collects a recorded run: episodes of each task (task-major, episode k of a task seeded
 * {@link EpisodeSeeds#of}(seed, task, k)) run on worker threads, each with its own simulators,
 * and are written to the dataset strictly in run order, so the dataset does not depend on the
 * number of workers. A resumed run starts after the last episode the dataset already holds.
 */
public final class Collection {

    /** Told after each episode: run episodes done, successes, total, frames written. */
    public interface Progress {
        /** Called from the collecting thread. */
        void update(int done, int successes, int total);
    }

    /**
     * What a collection did.
     *
     * @param results the results of the episodes run now, in run order (resumed ones excluded)
     * @param skipped run episodes already in the dataset, not run again
     * @param recorded episodes written now
     */
    public record Summary(List<EpisodeResult> results, int skipped, int recorded) {
    }

    private Collection() {
    }

    /**
     * Runs the episodes of {@code tasks} after those {@code writer} already holds and writes them
     * (with {@code onlySuccess}, only successful ones) to {@code writer}.
     */
    public static Summary run(List<TaskSpec> tasks, int episodes, long seed, int workers, String policyId,
            PolicyFactory policy, boolean onlySuccess, DatasetWriter writer, Progress progress)
            throws IOException {
        return run(tasks, episodes, seed, workers, policyId, policy, onlySuccess, RecordedCameras.NONE, writer,
                progress);
    }

    /**
     * {@link #run(List, int, long, int, String, PolicyFactory, boolean, DatasetWriter, Progress)}
     * recording {@code cameras} too (the writer's spec must have their video features, see
     * {@link TaskRecording#spec(List, dev.mantis.sim.robot.SimRobot, RecordedCameras)}): one
     * off-screen renderer draws every worker's scene.
     *
     * @throws dev.mantis.sim.render.RenderException when cameras are asked for and there is no display
     */
    public static Summary run(List<TaskSpec> tasks, int episodes, long seed, int workers, String policyId,
            PolicyFactory policy, boolean onlySuccess, RecordedCameras cameras, DatasetWriter writer,
            Progress progress) throws IOException {
        if (!cameras.any()) {
            return run(tasks, episodes, seed, workers, policyId, policy, onlySuccess, null, null, writer, progress);
        }
        try (SceneRenderer renderer = new SceneRenderer()) {
            return run(tasks, episodes, seed, workers, policyId, policy, onlySuccess, cameras, renderer, writer,
                    progress);
        }
    }

    private static Summary run(List<TaskSpec> tasks, int episodes, long seed, int workers, String policyId,
            PolicyFactory policy, boolean onlySuccess, RecordedCameras cameras, SceneRenderer renderer,
            DatasetWriter writer, Progress progress) throws IOException {
        Path scratch = renderer == null ? null : writer.videoScratch();
        int total = tasks.size() * episodes;
        int start = firstJob(writer);
        List<EpisodeResult> results = new ArrayList<>();
        List<Scene> scenes = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<Map<String, Worker>> perThread = ThreadLocal.withInitial(HashMap::new);
        int threads = Math.max(1, workers);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mantis-collect");
            t.setDaemon(true);
            return t;
        });
        int recorded = 0;
        int successes = 0;
        try {
            ArrayDeque<Future<Episode>> inFlight = new ArrayDeque<>();
            int next = start;
            int window = 4 * threads;
            for (int job = start; job < total; job++) {
                while (next < total && next < job + window) {
                    int j = next++;
                    TaskSpec spec = tasks.get(j / episodes);
                    inFlight.add(pool.submit(() -> perThread.get().computeIfAbsent(spec.id(),
                            id -> new Worker(spec, writer, scenes, cameras, renderer)).run(j, j % episodes, seed, policy, scratch)));
                }
                Episode e = inFlight.poll().get();
                results.add(e.result);
                if (e.result.success()) {
                    successes++;
                }
                if (e.frames != null && (e.result.success() || !onlySuccess)) {
                    Map<String, Object> extras = new LinkedHashMap<>();
                    extras.put(TaskRecording.SEED, e.result.seed());
                    extras.put(TaskRecording.TASK_ID, e.result.task());
                    extras.put(TaskRecording.POLICY, policyId);
                    extras.put(TaskRecording.EPISODE_SUCCESS, e.result.success());
                    extras.put(TaskRecording.FAILURE, e.result.failure());
                    extras.put(TaskRecording.RUN_EPISODE, (long) job);
                    extras.put(TaskRecording.INITIAL_STATE, e.initialState);
                    if (e.videos != null) {
                        writer.writeEpisode(e.frames, e.instruction, e.videos, extras);
                    } else {
                        writer.writeEpisode(e.frames, e.instruction, extras);
                    }
                    recorded++;
                } else if (e.videos != null) {
                    for (Path p : e.videos.files().values()) {
                        Files.deleteIfExists(p);
                    }
                }
                progress.update(job - start + 1, successes, total - start);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("collection interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
            scenes.forEach(Scene::close);
        }
        return new Summary(results, start, recorded);
    }

    /** The run position after the last episode in the dataset (0 for an empty one). */
    static int firstJob(DatasetWriter writer) {
        List<EpisodeRow> rows = writer.episodes();
        if (rows.isEmpty()) {
            return 0;
        }
        Object last = rows.get(rows.size() - 1).extra(TaskRecording.RUN_EPISODE);
        if (!(last instanceof Long l)) {
            throw new IllegalArgumentException("the dataset's episodes have no " + TaskRecording.RUN_EPISODE
                    + " column; only a dataset that 'mantis collect' started can be resumed");
        }
        return (int) (l + 1);
    }

    /** One finished episode: its result and, if it has frames, a copy of them. */
    private record Episode(EpisodeResult result, EpisodeBuffer frames, double[] initialState, String instruction,
            EpisodeVideos videos) {
    }

    /** A worker thread's simulator for one task. */
    private static final class Worker {
        private final Task task;
        private final Scene scene;
        private final DatasetWriter writer;
        private final FrameRecorder recorder;
        /** The cameras' recorder around {@link #recorder}, or null without cameras. */
        private final CameraRecorder cameras;

        Worker(TaskSpec spec, DatasetWriter writer, List<Scene> scenes, RecordedCameras recorded,
                SceneRenderer renderer) {
            this.task = new Task(spec);
            this.scene = Scene.build(task.sceneSpec());
            scenes.add(scene);
            this.writer = writer;
            this.recorder = new FrameRecorder(task, newBuffer(), scene.robot(0).observationSpec());
            this.cameras = renderer == null ? null : new CameraRecorder(recorder, task, renderer, recorded);
        }

        private EpisodeBuffer newBuffer() {
            return writer.newBuffer();
        }

        Episode run(int job, int k, long runSeed, PolicyFactory policy, Path scratch) throws IOException {
            long seed = EpisodeSeeds.of(runSeed, task.spec().id(), k);
            Function<Scene, Oracle> make = s -> policy.create(task, s, seed);
            EpisodeResult r;
            EpisodeVideos videos = null;
            if (cameras == null) {
                r = EpisodeRunner.run(task, scene, job, seed, make, recorder);
            } else {
                cameras.start(job, scratch);
                try {
                    r = EpisodeRunner.run(task, scene, job, seed, make, cameras);
                    videos = cameras.finish();
                } finally {
                    cameras.abandon();
                }
            }
            if (r.steps() == 0) {
                return new Episode(r, null, null, task.instruction(), null);
            }
            EpisodeBuffer copy = newBuffer();
            copy.copyFrom(recorder.buffer());
            return new Episode(r, copy, recorder.initialState(), task.instruction(), videos);
        }
    }
}
