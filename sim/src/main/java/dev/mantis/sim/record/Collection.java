package dev.mantis.sim.record;

import dev.mantis.robot.dataset.DatasetWriter;
import dev.mantis.robot.dataset.EncodedEpisode;
import dev.mantis.robot.dataset.EpisodeEncoder;
import dev.mantis.robot.dataset.EpisodeRow;
import dev.mantis.sim.render.SceneRenderer;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.EpisodeSafety;
import dev.mantis.sim.task.EpisodeSeeds;
import dev.mantis.sim.task.PolicyFactory;
import dev.mantis.sim.task.TaskJobs;
import dev.mantis.sim.task.TaskSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Collects a recorded run: episodes of each task (task-major, episode k of a task seeded
 * {@link EpisodeSeeds#of}(seed, task, k)) run on worker threads, each with its own simulators
 * and keeping to one task at a time ({@link TaskJobs}), and are written to the dataset strictly
 * in run order, so the dataset does not depend on the number of workers. Each worker also encodes
 * the episodes it ran ({@link EpisodeEncoder}), so the collecting thread only appends them and
 * commits; workers run at most {@value #WINDOW_PER_WORKER} episodes per worker ahead of it. A
 * resumed run starts after the last episode the dataset already holds.
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

    /**
     * An episode a worker ran, without its frames, and their encoding if it is to be written (else
     * null). Episodes wait here for their turn in run order, up to a window of them: holding only
     * their Parquet bytes, they cost the young collections little to keep (with the raw frames,
     * the copying of waiting episodes was most of the collector's time with 2 workers).
     */
    private record Ran(EpisodeRecorder.Recorded recorded, EncodedEpisode encoded) {

        static Ran of(EpisodeRecorder.Recorded r, EncodedEpisode encoded) {
            return new Ran(new EpisodeRecorder.Recorded(r.result(), null, r.initialState(), r.instruction(),
                    r.safetyEvents(), r.videos()), encoded);
        }
    }

    /** How many episodes per worker may be finished but not yet written. */
    public static final int WINDOW_PER_WORKER = 32;

    private Collection() {
    }

    /**
     * Runs the episodes of {@code tasks} after those {@code writer} already holds and writes them
     * (with {@code onlySuccess}, only successful ones) to {@code writer}.
     */
    public static Summary run(List<TaskSpec> tasks, int episodes, long seed, int workers, String policyId,
            PolicyFactory policy, boolean onlySuccess, DatasetWriter writer, Progress progress)
            throws IOException {
        return run(tasks, episodes, seed, workers, policyId, policy, onlySuccess, EpisodeSafety.OFF,
                RecordedCameras.NONE, writer, progress);
    }

    /**
     * {@link #run(List, int, long, int, String, PolicyFactory, boolean, DatasetWriter, Progress)}
     * behind {@code safety}, recording {@code cameras} too. The writer's spec must have the safety
     * columns exactly when the layer is on and the cameras' video features (see
     * {@link TaskRecording#spec(List, dev.mantis.sim.robot.SimRobot, boolean, RecordedCameras)});
     * one off-screen renderer draws every worker's scene.
     *
     * @throws dev.mantis.sim.render.RenderException when cameras are asked for and there is no display
     */
    public static Summary run(List<TaskSpec> tasks, int episodes, long seed, int workers, String policyId,
            PolicyFactory policy, boolean onlySuccess, EpisodeSafety safety, RecordedCameras cameras,
            DatasetWriter writer, Progress progress) throws IOException {
        if (!cameras.any()) {
            return run(tasks, episodes, seed, workers, policyId, policy, onlySuccess, safety, cameras, null, writer,
                    progress);
        }
        try (SceneRenderer renderer = new SceneRenderer()) {
            return run(tasks, episodes, seed, workers, policyId, policy, onlySuccess, safety, cameras, renderer,
                    writer, progress);
        }
    }

    private static Summary run(List<TaskSpec> tasks, int episodes, long seed, int workers, String policyId,
            PolicyFactory policy, boolean onlySuccess, EpisodeSafety safety, RecordedCameras cameras,
            SceneRenderer renderer, DatasetWriter writer, Progress progress) throws IOException {
        Path scratch = renderer == null ? null : writer.videoScratch();
        int total = tasks.size() * episodes;
        int start = firstJob(writer);
        int threads = Math.max(1, workers);
        List<EpisodeResult> results = new ArrayList<>();
        List<EpisodeRecorder> recorders = Collections.synchronizedList(new ArrayList<>());
        // episode j's result goes to slot j % window, which the writer renews once it took j: the
        // jobs hand out j + window only after that
        int window = WINDOW_PER_WORKER * threads;
        AtomicReferenceArray<CompletableFuture<Ran>> ran = new AtomicReferenceArray<>(window);
        for (int i = 0; i < window; i++) {
            ran.set(i, new CompletableFuture<>());
        }
        TaskJobs jobs = new TaskJobs(tasks.size(), episodes, start, window);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mantis-collect");
            t.setDaemon(true);
            return t;
        });
        for (int w = 0; w < threads; w++) {
            pool.execute(() -> {
                Map<String, EpisodeRecorder> recorderOf = new HashMap<>();
                EpisodeEncoder encoder = writer.newEncoder();
                try {
                    for (int j = jobs.take(-1); j >= 0; j = jobs.take(j / episodes)) {
                        CompletableFuture<Ran> result = ran.get(j % window);
                        try {
                            TaskSpec spec = tasks.get(j / episodes);
                            EpisodeRecorder.Recorded r = recorderOf.computeIfAbsent(spec.id(), id -> {
                                EpisodeRecorder made = new EpisodeRecorder(spec, safety, cameras, renderer,
                                        writer::newBuffer);
                                recorders.add(made);
                                return made;
                            }).run(j, j % episodes, seed, policy, scratch);
                            result.complete(Ran.of(r, r.written(onlySuccess) ? encoder.encode(r.frames()) : null));
                        } catch (IOException | RuntimeException | Error e) {
                            result.completeExceptionally(e);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        int recorded = 0;
        int successes = 0;
        try {
            for (int job = start; job < total; job++) {
                Ran done = ran.get(job % window).get();
                ran.set(job % window, new CompletableFuture<>());
                EpisodeRecorder.Recorded e = done.recorded();
                results.add(e.result());
                if (e.result().success()) {
                    successes++;
                }
                if (done.encoded() != null) {
                    Map<String, Object> extras = EpisodeRecorder.extras(e.result(), policyId, job, e.initialState(),
                            e.safetyEvents().size(), safety.enabled() ? EpisodeRecorder.safetyLog(e.safetyEvents())
                            : null);
                    if (e.videos() != null) {
                        writer.writeEpisode(done.encoded(), e.instruction(), e.videos(), extras);
                    } else {
                        writer.writeEpisode(done.encoded(), e.instruction(), extras);
                    }
                    recorded++;
                } else if (e.videos() != null) {
                    for (Path p : e.videos().files().values()) {
                        Files.deleteIfExists(p);
                    }
                }
                jobs.written(job + 1);
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
            if (cause instanceof Error error) {
                throw error;
            }
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        } finally {
            jobs.close();
            pool.shutdownNow();
            awaitWorkers(pool);
            recorders.forEach(EpisodeRecorder::close);
        }
        return new Summary(results, start, recorded);
    }

    /** Waits for the workers to end their episodes, so that their simulators can be closed. */
    private static void awaitWorkers(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run position after the last episode in the dataset (0 for an empty one). */
    public static int firstJob(DatasetWriter writer) {
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

}
