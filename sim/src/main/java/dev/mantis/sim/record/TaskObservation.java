package dev.mantis.sim.record;

import dev.mantis.robot.spatial.Rotations;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.robot.spec.Observation;
import dev.mantis.robot.spec.ObservationSpec;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.scene.SceneState;
import dev.mantis.sim.scene.StepStatus;
import dev.mantis.sim.task.SolvedConfiguration;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a policy (or a recording) sees of a task episode: the robot's observation features plus
 * {@code observation.environment_state} (each object's position and quaternion, world frame,
 * zero-padded to a fixed number of object slots), and the goal as its own observation
 * ({@code observation.goal.state}: the goal's target points, zero-padded), or as an observation
 * in the normal spec ({@link #goalObservation}: the scene in a solved configuration).
 */
public final class TaskObservation {

    private final Task task;
    private final ObservationSpec spec;
    private final ObservationSpec goalSpec;
    private final int robotFeatures;
    private final double[] objects;
    private final double[] joints;
    private final List<String[]> jointNames;
    private final double[] goalState;
    private final double[] quaternion = new double[4];

    /**
     * The view of {@code task} with {@code robot}'s features, {@code objectSlots} objects,
     * {@code jointSlots} articulated joints and a goal of {@code goalSize} numbers (at least the
     * task's own counts; more for a suite's common width).
     */
    public TaskObservation(Task task, ObservationSpec robot, int objectSlots, int jointSlots, int goalSize) {
        this.jointNames = articulatedJoints(task.spec());
        if (objectSlots < task.spec().objects().size() || goalSize < task.spec().goal().stateSize()
                || jointSlots < jointNames.size()) {
            throw new IllegalArgumentException("task '" + task.spec().id() + "' needs " + task.spec().objects().size()
                    + " object slots, " + jointNames.size() + " joint slots and a goal of "
                    + task.spec().goal().stateSize() + ", got " + objectSlots + ", " + jointSlots + " and " + goalSize);
        }
        this.task = task;
        this.robotFeatures = robot.features().size();
        List<FeatureSpec> features = new ArrayList<>(robot.features());
        features.add(FeatureSpec.vector(TaskRecording.ENVIRONMENT_STATE, names(objectSlots, "object",
                List.of("x", "y", "z", "qx", "qy", "qz", "qw")), "m; quaternion xyzw (world frame)"));
        List<String> jointLabels = new ArrayList<>();
        for (int i = 0; i < jointSlots; i++) {
            jointLabels.add("joint" + i);
        }
        features.add(FeatureSpec.vector(TaskRecording.ENVIRONMENT_JOINTS, jointLabels, "m or rad"));
        this.spec = new ObservationSpec(features);
        this.goalSpec = new ObservationSpec(List.of(FeatureSpec.vector(TaskRecording.GOAL_STATE,
                names(goalSize / 3, "target", List.of("x", "y", "z")), "m (world frame)")));
        this.objects = new double[7 * objectSlots];
        this.joints = new double[jointSlots];
        this.goalState = new double[goalSize];
    }

    /** The view with exactly the task's own object, joint and goal counts. */
    public TaskObservation(Task task, ObservationSpec robot) {
        this(task, robot, task.spec().objects().size(), articulatedJoints(task.spec()).size(),
                task.spec().goal().stateSize());
    }

    /** The (object, joint) names of the movable joints of a task's articulated objects, in order. */
    public static List<String[]> articulatedJoints(dev.mantis.sim.task.TaskSpec spec) {
        List<String[]> out = new ArrayList<>();
        for (var a : spec.articulated()) {
            for (var j : a.model().joints()) {
                if (j.type() != dev.mantis.robot.model.JointType.FIXED && !j.isMimic()) {
                    out.add(new String[] {a.name(), j.name()});
                }
            }
        }
        return out;
    }

    private static List<String> names(int slots, String prefix, List<String> axes) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            for (String a : axes) {
                out.add(prefix + i + "." + a);
            }
        }
        return out;
    }

    /** Robot features, then observation.environment_state and observation.environment_joints. */
    public ObservationSpec spec() {
        return spec;
    }

    /** observation.goal.state alone. */
    public ObservationSpec goalSpec() {
        return goalSpec;
    }

    /** The observation now: the robot's, then the objects' poses. */
    public Observation observe(Scene scene) {
        return observe(scene.robot(0).observe(), scene);
    }

    /**
     * The goal as an observation in {@link #spec()}: what {@link #observe} would return with the
     * scene in the current episode's {@link SolvedConfiguration} (valid after the task's reset).
     * The scene is snapshotted, the objects the goal moves are set at their goal poses, the
     * objects observed, and the snapshot restored; the robot's features are those of its solved
     * configuration ({@link dev.mantis.sim.robot.SimRobot#observeAt}, bit for bit what it would
     * observe there) without moving it, since Bullet's joint API could restore its joints only
     * to float precision. The episode then continues bit-identically, as if this had not been
     * called. The timestamp is the scene's time.
     *
     * @throws IllegalStateException if the scene has diverged
     */
    public Observation goalObservation(Scene scene) {
        if (scene.status() != StepStatus.OK) {
            throw new IllegalStateException("no goal observation of a diverged scene: " + scene.divergence());
        }
        SolvedConfiguration solved = SolvedConfiguration.of(task, scene);
        Observation robot = scene.robot(0).observeAt(solved.armPositions(), solved.gripperWidth());
        SceneState saved = scene.snapshot();
        try {
            solved.T_world_objects().forEach(scene::setObjectPose);
            Observation goal = observe(robot, scene);
            // articulated joints are not moved (Bullet keeps joint positions as floats, so moving
            // and restoring one would not be exact): their solved positions are written in, as
            // the scene would report them (float precision)
            for (SolvedConfiguration.ObjectJoint j : solved.objectJoints()) {
                for (int i = 0; i < jointNames.size(); i++) {
                    if (jointNames.get(i)[0].equals(j.object()) && jointNames.get(i)[1].equals(j.joint())) {
                        joints[i] = (float) j.position();
                    }
                }
            }
            return observe(goal, joints);
        } finally {
            scene.restore(saved);
        }
    }

    /** {@code observation} with its environment_joints replaced by {@code jointValues}. */
    private Observation observe(Observation observation, double[] jointValues) {
        double[][] values = new double[robotFeatures + 2][];
        for (int i = 0; i < robotFeatures + 1; i++) {
            values[i] = observation.get(spec.features().get(i).name());
        }
        values[robotFeatures + 1] = jointValues;
        return new Observation(spec, observation.timestamp(), values);
    }

    /** The robot's observation {@code robot}, then the objects' poses in {@code scene}. */
    private Observation observe(Observation robot, Scene scene) {
        double[][] values = new double[robotFeatures + 2][];
        for (int i = 0; i < robotFeatures; i++) {
            values[i] = robot.get(robot.spec().features().get(i).name());
        }
        Arrays.fill(objects, 0);
        List<TaskObject> list = task.spec().objects();
        for (int i = 0; i < list.size(); i++) {
            Transform T_world_object = scene.objectPose(list.get(i).name());
            objects[7 * i] = T_world_object.translation().x();
            objects[7 * i + 1] = T_world_object.translation().y();
            objects[7 * i + 2] = T_world_object.translation().z();
            Rotations.toQuaternion(T_world_object.rotationRowMajor(), 0, quaternion);
            System.arraycopy(quaternion, 0, objects, 7 * i + 3, 4);
        }
        values[robotFeatures] = objects;
        Arrays.fill(joints, 0);
        for (int i = 0; i < jointNames.size(); i++) {
            joints[i] = scene.objectJoint(jointNames.get(i)[0], jointNames.get(i)[1]);
        }
        values[robotFeatures + 1] = joints;
        return new Observation(spec, robot.timestamp(), values);
    }

    /**
     * The observation of a robot observed from outside the simulator: {@code robot} (in the robot
     * spec this view was made with), then object poses {@code environmentState} (7 per object)
     * and articulated joint positions {@code environmentJoints}, each zero-padded to this view's
     * widths.
     *
     * @throws IllegalArgumentException if a vector is wider than this view's
     */
    public Observation observe(Observation robot, double[] environmentState, double[] environmentJoints) {
        if (environmentState.length > objects.length || environmentJoints.length > joints.length) {
            throw new IllegalArgumentException("environment state of " + environmentState.length + " and joints of "
                    + environmentJoints.length + " values do not fit task '" + task.spec().id() + "' ("
                    + objects.length + " and " + joints.length + ")");
        }
        double[][] values = new double[robotFeatures + 2][];
        for (int i = 0; i < robotFeatures; i++) {
            values[i] = robot.get(robot.spec().features().get(i).name());
        }
        values[robotFeatures] = java.util.Arrays.copyOf(environmentState, objects.length);
        values[robotFeatures + 1] = java.util.Arrays.copyOf(environmentJoints, joints.length);
        return new Observation(spec, robot.timestamp(), values);
    }

    /** A goal observation ({@link #goalSpec()}) of the target points {@code goalState}, zero-padded. */
    public Observation goal(double[] goalState) {
        if (goalState.length > this.goalState.length) {
            throw new IllegalArgumentException("a goal of " + goalState.length + " values does not fit task '"
                    + task.spec().id() + "' (" + this.goalState.length + ")");
        }
        return new Observation(goalSpec, 0, new double[][] {java.util.Arrays.copyOf(goalState, this.goalState.length)});
    }

    /** The current episode's goal (valid after the task's reset). */
    public Observation goal() {
        Arrays.fill(goalState, 0);
        double[] g = task.goalState();
        System.arraycopy(g, 0, goalState, 0, g.length);
        return new Observation(goalSpec, 0, new double[][] {goalState});
    }
}
