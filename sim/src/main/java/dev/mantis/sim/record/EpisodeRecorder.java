package dev.mantis.sim.record;

import dev.mantis.robot.dataset.DatasetFeature;
import dev.mantis.robot.dataset.EpisodeBuffer;
import dev.mantis.robot.dataset.EpisodeVideos;
import dev.mantis.robot.safety.SafeRobot;
import dev.mantis.robot.safety.SafetyEvent;
import dev.mantis.sim.render.SceneRenderer;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.EpisodeRunner;
import dev.mantis.sim.task.EpisodeSafety;
import dev.mantis.sim.task.EpisodeSeeds;
import dev.mantis.sim.task.Oracle;
import dev.mantis.sim.task.PolicyFactory;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One simulator of one task that runs and records episodes of a collection: run position
 * {@code job} (task-major) and episode {@code k} of the task, seeded {@link EpisodeSeeds#of}(run
 * seed, task, k). Used by {@link Collection}'s worker threads and by the Spark shards, so both
 * record the same frames. Its robot runs behind the run's safety layer ({@link EpisodeSafety#OFF}
 * for none); with cameras, each episode's images are encoded into its own video parts. Not
 * thread-safe; close it to free the simulator.
 */
public final class EpisodeRecorder implements AutoCloseable {

    /**
     * One finished episode.
     *
     * @param result its result
     * @param frames a copy of its frames, or null if it took no step
     * @param initialState the scene state after its reset, or null if it took no step
     * @param instruction the task string it is recorded under
     * @param safetyEvents the safety layer's events in it, in order
     * @param videos its camera videos, or null without cameras or steps
     */
    public record Recorded(EpisodeResult result, EpisodeBuffer frames, double[] initialState, String instruction,
            List<SafetyEvent> safetyEvents, EpisodeVideos videos) {

        /** Whether the episode goes into the dataset: it has frames, and succeeded unless failures are kept too. */
        public boolean written(boolean onlySuccess) {
            return frames != null && (result.success() || !onlySuccess);
        }
    }

    /** Safety events written to an episode's log line by line; more are counted. */
    static final int LOG_LINES = 100;

    private final Task task;
    private final Scene scene;
    private final Optional<SafeRobot> safety;
    private final Supplier<EpisodeBuffer> buffers;
    private final FrameRecorder recorder;
    /** The cameras' recorder around {@link #recorder}, or null without cameras. */
    private final CameraRecorder cameras;

    /**
     * A simulator of {@code spec} behind {@code safety}, recording into buffers {@code buffers}
     * makes (a dataset's frame features) and, with a {@code renderer}, {@code cameras}' videos.
     */
    public EpisodeRecorder(TaskSpec spec, EpisodeSafety safety, RecordedCameras cameras, SceneRenderer renderer,
            Supplier<EpisodeBuffer> buffers) {
        this(new Task(spec), safety, cameras, renderer, buffers);
    }

    private EpisodeRecorder(Task task, EpisodeSafety safety, RecordedCameras cameras, SceneRenderer renderer,
            Supplier<EpisodeBuffer> buffers) {
        this(task, Scene.build(task.sceneSpec()), safety, cameras, renderer, buffers);
    }

    private EpisodeRecorder(Task task, Scene scene, EpisodeSafety safety, RecordedCameras cameras,
            SceneRenderer renderer, Supplier<EpisodeBuffer> buffers) {
        this.task = task;
        this.scene = scene;
        this.safety = safety.wrap(scene);
        this.buffers = buffers;
        this.recorder = new FrameRecorder(task, buffers.get(), scene.robot(0).observationSpec());
        this.cameras = renderer == null || !cameras.any() ? null
                : new CameraRecorder(recorder, task, renderer, cameras);
    }

    /**
     * A simulator of {@code spec} behind {@code safety}, recording into buffers of the dataset of a
     * run of {@code run} ({@link TaskRecording#spec(List, dev.mantis.sim.robot.SimRobot, boolean)}
     * with this simulator's robot, which every task of a run shares), for a process that has no
     * writer to ask.
     */
    public static EpisodeRecorder forRun(TaskSpec spec, List<TaskSpec> run, EpisodeSafety safety) {
        Task task = new Task(spec);
        Scene scene = Scene.build(task.sceneSpec());
        try {
            List<DatasetFeature> features = TaskRecording.spec(run, scene.robot(0), safety.enabled()).frameFeatures();
            return new EpisodeRecorder(task, scene, safety, RecordedCameras.NONE, null,
                    () -> new EpisodeBuffer(features));
        } catch (RuntimeException e) {
            scene.close();
            throw e;
        }
    }

    /** Runs run position {@code job}, episode {@code k} of this task, in a run seeded {@code runSeed}. */
    public Recorded run(int job, int k, long runSeed, PolicyFactory policy) {
        try {
            return run(job, k, runSeed, policy, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // without cameras nothing is written
        }
    }

    /**
     * {@link #run(int, int, long, PolicyFactory)}, with cameras encoding the episode's video parts
     * into {@code videoScratch} (a dataset's {@code videoScratch()}).
     */
    public Recorded run(int job, int k, long runSeed, PolicyFactory policy, Path videoScratch) throws IOException {
        long seed = EpisodeSeeds.of(runSeed, task.spec().id(), k);
        Function<Scene, Oracle> make = s -> policy.create(task, s, seed);
        EpisodeResult r;
        EpisodeVideos videos = null;
        if (cameras == null) {
            r = EpisodeRunner.run(task, scene, safety, job, seed, make, recorder);
        } else {
            cameras.start(job, videoScratch);
            try {
                r = EpisodeRunner.run(task, scene, safety, job, seed, make, cameras);
                videos = cameras.finish();
            } finally {
                cameras.abandon();
            }
        }
        if (r.steps() == 0) {
            return new Recorded(r, null, null, task.instruction(), List.of(), null);
        }
        EpisodeBuffer copy = buffers.get();
        copy.copyFrom(recorder.buffer());
        return new Recorded(r, copy, recorder.initialState(), task.instruction(), recorder.safetyEvents(), videos);
    }

    /** The events one line each, the first {@value #LOG_LINES}, then how many more. */
    public static String safetyLog(List<SafetyEvent> events) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(LOG_LINES, events.size()); i++) {
            b.append(events.get(i)).append('\n');
        }
        if (events.size() > LOG_LINES) {
            b.append("... and ").append(events.size() - LOG_LINES).append(" more\n");
        }
        return b.toString();
    }

    /**
     * The values of {@link TaskRecording#EPISODE_COLUMNS} for an episode at run position
     * {@code job}; with the safety layer on ({@code safetyLog} not null) also its event count and
     * log ({@link #safetyLog}).
     */
    public static Map<String, Object> extras(EpisodeResult result, String policyId, int job, double[] initialState,
            long safetyEvents, String safetyLog) {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put(TaskRecording.SEED, result.seed());
        extras.put(TaskRecording.TASK_ID, result.task());
        extras.put(TaskRecording.POLICY, policyId);
        extras.put(TaskRecording.EPISODE_SUCCESS, result.success());
        extras.put(TaskRecording.FAILURE, result.failure());
        extras.put(TaskRecording.RUN_EPISODE, (long) job);
        extras.put(TaskRecording.INITIAL_STATE, initialState);
        if (safetyLog != null) {
            extras.put(TaskRecording.SAFETY_EVENTS, safetyEvents);
            extras.put(TaskRecording.SAFETY_LOG, safetyLog);
        }
        return extras;
    }

    @Override
    public void close() {
        scene.close();
    }
}
