package dev.mantis.sim.record;

import dev.mantis.robot.dataset.DatasetFeature;
import dev.mantis.robot.dataset.EpisodeBuffer;
import dev.mantis.robot.dataset.EpisodeFrames;
import dev.mantis.robot.dataset.EpisodeRow;
import dev.mantis.robot.spec.Action;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.EpisodeRunner;
import dev.mantis.sim.task.StepRecorder;
import dev.mantis.sim.task.Task;
import java.util.List;

/**
 * Re-simulates a recorded episode from its seed and recorded actions and compares every recorded
 * frame feature with what the simulation gives again, bit for bit. The recorded actions are the
 * ones the robot applied, already through the safety layer when it was on, so the replay applies
 * them directly and skips the safety layer's own columns ({@link TaskRecording#SAFETY_CLAMPED},
 * {@link TaskRecording#SAFETY_EVENT}).
 */
public final class EpisodeReplay {

    /**
     * The outcome of a replay.
     *
     * @param episode episode index
     * @param frames frames compared
     * @param firstMismatch first frame that differs, or -1 when all match
     * @param detail what differs (feature, element, recorded and replayed values), empty when all match
     * @param result the replayed episode's result
     */
    public record Result(long episode, int frames, int firstMismatch, String detail, EpisodeResult result) {
        /** Whether every frame matched. */
        public boolean matches() {
            return firstMismatch < 0;
        }
    }

    private EpisodeReplay() {
    }

    /**
     * Replays {@code recorded} in {@code scene} (built from {@code task}'s scene spec; it may have
     * run other episodes) with a buffer of the dataset's features.
     */
    public static Result run(Task task, Scene scene, EpisodeFrames recorded, EpisodeBuffer buffer) {
        return run(task, scene, recorded, buffer, StepRecorder.NONE);
    }

    /**
     * {@link #run(Task, Scene, EpisodeFrames, EpisodeBuffer)}, also telling {@code observer} about
     * every replayed step (its {@link StepRecorder#choose} is not asked: the recorded actions apply).
     */
    public static Result run(Task task, Scene scene, EpisodeFrames recorded, EpisodeBuffer buffer,
            StepRecorder observer) {
        EpisodeRow row = recorded.row();
        Object seed = row.extra(TaskRecording.SEED);
        if (!(seed instanceof Long s)) {
            throw new IllegalArgumentException("episode " + row.episodeIndex() + " has no " + TaskRecording.SEED
                    + "; only episodes Mantis recorded can be replayed");
        }
        double[] actions = recorded.all(TaskRecording.ACTION);
        int n = recorded.length();
        int width = actions.length / n;
        FrameRecorder recorder = new FrameRecorder(task, buffer, scene.robot(0).observationSpec());
        int[] step = {0};
        StepRecorder both = new StepRecorder() {
            @Override
            public void begin(Scene s) {
                recorder.begin(s);
                observer.begin(s);
            }

            @Override
            public void before(Scene s, int i) {
                recorder.before(s, i);
                observer.before(s, i);
            }

            @Override
            public Action choose(Scene s, Action action) {
                return recorder.choose(s, action);
            }

            @Override
            public void after(Action applied, double reward, boolean done, boolean success) {
                recorder.after(applied, reward, done, success);
                observer.after(applied, reward, done, success);
            }
        };
        EpisodeResult result = EpisodeRunner.run(task, scene, (int) row.episodeIndex(), s, sc -> x -> {
            int i = Math.min(step[0]++, n - 1);
            double[] a = new double[width];
            System.arraycopy(actions, i * width, a, 0, width);
            return new Action(a);
        }, both);
        EpisodeBuffer replayed = recorder.buffer();
        int frames = Math.min(n, replayed.length());
        List<DatasetFeature> features = replayed.features();
        for (int f = 0; f < frames; f++) {
            for (int k = 0; k < features.size(); k++) {
                DatasetFeature feature = features.get(k);
                if (!recorded.has(feature.name()) || feature.name().equals(TaskRecording.SAFETY_CLAMPED)
                        || feature.name().equals(TaskRecording.SAFETY_EVENT)) {
                    continue;
                }
                double[] want = recorded.all(feature.name());
                double[] got = replayed.values(k);
                int size = feature.size();
                for (int j = 0; j < size; j++) {
                    double w = want[f * size + j];
                    double g = got[f * size + j];
                    if (Double.doubleToLongBits(w) != Double.doubleToLongBits(g)) {
                        String element = feature.names().isEmpty() ? "[" + j + "]" : "[" + feature.names().get(j) + "]";
                        return new Result(row.episodeIndex(), f + 1, f, feature.name() + element + " recorded " + w
                                + ", replayed " + g, result);
                    }
                }
            }
        }
        if (replayed.length() != n) {
            return new Result(row.episodeIndex(), frames, frames, "recorded " + n + " frames, the replay ended after "
                    + replayed.length(), result);
        }
        return new Result(row.episodeIndex(), n, -1, "", result);
    }
}
