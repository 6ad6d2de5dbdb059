package dev.mantis.launch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mantis.launch.ros.ProfileSource;
import dev.mantis.launch.task.TaskSource;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.Roscore;
import dev.mantis.robot.ros.driver.RosProfile;
import dev.mantis.robot.ros.driver.RosRobot;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskRobot;
import dev.mantis.sim.task.TaskSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A robot over ROS observes and accepts exactly what the simulated robot of its task does. */
class RosRobotSpecTest {

    @Test
    void specsMatchTheSimulatedRobotsForTheArmAndTheHand() throws Exception {
        Roscore core = Roscore.shared();
        try (RosNode node = RosNode.start(core.nodeConfig("spec_check"))) {
            for (String[] c : new String[][] {{"franka", "pick_place"}, {"ur5e_allegro", "hand_lift"}}) {
                RosProfile profile = ProfileSource.profile(c[0]);
                TaskSpec spec = TaskSource.task(c[1]);
                TaskRobot robot = ProfileSource.robot(profile, Optional.empty());
                try (Scene scene = Scene.build(new Task(spec).sceneSpec());
                        RosRobot ros = new RosRobot(node, profile, robot.model(), robot.profile().eeLink(),
                                robot.profile().gripperJoint(), spec.controller(), Task.CONTROL_HZ)) {
                    assertEquals(scene.robot(0).observationSpec(), ros.observationSpec(), c[0]);
                    assertEquals(scene.robot(0).actionSpec(), ros.actionSpec(), c[0]);
                    assertEquals(scene.robot(0).robotType(), ros.robotType(), c[0]);
                }
            }
        }
    }
}
