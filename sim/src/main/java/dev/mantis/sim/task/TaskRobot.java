package dev.mantis.sim.task;

import dev.mantis.assets.BundledRobots;
import dev.mantis.robot.model.ModelMount;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.robot.urdf.MeshResolver;
import dev.mantis.robot.urdf.UrdfLoader;
import dev.mantis.sim.physics.PhysicsSettings;
import dev.mantis.sim.robot.RobotProfile;
import java.util.List;

/**
 * The robot a task names, as the task's scene places it: its model, profile, where its base
 * stands on the table and the physics rate its contacts need. {@code panda}, {@code ur5e} and
 * {@code allegro_right} are the bundled URDFs; {@code ur5e_allegro} is the 16-DoF hand mounted on
 * the UR5e's flange (22 joints, {@code pd_joint_pos}).
 *
 * @param id the robot id of the task spec
 * @param model kinematics and dynamics
 * @param profile end-effector link, gripper and rest configuration
 * @param T_world_base the base's pose in the world
 * @param physics physics rate and solver settings
 */
public record TaskRobot(String id, RobotModel model, RobotProfile profile, Transform T_world_base,
        PhysicsSettings physics) {

    /** Where the arm with the hand stands: behind the table's centre, its base turned to face +x. */
    public static final Transform HAND_ARM_BASE = Transform.fromXyzRpy(new Vec3(-0.55, 0, 0), new Vec3(0, 0, Math.PI));
    /**
     * Physics rate for the hand, Hz: at 480 Hz finger-object contacts make the fingers jump (an MCP
     * joint moved 1.3 rad within one 50 ms control step) and grasps hold far less often.
     */
    public static final double HAND_PHYSICS_HZ = 960;

    /**
     * The robot with this id.
     *
     * @param source the task file, for the error message
     * @throws IllegalArgumentException if Mantis bundles no robot with a profile of this id
     */
    public static TaskRobot bundled(String id, String source) {
        RobotProfile profile = RobotProfile.bundled(id).orElseThrow(() -> new IllegalArgumentException(source
                + ": robot '" + id + "' is not a bundled robot; use panda or ur5e_allegro"));
        if (id.equals("ur5e_allegro")) {
            RobotModel model = ModelMount.mount(id, load("ur5e"), "tool0", load("allegro_right"), Transform.IDENTITY);
            return new TaskRobot(id, model, profile, HAND_ARM_BASE, PhysicsSettings.DEFAULT.withPhysicsHz(HAND_PHYSICS_HZ));
        }
        return new TaskRobot(id, load(id), profile, Task.ROBOT_BASE, PhysicsSettings.DEFAULT);
    }

    /**
     * A robot from a URDF model Mantis does not bundle, on the table like the bundled arms: its
     * end-effector link, optional gripper, rest at the neutral configuration (zeros, clamped into
     * the limits).
     */
    public static TaskRobot of(RobotModel model, String eeLink, java.util.Optional<String> gripperJoint) {
        java.util.List<Double> rest = new java.util.ArrayList<>();
        for (String joint : dev.mantis.robot.model.ArmJoints.of(model, gripperJoint).arm()) {
            var limits = model.joint(joint).orElseThrow().limits();
            rest.add(Math.max(limits.lower(), Math.min(limits.upper(), 0.0)));
        }
        return new TaskRobot(model.name(), model, new RobotProfile(eeLink, gripperJoint, rest), Task.ROBOT_BASE,
                PhysicsSettings.DEFAULT);
    }

    private static RobotModel load(String id) {
        return new UrdfLoader(new MeshResolver(List.of())).load(BundledRobots.find(id).orElseThrow().url());
    }

    /** Whether the robot is the hand on the arm (no parallel gripper: fingers grasp). */
    public boolean hand() {
        return profile.gripperJoint().isEmpty() && !profile.gripJoints().isEmpty();
    }
}
