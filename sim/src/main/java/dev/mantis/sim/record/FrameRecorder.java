package dev.mantis.sim.record;

import dev.mantis.robot.dataset.EpisodeBuffer;
import dev.mantis.robot.safety.SafetyEvent;
import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.robot.spec.Observation;
import dev.mantis.robot.spec.ObservationSpec;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.StepRecorder;
import dev.mantis.sim.task.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the frames of one task's episodes into an {@link EpisodeBuffer}: before each step the
 * robot's observation, the objects' poses and the goal; after it the applied action, reward, end
 * and success. Actions are rounded to float32 (inside the robot's bounds) before they are
 * applied, so that the recorded action is exactly the applied one and replays bit for bit.
 * When the buffer has the safety features, each frame also records the safety layer's events of
 * its step, and the episode's events are kept for its episodes row. One per worker and task;
 * reusable across episodes.
 */
public final class FrameRecorder implements StepRecorder {

    private final TaskObservation view;
    private final EpisodeBuffer buffer;
    private final int[] observed;
    private final int goal;
    private final int action;
    private final int reward;
    private final int done;
    private final int success;
    private final int clamped;
    private final int event;
    private final List<SafetyEvent> episodeEvents = new ArrayList<>();
    private int stepClamped;
    private int stepEvent;
    private double[] goalState = new double[0];
    private double[] initialState = new double[0];

    /**
     * A recorder of {@code task}'s episodes into {@code buffer} (a buffer of
     * {@link TaskRecording#spec}: its object and goal widths are used).
     */
    public FrameRecorder(Task task, EpisodeBuffer buffer, ObservationSpec robot) {
        this.buffer = buffer;
        this.view = new TaskObservation(task, robot,
                buffer.features().get(buffer.indexOf(TaskRecording.ENVIRONMENT_STATE)).size() / 7,
                buffer.features().get(buffer.indexOf(TaskRecording.ENVIRONMENT_JOINTS)).size(),
                buffer.features().get(buffer.indexOf(TaskRecording.GOAL_STATE)).size());
        List<FeatureSpec> features = view.spec().features();
        this.observed = new int[features.size()];
        for (int i = 0; i < observed.length; i++) {
            observed[i] = buffer.indexOf(features.get(i).name());
        }
        this.goal = buffer.indexOf(TaskRecording.GOAL_STATE);
        this.action = buffer.indexOf(TaskRecording.ACTION);
        this.reward = buffer.indexOf(TaskRecording.REWARD);
        this.done = buffer.indexOf(TaskRecording.DONE);
        this.success = buffer.indexOf(TaskRecording.SUCCESS);
        boolean safety = buffer.features().stream().anyMatch(f -> f.name().equals(TaskRecording.SAFETY_EVENT));
        this.clamped = safety ? buffer.indexOf(TaskRecording.SAFETY_CLAMPED) : -1;
        this.event = safety ? buffer.indexOf(TaskRecording.SAFETY_EVENT) : -1;
    }

    /** The safety events of the current episode so far, oldest first. */
    public List<SafetyEvent> safetyEvents() {
        return List.copyOf(episodeEvents);
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
        begin(view.goal().get(TaskRecording.GOAL_STATE), TaskRecording.initialState(scene.snapshot()));
    }

    /**
     * Starts an episode observed from outside the simulator (e.g. over ROS): its goal state and
     * initial state vector (empty where unknown).
     */
    public void begin(double[] goalState, double[] initialState) {
        buffer.clear();
        episodeEvents.clear();
        this.initialState = initialState.clone();
        this.goalState = goalState.clone();
    }

    @Override
    public void before(Scene scene, int step) {
        before(view.observe(scene));
    }

    /** Records the observation {@code o} (in {@link #observationSpec()}) and the goal before a step. */
    public void before(Observation o) {
        for (int i = 0; i < observed.length; i++) {
            buffer.put(observed[i], o.get(o.spec().features().get(i).name()));
        }
        buffer.put(goal, goalState);
    }

    /** The task observation a frame records: the robot's features, the objects' poses and joints. */
    public ObservationSpec observationSpec() {
        return view.spec();
    }

    /** The view that pads a task's object and goal vectors to this recording's widths. */
    public TaskObservation view() {
        return view;
    }

    @Override
    public Action choose(Scene scene, Action proposed) {
        return float32(scene.robot(0).actionSpec().action(), proposed);
    }

    /** {@code proposed} with each element rounded to the nearest float32 inside {@code f}'s bounds. */
    public static Action float32(FeatureSpec f, Action proposed) {
        double[] v = new double[proposed.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.nearestFloat32(i, proposed.get(i));
        }
        return new Action(v);
    }

    @Override
    public void safety(List<SafetyEvent> events) {
        episodeEvents.addAll(events);
        stepClamped = 0;
        stepEvent = 0;
        for (SafetyEvent e : events) {
            if (!e.kind().isStop() && e.kind() != SafetyEvent.Kind.RATE_LIMIT) {
                stepClamped++;
            }
            stepEvent = Math.max(stepEvent, e.kind().code());
        }
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
        if (event >= 0) {
            buffer.put(clamped, stepClamped);
            buffer.put(event, stepEvent);
            stepClamped = 0;
            stepEvent = 0;
        }
        buffer.endFrame();
    }
}
