package dev.mantis.sim.view;

import dev.mantis.robot.dataset.EpisodeBuffer;
import dev.mantis.robot.dataset.EpisodeFrames;
import dev.mantis.robot.spec.Action;
import dev.mantis.sim.record.EpisodeReplay;
import dev.mantis.sim.record.TaskRecording;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.scene.SceneState;
import dev.mantis.sim.task.StepRecorder;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded episode played back: {@link EpisodeReplay} re-simulates it once from its seed and
 * recorded actions, keeping the full scene state before every step and after the last, so any
 * frame can be shown (and scrubbed to) by restoring its state. Frame i is the scene the policy saw
 * before step i; the last frame is the scene after the last step.
 */
public final class RecordedPlayback implements Playback {

    private final Task task;
    private final Scene scene;
    private final GoalScene goal;
    private final String source;
    private final int episode;
    private final long seed;
    private final List<SceneState> states = new ArrayList<>();
    /** Reward summed before frame i; whether step i-1 succeeded. */
    private final List<Double> rewards = new ArrayList<>();
    private final List<Boolean> successes = new ArrayList<>();
    private final EpisodeReplay.Result replay;
    private int frame;

    /**
     * Replays {@code recorded} (an episode of {@code spec}'s task that Mantis recorded) with a
     * buffer of the dataset's frame features.
     *
     * @param source the dataset's name for the overlay
     * @throws IllegalArgumentException when the episode has no recorded seed
     */
    public RecordedPlayback(TaskSpec spec, EpisodeFrames recorded, EpisodeBuffer buffer, String source) {
        this.task = new Task(spec);
        this.source = source;
        this.episode = (int) recorded.row().episodeIndex();
        Object s = recorded.row().extra(TaskRecording.SEED);
        this.seed = s instanceof Long l ? l : 0;
        this.scene = Scene.build(task.sceneSpec());
        GoalScene g = null;
        try {
            double[] sum = {0};
            boolean[] last = {false};
            replay = EpisodeReplay.run(task, scene, recorded, buffer, new StepRecorder() {
                @Override
                public void before(Scene sc, int step) {
                    states.add(sc.snapshot());
                    rewards.add(sum[0]);
                    successes.add(last[0]);
                }

                @Override
                public void after(Action applied, double reward, boolean done, boolean success) {
                    sum[0] += reward;
                    last[0] = success;
                }
            });
            states.add(scene.snapshot());
            rewards.add(sum[0]);
            successes.add(last[0]);
            g = new GoalScene(spec);
            g.show(seed);
            scene.restore(states.get(0));
        } catch (RuntimeException e) {
            if (g != null) {
                g.close();
            }
            scene.close();
            throw e;
        }
        this.goal = g;
    }

    /** How the re-simulation compared with the recording (see {@link EpisodeReplay.Result#matches}). */
    public EpisodeReplay.Result replay() {
        return replay;
    }

    /** Frames: one per recorded step, plus the scene after the last step. */
    public int frames() {
        return states.size();
    }

    @Override
    public Scene scene() {
        return scene;
    }

    @Override
    public GoalScene goal() {
        return goal;
    }

    @Override
    public double framesPerSecond() {
        return Task.CONTROL_HZ;
    }

    @Override
    public boolean advance() {
        if (frame + 1 >= states.size()) {
            return false;
        }
        seek(frame + 1);
        return true;
    }

    @Override
    public void seek(int target) {
        int f = Math.max(0, Math.min(states.size() - 1, target));
        if (f != frame) {
            frame = f;
            scene.restore(states.get(f));
        }
    }

    @Override
    public int frame() {
        return frame;
    }

    @Override
    public void reset() {
        seek(0);
    }

    @Override
    public ViewStatus status() {
        String ended = "";
        if (frame == states.size() - 1) {
            ended = replay.result().success() ? "success" : replay.result().failure();
        }
        return new ViewStatus(task.spec().id(), source, episode, seed, frame, states.size() - 1, rewards.get(frame),
                successes.get(frame), ended);
    }

    @Override
    public void close() {
        try {
            goal.close();
        } finally {
            scene.close();
        }
    }
}
