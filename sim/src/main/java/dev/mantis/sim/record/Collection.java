package dev.mantis.sim.record;

import dev.mantis.robot.dataset.DatasetWriter;
import dev.mantis.robot.dataset.EpisodeBuffer;
import dev.mantis.robot.dataset.EpisodeRow;
import dev.mantis.robot.safety.SafeRobot;
import dev.mantis.robot.safety.SafetyEvent;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.EpisodeSafety;
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
import java.util.Optional;
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

    /** Safety events written to an episode's log line by line; more are counted. */
    static final int LOG_LINES = 100;

    private Collection() {
    }

    /**
     * Runs the episodes of {@code tasks} after those {@code writer} already holds and writes them
     * (with {@code onlySuccess}, only successful ones) to {@code writer}.
     */
    public static Summary run(List<TaskSpec> tasks, int episodes, long seed, int workers, String policyId,
            PolicyFactory policy, boolean onlySuccess, DatasetWriter writer, Progress progress)
            throws IOException {
        return run(tasks, episodes, seed, workers, policyId, policy, onlySuccess, EpisodeSafety.OFF, writer, progress);
    }

    /**
     * {@link #run(List, int, long, int, String, PolicyFactory, boolean, DatasetWriter, Progress)}
     * behind {@code safety}; the writer's spec must have the safety columns exactly when it is on
     * (see {@link TaskRecording#spec(List, dev.mantis.sim.robot.SimRobot, boolean)}).
     */
    public static Summary run(List<TaskSpec> tasks, int episodes, long seed, int workers, String policyId,
            PolicyFactory policy, boolean onlySuccess, EpisodeSafety safety, DatasetWriter writer, Progress progress)
            throws IOException {
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
                            id -> new Worker(spec, writer, scenes, safety)).run(j, j % episodes, seed, policy)));
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
                    if (safety.enabled()) {
                        extras.put(TaskRecording.SAFETY_EVENTS, (long) e.safetyEvents.size());
                        extras.put(TaskRecording.SAFETY_LOG, safetyLog(e.safetyEvents));
                    }
                    writer.writeEpisode(e.frames, e.instruction, extras);
                    recorded++;
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

    /** The events one line each, the first {@value #LOG_LINES}, then how many more. */
    static String safetyLog(List<SafetyEvent> events) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(LOG_LINES, events.size()); i++) {
            b.append(events.get(i)).append('\n');
        }
        if (events.size() > LOG_LINES) {
            b.append("... and ").append(events.size() - LOG_LINES).append(" more\n");
        }
        return b.toString();
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
            List<SafetyEvent> safetyEvents) {
    }

    /** A worker thread's simulator for one task. */
    private static final class Worker {
        private final Task task;
        private final Scene scene;
        private final DatasetWriter writer;
        private final FrameRecorder recorder;
        private final Optional<SafeRobot> safety;

        Worker(TaskSpec spec, DatasetWriter writer, List<Scene> scenes, EpisodeSafety safety) {
            this.task = new Task(spec);
            this.scene = Scene.build(task.sceneSpec());
            scenes.add(scene);
            this.safety = safety.wrap(scene);
            this.writer = writer;
            this.recorder = new FrameRecorder(task, newBuffer(), scene.robot(0).observationSpec());
        }

        private EpisodeBuffer newBuffer() {
            return writer.newBuffer();
        }

        Episode run(int job, int k, long runSeed, PolicyFactory policy) {
            long seed = EpisodeSeeds.of(runSeed, task.spec().id(), k);
            Function<Scene, Oracle> make = s -> policy.create(task, s, seed);
            EpisodeResult r = EpisodeRunner.run(task, scene, safety, job, seed, make, recorder);
            if (r.steps() == 0) {
                return new Episode(r, null, null, task.instruction(), List.of());
            }
            EpisodeBuffer copy = newBuffer();
            copy.copyFrom(recorder.buffer());
            return new Episode(r, copy, recorder.initialState(), task.instruction(), recorder.safetyEvents());
        }
    }
}
