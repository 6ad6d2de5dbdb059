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
                + "gripper_joint, state_timeout, states, commands, estop", e.getMessage());
    }
}
