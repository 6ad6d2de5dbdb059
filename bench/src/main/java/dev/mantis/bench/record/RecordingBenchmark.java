package dev.mantis.bench.record;

import dev.mantis.assets.BundledTasks;
import dev.mantis.robot.dataset.DatasetWriter;
import dev.mantis.sim.record.FrameRecorder;
import dev.mantis.sim.record.TaskRecording;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.EpisodeRunner;
import dev.mantis.sim.task.EpisodeSeeds;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;
import dev.mantis.sim.task.TaskSpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of recording: one oracle episode of a task as {@code mantis collect} runs it, without
 * recording ({@code episode}, the baseline) and with every frame recorded and the episode written
 * to a LeRobot dataset, commits included ({@code recordedEpisode}). Both cycle through the same
 * 16 episode seeds. bench/run-recording.sh prints the ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RecordingBenchmark {

    private static final int SEEDS = 16;

    @Param({"pick_place"})
    String taskId;

    private Task task;
    private Scene scene;
    private Path dir;
    private DatasetWriter writer;
    private FrameRecorder recorder;
    private int next;

    @Setup
    public void setUp() throws IOException {
        TaskSpec spec = TaskSpecReader.read(BundledTasks.yaml(taskId).orElseThrow(), taskId);
        task = new Task(spec);
        scene = Scene.build(task.sceneSpec());
        dir = Files.createTempDirectory("mantis-recording-bench");
        writer = DatasetWriter.create(dir.resolve("ds"), TaskRecording.spec(List.of(spec), scene.robot(0)));
        recorder = new FrameRecorder(task, writer.newBuffer(), scene.robot(0).observationSpec());
    }

    @TearDown
    public void tearDown() throws IOException {
        writer.close();
        scene.close();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Baseline: the episode loop alone. */
    @Benchmark
    public EpisodeResult episode() {
        int k = next++ % SEEDS;
        return EpisodeRunner.run(task, scene, k, EpisodeSeeds.of(0, taskId, k), task::oracle);
    }

    /** The episode loop recording every frame, then the episode written (and committed when due). */
    @Benchmark
    public EpisodeResult recordedEpisode() throws IOException {
        int k = next++ % SEEDS;
        EpisodeResult r = EpisodeRunner.run(task, scene, k, EpisodeSeeds.of(0, taskId, k), task::oracle, recorder);
        writer.writeEpisode(recorder.buffer(), task.spec().instruction(), Map.of(TaskRecording.SEED, r.seed(),
                TaskRecording.TASK_ID, r.task(), TaskRecording.POLICY, "oracle", TaskRecording.EPISODE_SUCCESS,
                r.success(), TaskRecording.FAILURE, r.failure(), TaskRecording.RUN_EPISODE, (long) k,
                TaskRecording.INITIAL_STATE, recorder.initialState()));
        return r;
    }
}
