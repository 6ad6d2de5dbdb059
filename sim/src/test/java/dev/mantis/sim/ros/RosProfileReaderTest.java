package dev.mantis.sim.ros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mantis.assets.BundledProfiles;
import dev.mantis.robot.model.ArmJoints;
import dev.mantis.robot.ros.driver.CommandType;
import dev.mantis.robot.ros.driver.RosProfile;
import dev.mantis.sim.task.TaskRobot;
import dev.mantis.sim.task.TaskSpecException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosProfileReaderTest {

    private static final String UR = """
            profile: ur
            robot: ur5e
            states:
              - topic: /joint_states
                joints: [a, b]
            commands:
              - topic: /joint_group_pos_controller/command
                type: std_msgs/Float64MultiArray
                joints: [a, b]
            """;

    @Test
    void everyBundledProfileReadsAndCoversItsRobotsJoints() {
        assertEquals(List.of("franka", "ur5e", "xarm7", "allegro", "leap", "ur5e_allegro"), BundledProfiles.names());
        for (String name : BundledProfiles.names()) {
            RosProfile p = RosProfileReader.read(BundledProfiles.yaml(name).orElseThrow(), name);
            assertEquals(name, p.name());
            if (p.robot().equals(RosProfile.URDF)) {
                assertEquals(true, p.eeLink().isPresent(), name);
                continue;
            }
            TaskRobot robot = TaskRobot.bundled(p.robot(), name);
            ArmJoints groups = ArmJoints.of(robot.model(), robot.profile().gripperJoint());
            List<String> controlled = new ArrayList<>(groups.arm());
            groups.gripper().ifPresent(controlled::add);
            for (String joint : controlled) {
                assertEquals(true, p.stateJoints().contains(joint), name + " observes " + joint);
                assertEquals(true, p.commandJoints().contains(joint), name + " commands " + joint);
            }
        }
    }

    @Test
    void theFrankaProfileSpeaksFrankaRos() {
        RosProfile p = RosProfileReader.read(BundledProfiles.yaml("franka").orElseThrow(), "franka");
        assertEquals(CommandType.JOINT_TRAJECTORY, p.commands().get(0).type());
        assertEquals("/position_joint_trajectory_controller/command", p.commands().get(0).topic());
        assertEquals(CommandType.FRANKA_GRASP, p.commands().get(1).type());
        assertEquals(true, p.commands().get(1).onChange());
        assertEquals(20.0, p.commands().get(1).force());
        assertEquals(0.1, p.stateTimeout());
        assertEquals("/mantis/estop", p.estopTopic());
    }

    @Test
    void mistakesAreOneLineNamingFileLineAndKey() {
        TaskSpecException e = assertThrows(TaskSpecException.class,
                () -> RosProfileReader.read(UR.replace("std_msgs/Float64MultiArray", "std_msgs/Float32"), "ur.yaml"));
        assertEquals("ur.yaml:8: commands[0].type: unknown command type 'std_msgs/Float32'; use one of "
                + "trajectory_msgs/JointTrajectory, std_msgs/Float64MultiArray, sensor_msgs/JointState, "
                + "franka_gripper/GraspActionGoal", e.getMessage());
        e = assertThrows(TaskSpecException.class, () -> RosProfileReader.read(UR.replace("profile: ur\n", ""), "ur.yaml"));
        assertEquals("ur.yaml:1: missing 'profile'", e.getMessage());
        e = assertThrows(TaskSpecException.class,
                () -> RosProfileReader.read(UR.replace("topic: /joint_states", "topic: joint states"), "ur.yaml"));
        assertEquals("ur.yaml:4: states[0].topic: 'joint states' is not a ROS topic name", e.getMessage());
        e = assertThrows(TaskSpecException.class,
                () -> RosProfileReader.read(UR.replace("robot: ur5e", "robot: urdf"), "ur.yaml"));
        assertEquals("ur.yaml:1: a profile for a robot given by --urdf needs ee_link: the end-effector link",
                e.getMessage());
        e = assertThrows(TaskSpecException.class, () -> RosProfileReader.read(UR + "rate: 5\n", "ur.yaml"));
        assertEquals("ur.yaml:10: unknown key 'rate'; expected one of profile, description, robot, ee_link, "
                + "gripper_joint, state_timeout, states, commands, estop, reset", e.getMessage());
    }

    @Test
    void aResetRoutineIsMovesOfCommandedJoints() {
        RosProfile p = RosProfileReader.read(UR + """
                reset:
                  - seconds: 0.5
                    joints: {b: 0.25}
                  - seconds: 2
                    joints: {a: -1.5, b: 0}
                  - seconds: 1
                    lift: 0.1
                """, "ur.yaml");
        assertEquals(3, p.reset().size());
        assertEquals(0.1, p.reset().get(2).lift());
        assertEquals(java.util.Map.of(), p.reset().get(2).joints());
        assertEquals(java.util.Map.of("b", 0.25), p.reset().get(0).joints());
        assertEquals(List.of("a", "b"), List.copyOf(p.reset().get(1).joints().keySet()));
        assertEquals(-1.5, p.reset().get(1).joints().get("a"));
        assertEquals(2.0, p.reset().get(1).seconds());
        assertEquals(List.of(), RosProfileReader.read(UR, "ur.yaml").reset());
        TaskSpecException e = assertThrows(TaskSpecException.class, () -> RosProfileReader.read(UR + """
                reset:
                  - seconds: 1
                    joints: {c: 0.1}
                """, "ur.yaml"));
        assertEquals("ur.yaml:12: unknown key 'reset[0].joints.c'; expected one of a, b", e.getMessage());
        e = assertThrows(TaskSpecException.class, () -> RosProfileReader.read(UR + """
                reset:
                  - seconds: 0
                    joints: {a: 0.1}
                """, "ur.yaml"));
        assertEquals("ur.yaml:11: reset[0].seconds: a reset move takes > 0 seconds", e.getMessage());
        e = assertThrows(TaskSpecException.class, () -> RosProfileReader.read(UR + """
                reset:
                  - seconds: 1
                    lift: 0.1
                    joints: {a: 0.1}
                """, "ur.yaml"));
        assertEquals("ur.yaml:11: reset[0]: a reset move gives either 'joints' (targets) or 'lift' (metres up)",
                e.getMessage());
    }

    @Test
    void theArmAndHandProfilesResetToTheSimulatorsRest() {
        for (String name : List.of("franka", "ur5e", "allegro", "ur5e_allegro")) {
            RosProfile p = RosProfileReader.read(BundledProfiles.yaml(name).orElseThrow(), name);
            TaskRobot robot = TaskRobot.bundled(p.robot(), name);
            List<String> arm = ArmJoints.of(robot.model(), robot.profile().gripperJoint()).arm();
            java.util.Map<String, Double> last = new java.util.HashMap<>();
            p.reset().forEach(m -> last.putAll(m.joints()));
            for (int i = 0; i < arm.size(); i++) {
                assertEquals(robot.profile().rest().get(i), last.get(arm.get(i)), 1e-9, name + " " + arm.get(i));
            }
        }
    }
}
