package dev.mantis.sim.task;

import dev.mantis.robot.kinematics.IkSettings;
import dev.mantis.robot.kinematics.InverseKinematics;
import dev.mantis.robot.kinematics.KinematicTree;
import dev.mantis.robot.kinematics.KinematicsWorkspace;
import dev.mantis.robot.spatial.Rotations;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.robot.RobotProfile;
import dev.mantis.sim.robot.SimRobot;
import dev.mantis.sim.scene.Scene;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configuration of a task's scene in which the current episode's goal holds: each object the
 * goal moves upright at its goal pose, at rest on what it should rest on (the table, the block
 * below, the bowl's floor, the pad or the disk below), other objects where they are; the robot at
 * its rest pose with the gripper fully open, except for reach (the end effector at the target)
 * and lift (the gripper round the lifted object, commanded closed: nothing else holds it up)
 * and articulate (the object's joint in the middle of its target range, the closed gripper at
 * the oracle's site there).
 *
 * <p>Yaw: an arrange goal's objects square to the world axes (its targets are laid out along
 * them, some a few millimetres apart); an into goal's object the fixture's yaw where the goal
 * bounds the yaw; every other object keeps its current yaw.
 *
 * @param T_world_objects the pose T_world_object of each object the goal moves, by name
 * @param armPositions the robot's arm joint positions, radians or metres
 * @param gripperWidth the gripper's opening, metres (infinite: fully open)
 * @param grasping whether the gripper is commanded closed on the object it holds (lift)
 * @param objectJoints joint positions of articulated objects the goal moves
 */
public record SolvedConfiguration(Map<String, Transform> T_world_objects, double[] armPositions,
        double gripperWidth, boolean grasping, List<ObjectJoint> objectJoints) {

    /** A joint of an articulated object at {@code position}, metres or radians. */
    public record ObjectJoint(String object, String joint, double position) {
    }

    /** A configuration that moves no articulated object. */
    public SolvedConfiguration(Map<String, Transform> T_world_objects, double[] armPositions, double gripperWidth,
            boolean grasping) {
        this(T_world_objects, armPositions, gripperWidth, grasping, List.of());
    }

    /**
     * How much narrower than the held object the gripper is set, metres: each finger 0.5 mm into
     * its face, so that Bullet finds both contacts in the first step (with the faces exactly
     * touching, it sometimes misses one and that finger shoots through the object).
     */
    static final double SQUEEZE = 0.001;

    public SolvedConfiguration {
        T_world_objects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(T_world_objects));
        armPositions = armPositions.clone();
        objectJoints = List.copyOf(objectJoints);
    }

    /** The robot's arm joint positions (a copy). */
    @Override
    public double[] armPositions() {
        return armPositions.clone();
    }

    /** The solved configuration of {@code task}'s current episode (after its reset) in {@code scene}. */
    public static SolvedConfiguration of(Task task, Scene scene) {
        TaskSpec spec = task.spec();
        Goal goal = spec.goal();
        double[] g = task.goalState();
        SimRobot robot = scene.robot(0);
        double[] rest = robot.restPositions();
        Map<String, Transform> T_world_objects = new LinkedHashMap<>();
        if (goal instanceof Goal.Articulate a) {
            // the joint mid-target (within its limits), the closed gripper at the site there
            var joint = spec.articulated(a.object()).model().joint(a.joint()).orElseThrow();
            double q = Math.max(joint.limits().lower(), Math.min(joint.limits().upper(),
                    (a.target()[0] + a.target()[1]) / 2));
            double yaw = Task.yaw(scene.articulatedPose(a.object()));
            double[] arm = arm(task, robot, ArticulateGoals.site(spec, a, scene, q), yaw);
            return new SolvedConfiguration(T_world_objects, arm, 0, false,
                    List.of(new ObjectJoint(a.object(), a.joint(), q)));
        }
        if (goal instanceof Goal.Reach) {
            return new SolvedConfiguration(T_world_objects, arm(task, robot, point(g, 0), 0), Task.OPEN, false);
        }
        if (goal instanceof Goal.Lift l) {
            Transform T_world_obj = upright(point(g, 0), currentYaw(scene, l.object()));
            T_world_objects.put(l.object(), T_world_obj);
            // the tool point at the object's centre, the fingers across its nearest faces, as the oracle grasps
            double[] arm = arm(task, robot, point(g, 0), Task.graspYaw(T_world_obj));
            return new SolvedConfiguration(T_world_objects, arm, 2 * spec.object(l.object()).halfWidth() - SQUEEZE,
                    true);
        }
        if (goal instanceof Goal.Place || goal instanceof Goal.Push || goal instanceof Goal.LiftOne) {
            // (lift one, with the hand: the object at its goal point, the hand at rest beside it)
            String name = task.movedObject();
            T_world_objects.put(name, upright(point(g, 0), currentYaw(scene, name)));
        } else if (goal instanceof Goal.Stack st) {
            Vec3 p_world_onto = scene.objectPose(st.onto()).translation();
            T_world_objects.put(st.object(), upright(new Vec3(p_world_onto.x(), p_world_onto.y(), g[2]),
                    currentYaw(scene, st.object())));
        } else if (goal instanceof Goal.Arrange a) {
            for (int i = 0; i < a.targets().size(); i++) {
                T_world_objects.put(a.targets().get(i).object(), upright(point(g, i), 0));
            }
        } else if (goal instanceof Goal.Hanoi h) {
            for (int i = 0; i < h.disks().size(); i++) {
                T_world_objects.put(h.disks().get(i), upright(point(g, i), currentYaw(scene, h.disks().get(i))));
            }
        } else {
            Goal.Into in = (Goal.Into) goal;
            String name = task.movedObject();
            double yaw = Double.isFinite(in.yawTolerance()) ? Task.yaw(scene.fixturePose(in.fixture()))
                    : currentYaw(scene, name);
            T_world_objects.put(name, upright(point(g, 0), yaw));
        }
        return new SolvedConfiguration(T_world_objects, rest, Double.POSITIVE_INFINITY, false);
    }

    /**
     * Puts {@code scene} in this configuration: moves the objects (at rest) and resets the robot
     * (drives holding it there; for a grasp, the gripper's target closed). Time does not advance.
     */
    public void apply(Scene scene) {
        T_world_objects.forEach(scene::setObjectPose);
        objectJoints.forEach(j -> scene.setObjectJoint(j.object(), j.joint(), j.position()));
        SimRobot robot = scene.robot(0);
        robot.resetTo(armPositions, gripperWidth);
        if (grasping && robot.joints().hasGripper()) {
            robot.drives().setTarget(robot.joints().gripperDof(), 0, 0);
            robot.drives().settleGrip();
        }
    }

    /** Point {@code i} of a goal state (x, y, z, world frame). */
    private static Vec3 point(double[] goal, int i) {
        return new Vec3(goal[3 * i], goal[3 * i + 1], goal[3 * i + 2]);
    }

    private static double currentYaw(Scene scene, String object) {
        return Task.yaw(scene.objectPose(object));
    }

    private static Transform upright(Vec3 p_world_obj, double yaw) {
        return Transform.fromXyzRpy(p_world_obj, new Vec3(0, 0, yaw));
    }

    /**
     * Arm joint positions that put the end effector at {@code p_world_ee}, turned by {@code yaw}
     * about the vertical from its rest orientation (as the oracles turn it), by inverse kinematics
     * from the rest pose (the best configuration found if the target is out of reach).
     */
    private static double[] arm(Task task, SimRobot robot, Vec3 p_world_ee, double yaw) {
        KinematicTree tree = robot.articulation().tree();
        String eeLink = RobotProfile.bundled(task.spec().robot()).orElseThrow().eeLink();
        double[] rest = robot.restPositions();
        int[] variableOfArm = new int[rest.length];
        double[] qRest = tree.neutralConfiguration();
        for (int k = 0; k < rest.length; k++) {
            variableOfArm[k] = robot.articulation().variableOfDof(robot.joints().armDof(k));
            qRest[variableOfArm[k]] = rest[k];
        }
        KinematicsWorkspace fk = tree.newWorkspace();
        tree.forward(qRest, fk);
        double[] T_base_rest = new double[12];
        fk.copyPose(tree.linkIndex(eeLink), T_base_rest, 0);
        double[] T_base_target = new double[12];
        double[] R_turn = new double[9];
        Rotations.axisAngle(0, 0, 1, yaw, R_turn, 0);
        Rotations.multiply(R_turn, 0, T_base_rest, 0, T_base_target, 0);
        Vec3 p_base_ee = robot.articulation().T_world_base().inverse().apply(p_world_ee);
        T_base_target[9] = p_base_ee.x();
        T_base_target[10] = p_base_ee.y();
        T_base_target[11] = p_base_ee.z();
        InverseKinematics ik = new InverseKinematics(tree, eeLink, IkSettings.DEFAULT);
        double[] q = new double[tree.dof()];
        ik.solve(T_base_target, qRest, qRest, ik.newWorkspace(), q);
        double[] arm = new double[rest.length];
        for (int k = 0; k < arm.length; k++) {
            arm[k] = q[variableOfArm[k]];
        }
        return arm;
    }
}
