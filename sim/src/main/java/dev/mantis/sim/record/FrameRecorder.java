package dev.mantis.sim.record;

import dev.mantis.robot.dataset.EpisodeBuffer;
import dev.mantis.robot.spatial.Rotations;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.robot.spec.Observation;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.StepRecorder;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskObject;
import java.util.List;

/**
 * Records the frames of one task's episodes into an {@link EpisodeBuffer}: before each step the
 * robot's observation, the objects' poses and the goal; after it the applied action, reward, end
 * and success. Actions are rounded to float32 (inside the robot's bounds) before they are
 * applied, so that the recorded action is exactly the applied one and replays bit for bit.
 * One per worker and task; reusable across episodes.
 */
public final class FrameRecorder implements StepRecorder {

    private final Task task;
    private final EpisodeBuffer buffer;
    private final int[] observed;
    private final int environment;
    private final int goal;
    private final int action;
    private final int reward;
    private final int done;
    private final int success;
    private final double[] objects;
    private final double[] goalState;
    private final double[] quaternion = new double[4];
    private double[] initialState = new double[0];

    /** A recorder of {@code task}'s episodes into {@code buffer} (a buffer of {@link TaskRecording#spec}). */
    public FrameRecorder(Task task, EpisodeBuffer buffer, List<FeatureSpec> robotFeatures) {
        this.task = task;
        this.buffer = buffer;
        this.observed = new int[robotFeatures.size()];
        for (int i = 0; i < observed.length; i++) {
            observed[i] = buffer.indexOf(robotFeatures.get(i).name());
        }
        this.environment = buffer.indexOf(TaskRecording.ENVIRONMENT_STATE);
        this.goal = buffer.indexOf(TaskRecording.GOAL_STATE);
        this.action = buffer.indexOf(TaskRecording.ACTION);
        this.reward = buffer.indexOf(TaskRecording.REWARD);
        this.done = buffer.indexOf(TaskRecording.DONE);
        this.success = buffer.indexOf(TaskRecording.SUCCESS);
        this.objects = new double[buffer.features().get(environment).size()];
        this.goalState = new double[buffer.features().get(goal).size()];
    }

    /** The buffer the frames go to. */
    public EpisodeBuffer buffer() {
        return buffer;
    }

    /** The scene state right after the current episode's reset (see {@link TaskRecording#initialState}). */
    public double[] initialState() {
        return initialState.clone();
    }

    @Override
    public void begin(Scene scene) {
        buffer.clear();
        initialState = TaskRecording.initialState(scene.snapshot());
        java.util.Arrays.fill(goalState, 0);
        double[] g = task.goalState();
        System.arraycopy(g, 0, goalState, 0, g.length);
    }

    @Override
    public void before(Scene scene, int step) {
        Observation o = scene.robot(0).observe();
        for (int i = 0; i < observed.length; i++) {
            buffer.put(observed[i], o.get(o.spec().features().get(i).name()));
        }
        java.util.Arrays.fill(objects, 0);
        List<TaskObject> list = task.spec().objects();
        for (int i = 0; i < list.size(); i++) {
            Transform T_world_object = scene.objectPose(list.get(i).name());
            objects[7 * i] = T_world_object.translation().x();
            objects[7 * i + 1] = T_world_object.translation().y();
            objects[7 * i + 2] = T_world_object.translation().z();
            Rotations.toQuaternion(T_world_object.rotationRowMajor(), 0, quaternion);
            System.arraycopy(quaternion, 0, objects, 7 * i + 3, 4);
        }
        buffer.put(environment, objects);
        buffer.put(goal, goalState);
    }

    @Override
    public Action choose(Scene scene, Action proposed) {
        FeatureSpec f = scene.robot(0).actionSpec().action();
        double[] v = new double[proposed.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = float32Within(proposed.get(i), f.lower(i), f.upper(i));
        }
        return new Action(v);
    }

    /** The float32 value nearest {@code x} that lies in [lo, hi]. */
    static double float32Within(double x, double lo, double hi) {
        float f = (float) Math.max(lo, Math.min(hi, x));
        if (f > hi) {
            f = Math.nextDown(f);
        } else if (f < lo) {
            f = Math.nextUp(f);
        }
        return f;
    }

    @Override
    public void after(Action applied, double r, boolean end, boolean solved) {
        for (int i = 0; i < applied.size(); i++) {
            if ((float) applied.get(i) != applied.get(i)) {
                throw new IllegalStateException("applied action element " + i + " = " + applied.get(i)
                        + " is not a float32 value; the recording would not replay exactly");
            }
        }
        buffer.put(action, applied.toArray());
        buffer.put(reward, r);
        buffer.put(done, end);
        buffer.put(success, solved);
        buffer.endFrame();
    }
}
