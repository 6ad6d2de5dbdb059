package dev.mantis.sim.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.spec.Action;
import dev.mantis.sim.robot.SimRobot;
import dev.mantis.sim.scene.ResetNoise;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.scene.TestScenes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four controllers move the 7-DoF arm as their names promise. */
class ControllersTest {

    private static Scene scene(String controller) {
        return Scene.build(TestScenes.armWithCube(controller, 0.05, 0.2, ResetNoise.NONE));
    }

    @Test
    void eeDeltaPoseMovesTheEndEffectorAlongAStraightLine() {
        try (Scene scene = scene("pd_ee_delta_pose")) {
            SimRobot arm = scene.robot(0);
            double[] start = arm.eePose();
            double worstDeviation = 0;
            // 10 cm along base (1, 1, -1)/sqrt(3), 1 cm per 50 ms control step, sampled every physics step
            double ux = 1 / Math.sqrt(3);
            for (int i = 0; i < 10; i++) {
                arm.act(new Action(0.01 * ux, 0.01 * ux, -0.01 * ux, 0, 0, 0, 0.08));
                for (int s = 0; s < scene.spec().substeps(); s++) {
                    scene.stepPhysics();
                    worstDeviation = Math.max(worstDeviation, deviation(start, arm.eePose(), ux));
                }
            }
            for (int i = 0; i < 20; i++) {
                arm.act(new Action(0, 0, 0, 0, 0, 0, 0.08));
                scene.step();
                worstDeviation = Math.max(worstDeviation, deviation(start, arm.eePose(), ux));
            }
            double[] end = arm.eePose();
            double travelled = ((end[9] - start[9]) + (end[10] - start[10]) - (end[11] - start[11])) * ux;
            assertEquals(0.10, travelled, 0.002, "distance along the line");
            assertTrue(worstDeviation < 0.005, "largest distance from the line " + worstDeviation + " m");
        }
    }

    private static double deviation(double[] start, double[] now, double ux) {
        double dx = now[9] - start[9];
        double dy = now[10] - start[10];
        double dz = now[11] - start[11];
        double along = (dx + dy - dz) * ux;
        double px = dx - along * ux;
        double py = dy - along * ux;
        double pz = dz + along * ux;
        return Math.sqrt(px * px + py * py + pz * pz);
    }

    @Test
    void jointPositionActionsAreClampedToTheLimitsAndReturned() {
        try (Scene scene = scene("pd_joint_pos")) {
            SimRobot arm = scene.robot(0);
            assertEquals("pd_joint_pos", arm.actionSpec().controller());
            assertEquals(List.of("panda_joint1", "panda_joint2", "panda_joint3", "panda_joint4", "panda_joint5",
                    "panda_joint6", "panda_joint7", "gripper.width"), arm.actionSpec().action().names());
            Action applied = arm.act(new Action(9, 0, 0, -2.0, 0, 1.5, 0.7, 0.5));
            assertEquals(2.8973, applied.get(0), 1e-12, "joint 1 clamped to its upper limit");
            assertEquals(0.08, applied.get(7), 1e-12, "gripper clamped to its widest opening");
            for (int i = 0; i < 40; i++) {
                scene.step();
            }
            double[] q = arm.observe().get("observation.state");
            assertEquals(2.8973, q[0], 0.01);
            assertEquals(-2.0, q[3], 0.005);
            assertEquals(0.08, q[7], 0.002);
        }
    }

    @Test
    void deltaAndVelocityControllersMoveFromTheCurrentPosition() {
        try (Scene scene = scene("pd_joint_delta_pos")) {
            SimRobot arm = scene.robot(0);
            double q0 = arm.observe().get("observation.state")[0];
            Action applied = arm.act(new Action(0.5, 0, 0, 0, 0, 0, 0, 0.08));
            assertEquals(0.1, applied.get(0), 1e-12, "deltas are bounded to 0.1 rad per step");
            for (int i = 0; i < 20; i++) {
                scene.step();
            }
            assertEquals(q0 + 0.1, arm.observe().get("observation.state")[0], 0.005);
        }
        try (Scene scene = scene("pd_joint_vel")) {
            SimRobot arm = scene.robot(0);
            double q0 = arm.observe().get("observation.state")[0];
            for (int i = 0; i < 20; i++) { // 1 s at 0.3 rad/s
                arm.act(new Action(0.3, 0, 0, 0, 0, 0, 0, 0.08));
                scene.step();
            }
            assertEquals(q0 + 0.3, arm.observe().get("observation.state")[0], 0.02);
            assertEquals(0.3, arm.observe().get("observation.velocity")[0], 0.02);
            Action fast = arm.act(new Action(99, 0, 0, 0, 0, 0, 0, 0.08));
            assertEquals(2.175, fast.get(0), 1e-12, "clamped to the URDF velocity limit");
        }
    }

    @Test
    void unknownControllerNamesTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> scene("pd_magic"));
        assertEquals("unknown controller 'pd_magic'; use one of pd_joint_pos, pd_joint_delta_pos, pd_joint_vel, "
                + "pd_ee_delta_pose", e.getMessage());
    }

    @Test
    void observationSpecDescribesWhatObserveReturns() {
        try (Scene scene = scene("pd_joint_pos")) {
            SimRobot arm = scene.robot(0);
            var spec = arm.observationSpec();
            assertEquals(List.of("observation.state", "observation.velocity", "observation.effort",
                    "observation.ee_pose"), spec.features().stream().map(f -> f.name()).toList());
            var obs = arm.observe();
            assertEquals(8, obs.get("observation.state").length);
            double[] pose = obs.get("observation.ee_pose");
            double[] T = arm.eePose();
            assertArrayEquals(new double[] {T[9], T[10], T[11]}, java.util.Arrays.copyOf(pose, 3), 1e-12);
            double norm = Math.sqrt(pose[3] * pose[3] + pose[4] * pose[4] + pose[5] * pose[5] + pose[6] * pose[6]);
            assertEquals(1, norm, 1e-9);
        }
    }
}
