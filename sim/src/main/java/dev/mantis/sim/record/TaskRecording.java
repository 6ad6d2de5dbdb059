package dev.mantis.sim.record;

import dev.mantis.robot.Robot;
import dev.mantis.robot.dataset.DatasetFeature;
import dev.mantis.robot.dataset.DatasetSpec;
import dev.mantis.robot.dataset.parquet.ParquetColumn;
import dev.mantis.robot.dataset.parquet.ParquetType;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What a recording of task episodes holds: the robot's observation features and action, the
 * objects' poses ({@code observation.environment_state}), the goal
 * ({@code observation.goal.state}), the step's reward, end and success, and Mantis's columns of
 * the episodes table.
 */
public final class TaskRecording {

    /** Object poses: per object x y z (m) and quaternion qx qy qz qw, world frame; zeros pad absent objects. */
    public static final String ENVIRONMENT_STATE = "observation.environment_state";
    /** Positions of the articulated objects' movable joints (m or rad), in task order; zeros pad. */
    public static final String ENVIRONMENT_JOINTS = "observation.environment_joints";
    /** The goal state: per target x y z (m), world frame; zeros pad. */
    public static final String GOAL_STATE = "observation.goal.state";
    /** The action applied (after clamping). */
    public static final String ACTION = "action";
    /** The reward after the step. */
    public static final String REWARD = "next.reward";
    /** Whether the episode ended with the step. */
    public static final String DONE = "next.done";
    /** Whether the task was solved after the step. */
    public static final String SUCCESS = "next.success";
    /** The seed the episode was reset with. */
    public static final String SEED = "mantis/seed";
    /** The task id. */
    public static final String TASK_ID = "mantis/task_id";
    /** The policy that acted ("oracle" or a model file name). */
    public static final String POLICY = "mantis/policy";
    /** Whether the episode succeeded. */
    public static final String EPISODE_SUCCESS = "mantis/success";
    /** Why it failed ("timeout", "diverged"), empty on success. */
    public static final String FAILURE = "mantis/failure";
    /** The episode's position in the run (task-major: task t, episode k is t * episodes + k). */
    public static final String RUN_EPISODE = "mantis/run_episode";
    /** The scene's full dynamic state after the task's reset (see {@link #initialState}). */
    public static final String INITIAL_STATE = "mantis/initial_state";
    /** With the safety layer on: how many of the step's command elements it clamped (int64). */
    public static final String SAFETY_CLAMPED = "safety.clamped";
    /**
     * With the safety layer on: the code of the step's most severe event (int64; 0 none, then
     * {@link dev.mantis.robot.safety.SafetyEvent.Kind#code()}: 1 position limit, 2 velocity, 3
     * acceleration, 4 workspace, 5 rate limit, 6 watchdog, 7 e-stop).
     */
    public static final String SAFETY_EVENT = "safety.event";
    /** With the safety layer on: the episode's number of safety events. */
    public static final String SAFETY_EVENTS = "mantis/safety_events";
    /** With the safety layer on: the episode's safety events, one line each (the first 100, then a count). */
    public static final String SAFETY_LOG = "mantis/safety_log";

    /** The episodes table's Mantis columns. */
    public static final List<ParquetColumn> EPISODE_COLUMNS = List.of(
            new ParquetColumn(SEED, ParquetType.INT64, false),
            new ParquetColumn(TASK_ID, ParquetType.STRING, false),
            new ParquetColumn(POLICY, ParquetType.STRING, false),
            new ParquetColumn(EPISODE_SUCCESS, ParquetType.BOOLEAN, false),
            new ParquetColumn(FAILURE, ParquetType.STRING, false),
            new ParquetColumn(RUN_EPISODE, ParquetType.INT64, false),
            new ParquetColumn(INITIAL_STATE, ParquetType.DOUBLE, true));

    private TaskRecording() {
    }

    /**
     * The dataset spec for recording episodes of {@code tasks} with {@code robot} (the robot of a
     * scene of the first task): one robot type and controller for all tasks, the widest object
     * and goal vectors among them.
     *
     * @throws IllegalArgumentException if the tasks use different robots or controllers
     */
    public static DatasetSpec spec(List<TaskSpec> tasks, Robot robot) {
        return spec(tasks, robot, false, RecordedCameras.NONE);
    }

    /**
     * {@link #spec(List, Robot)}; with {@code safety}, also the per-frame {@link #SAFETY_CLAMPED}
     * and {@link #SAFETY_EVENT} features and the {@link #SAFETY_EVENTS} and {@link #SAFETY_LOG}
     * episode columns.
     */
    public static DatasetSpec spec(List<TaskSpec> tasks, Robot robot, boolean safety) {
        return numericSpec(tasks, robot, safety);
    }

    /**
     * {@link #spec(List, Robot, boolean)} with the video features of {@code cameras}: dtype
     * video, shape [height, width, 3], info with the encoding (video.codec, video.pix_fmt,
     * video.fps, ...) and the first task's camera intrinsics and extrinsics (camera.fx, camera.fy,
     * camera.cx, camera.cy, camera.parent, camera.T_parent_camera).
     *
     * @throws IllegalArgumentException if a task lacks a camera, or the tasks' images differ in size
     */
    public static DatasetSpec spec(List<TaskSpec> tasks, Robot robot, boolean safety,
            RecordedCameras cameras) {
        DatasetSpec plain = numericSpec(tasks, robot, safety);
        if (!cameras.any()) {
            return plain;
        }
        List<List<dev.mantis.sim.render.CameraSpec>> perTask = new ArrayList<>();
        for (TaskSpec t : tasks) {
            perTask.add(cameras.of(new Task(t)));
        }
        List<dev.mantis.sim.render.CameraSpec> first = perTask.get(0);
        for (int k = 0; k < tasks.size(); k++) {
            for (int i = 0; i < first.size(); i++) {
                var a = first.get(i);
                var b = perTask.get(k).get(i);
                if (a.width() != b.width() || a.height() != b.height()) {
                    throw new IllegalArgumentException("camera '" + a.name() + "' gives " + a.width() + "x"
                            + a.height() + " images in task '" + tasks.get(0).id() + "' but " + b.width() + "x"
                            + b.height() + " in '" + tasks.get(k).id() + "'; give one --image-size");
                }
            }
        }
        List<DatasetFeature> features = new ArrayList<>(plain.features());
        int fps = (int) Task.CONTROL_HZ;
        for (String prefix : List.of(RecordedCameras.IMAGES, RecordedCameras.GOAL_IMAGES)) {
            for (var c : first) {
                java.util.Map<String, Object> info = new java.util.LinkedHashMap<>(cameras.settings().featureInfo(
                        c.width(), c.height(), fps));
                info.putAll(c.info());
                features.add(new DatasetFeature(prefix + c.name(), "video", List.of(c.height(), c.width(), 3),
                        List.of("height", "width", "channels"), info));
            }
        }
        return new DatasetSpec(plain.robotType(), plain.fps(), features, plain.episodeColumns());
    }

    private static DatasetSpec numericSpec(List<TaskSpec> tasks, Robot robot, boolean safety) {
        TaskSpec first = tasks.get(0);
        int objects = 0;
        int joints = 0;
        int goal = 0;
        for (TaskSpec t : tasks) {
            if (!t.robot().equals(first.robot()) || !t.controller().equals(first.controller())) {
                throw new IllegalArgumentException("tasks '" + first.id() + "' (" + first.robot() + ", "
                        + first.controller() + ") and '" + t.id() + "' (" + t.robot() + ", " + t.controller()
                        + ") use different robots or controllers; record them into separate datasets");
            }
            objects = Math.max(objects, t.objects().size());
            joints = Math.max(joints, TaskObservation.articulatedJoints(t).size());
            goal = Math.max(goal, t.goal().stateSize());
        }
        List<DatasetFeature> features = new ArrayList<>();
        for (FeatureSpec f : robot.observationSpec().features()) {
            features.add(DatasetFeature.of(f));
        }
        features.add(DatasetFeature.numeric(ENVIRONMENT_STATE, "float32", 7 * objects, objectNames(objects)));
        List<String> jointNames = new ArrayList<>();
        for (int i = 0; i < joints; i++) {
            jointNames.add("joint" + i);
        }
        features.add(DatasetFeature.numeric(ENVIRONMENT_JOINTS, "float32", joints, jointNames));
        features.add(DatasetFeature.numeric(GOAL_STATE, "float32", goal, goalNames(goal / 3)));
        FeatureSpec action = robot.actionSpec().action();
        features.add(new DatasetFeature(ACTION, "float32", action.shape(), action.names(), null));
        features.add(DatasetFeature.numeric(REWARD, "float32", 1, List.of()));
        features.add(DatasetFeature.numeric(DONE, "bool", 1, List.of()));
        features.add(DatasetFeature.numeric(SUCCESS, "bool", 1, List.of()));
        List<ParquetColumn> columns = new ArrayList<>(EPISODE_COLUMNS);
        if (safety) {
            features.add(DatasetFeature.numeric(SAFETY_CLAMPED, "int64", 1, List.of()));
            features.add(DatasetFeature.numeric(SAFETY_EVENT, "int64", 1, List.of()));
            columns.add(new ParquetColumn(SAFETY_EVENTS, ParquetType.INT64, false));
            columns.add(new ParquetColumn(SAFETY_LOG, ParquetType.STRING, false));
        }
        return new DatasetSpec(first.robot(), (int) Task.CONTROL_HZ, features, columns);
    }

    /**
     * {@link #spec(List, Robot, boolean)} with the robot of a scene of the first task, built for
     * the purpose and closed.
     */
    public static DatasetSpec spec(List<TaskSpec> tasks, boolean safety) {
        try (Scene scene = Scene.build(new Task(tasks.get(0)).sceneSpec())) {
            return spec(tasks, scene.robot(0), safety);
        }
    }

    private static List<String> objectNames(int objects) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < objects; i++) {
            for (String axis : List.of("x", "y", "z", "qx", "qy", "qz", "qw")) {
                names.add("object" + i + "." + axis);
            }
        }
        return names;
    }

    private static List<String> goalNames(int targets) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < targets; i++) {
            for (String axis : List.of("x", "y", "z")) {
                names.add("target" + i + "." + axis);
            }
        }
        return names;
    }

    /**
     * A scene state as one vector: time, then per robot its joint positions, velocities and drive
     * targets, then per object its 13 numbers, then per fixture its 7, then per articulated object
     * its base pose (12) and joint positions and velocities (see {@link dev.mantis.sim.scene.SceneState}).
     */
    public static double[] initialState(dev.mantis.sim.scene.SceneState s) {
        List<double[]> parts = new ArrayList<>();
        parts.add(new double[] {s.time()});
        for (int r = 0; r < s.robotPositions().length; r++) {
            parts.add(s.robotPositions()[r]);
            parts.add(s.robotVelocities()[r]);
            parts.add(s.robotTargets()[r]);
        }
        parts.addAll(List.of(s.objects()));
        parts.addAll(List.of(s.fixtures()));
        parts.addAll(List.of(s.articulated()));
        int n = parts.stream().mapToInt(p -> p.length).sum();
        double[] out = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
