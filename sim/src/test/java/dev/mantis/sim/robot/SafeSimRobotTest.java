package dev.mantis.sim.robot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.safety.EStopLatch;
import dev.mantis.robot.safety.SafeRobot;
import dev.mantis.robot.safety.SafetyEvent;
import dev.mantis.robot.safety.SafetySettings;
import dev.mantis.robot.spec.Action;
import dev.mantis.sim.TestModels;
import dev.mantis.sim.articulation.DriveGains;
import dev.mantis.sim.physics.PhysicsSettings;
import dev.mantis.sim.scene.ResetNoise;
import dev.mantis.sim.scene.RobotPlacement;
import dev.mantis.sim.scene.SceneSpec;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.scene.TestScenes;
import dev.mantis.sim.task.EpisodeSafety;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The safety layer in front of a simulated arm: limits hold in the physics, the watchdog holds the arm. */
class SafeSimRobotTest {

    private final List<SafetyEvent> logged = new ArrayList<>();

    private static Scene scene(String controller) {
        Scene scene = Scene.build(TestScenes.armWithCube(controller, 0.05, 0.2, ResetNoise.NONE));
        scene.reset(0);
        return scene;
    }

    private static double[] command(SimRobot arm, double... armTargets) {
        double[] a = java.util.Arrays.copyOf(armTargets, armTargets.length + 1);
        a[armTargets.length] = 0.04;
        return a;
    }

    @Test
    void aJumpBeyondTheLimitIsClampedLoggedAndRampedAndTheJointStaysInsideTheMargin() {
        try (Scene scene = scene("pd_joint_pos")) {
            SimRobot arm = scene.robot(0);
            SafeRobot safe = EpisodeSafety.of(SafetySettings.DEFAULT, logged::add).wrap(scene).orElseThrow();
            safe.reset();
            double[] target = arm.restPositions();
            target[0] = 3.5; // URDF upper 2.8973, soft 2.8673, default margin 0.05: at most 2.8173
            double highest = -10;
            double fastest = 0;
            for (int i = 0; i < 60; i++) {
                safe.act(new Action(command(arm, target)));
                for (int s = 0; s < scene.spec().substeps(); s++) {
                    scene.stepPhysics();
                    highest = Math.max(highest, arm.articulation().position(arm.joints().armDof(0)));
                    fastest = Math.max(fastest, Math.abs(arm.articulation().velocity(arm.joints().armDof(0))));
                }
            }
            double q1 = arm.articulation().position(arm.joints().armDof(0));
            assertEquals(2.8173, q1, 0.005, "joint 1 settles at the soft limit minus the margin");
            assertTrue(highest < 2.8173 + 0.01, "joint 1 reached " + highest + ", into the margin");
            assertTrue(fastest < 2.175 * 1.1, "joint 1 moved at " + fastest + " rad/s, the URDF limit is 2.175");
            List<SafetyEvent> events = safe.takeEvents();
            assertTrue(events.stream().anyMatch(e -> e.kind() == SafetyEvent.Kind.ACCELERATION_LIMIT));
            assertTrue(events.stream().anyMatch(e -> e.kind() == SafetyEvent.Kind.VELOCITY_LIMIT));
            SafetyEvent last = events.get(events.size() - 1);
            assertEquals(SafetyEvent.Kind.POSITION_LIMIT, last.kind());
            assertEquals("panda_joint1", last.axis());
            assertEquals(3.5, last.commanded());
            assertEquals(2.8173, last.applied(), 1e-6);
            assertEquals(events, logged, "each event is logged as it happens");
        }
    }

    @Test
    void theWatchdogTripsOnStaleStateAndHoldsTheArm() {
        try (Scene scene = scene("pd_joint_pos")) {
            SimRobot arm = scene.robot(0);
            double[] clock = {0};
            SafeRobot safe = SafeRobot.of(arm, scene.spec().robots().get(0).model(), "panda_hand_tcp",
                    SafetySettings.DEFAULT, () -> clock[0], new EStopLatch(), logged::add);
            safe.reset();
            double[] target = arm.restPositions();
            for (int i = 0; i < 10; i++) { // joint 2 moving at 0.4 rad/s
                clock[0] = scene.time() + 0.05;
                target[1] += 0.02;
                safe.act(new Action(command(arm, target)));
                scene.step();
            }
            double[] atTrip = positions(arm);
            clock[0] = scene.time() + 0.2; // the state stalls: 0.15 s older than the command time
            target[1] += 0.02;
            safe.act(new Action(command(arm, target)));
            assertTrue(safe.stopped());
            double worst = 0;
            for (int i = 0; i < 40; i++) { // the policy keeps asking for motion
                scene.step();
                clock[0] = scene.time() + 0.05;
                target[1] += 0.02;
                target[0] += 0.05;
                safe.act(new Action(command(arm, target)));
                double[] q = positions(arm);
                for (int k = 0; k < q.length; k++) {
                    worst = Math.max(worst, Math.abs(q[k] - atTrip[k]));
                }
            }
            assertTrue(worst < 0.01, "the arm moved " + worst + " rad after the trip");
            List<SafetyEvent> events = safe.takeEvents();
            assertEquals(SafetyEvent.Kind.WATCHDOG, events.get(0).kind());
            assertTrue(events.get(0).reason().startsWith("watchdog tripped: state is 0.200 s old (limit 0.100 s)"),
                    events.get(0).reason());
            assertEquals(41, events.size(), "the trip, then one refusal per later command");
        }
    }

    @Test
    void aTrippedWatchdogHoldsTheEndEffectorUnderEndEffectorControl() {
        try (Scene scene = scene("pd_ee_delta_pose")) {
            SimRobot arm = scene.robot(0);
            double[] clock = {0};
            SafeRobot safe = SafeRobot.of(arm, scene.spec().robots().get(0).model(), "panda_hand_tcp",
                    SafetySettings.DEFAULT, () -> clock[0], new EStopLatch(), logged::add);
            safe.reset();
            Action down = new Action(0.01, 0, -0.01, 0, 0, 0.05, 0.04);
            for (int i = 0; i < 10; i++) {
                clock[0] = scene.time() + 0.05;
                safe.act(down);
                scene.step();
            }
            double[] atTrip = arm.eePose();
            clock[0] = scene.time() + 0.3;
            safe.act(down);
            double worst = 0;
            for (int i = 0; i < 40; i++) {
                scene.step();
                clock[0] = scene.time() + 0.05;
                safe.act(down);
                double[] T = arm.eePose();
                worst = Math.max(worst, Math.hypot(Math.hypot(T[9] - atTrip[9], T[10] - atTrip[10]),
                        T[11] - atTrip[11]));
            }
            assertTrue(worst < 0.005, "the end-effector moved " + worst + " m after the trip");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"panda", "ur5e", "allegro_right"})
    void everyBundledRobotHoldsItsRestPoseBehindTheDefaultLayerWithoutEvents(String id) {
        RobotPlacement placement = new RobotPlacement(id, TestModels.load(id), RobotProfile.bundled(id).orElseThrow(),
                TestScenes.ARM_BASE, "pd_joint_pos", DriveGains.DEFAULT);
        try (Scene scene = Scene.build(new SceneSpec(PhysicsSettings.DEFAULT, 20, true, List.of(placement), List.of(),
                ResetNoise.NONE))) {
            scene.reset(0);
            SimRobot robot = scene.robot(0);
            SafeRobot safe = EpisodeSafety.of(SafetySettings.DEFAULT, logged::add).wrap(scene).orElseThrow();
            safe.reset();
            double[] rest = robot.restPositions();
            Action hold = new Action(robot.joints().hasGripper() ? command(robot, rest) : rest);
            for (int i = 0; i < 20; i++) {
                assertEquals(hold, safe.act(hold));
                scene.step();
            }
            assertEquals(List.of(), logged, id + " at rest needs no clamps");
            double[] far = rest.clone();
            far[0] += 100;
            for (int i = 0; i < 100; i++) {
                safe.act(new Action(robot.joints().hasGripper() ? command(robot, far) : far));
                scene.step();
                assertTrue(robot.articulation().position(robot.joints().armDof(0))
                        <= safe.limits().upper(0) + 0.01, id + " joint 0 beyond its margin");
            }
            assertEquals(SafetyEvent.Kind.POSITION_LIMIT, logged.get(logged.size() - 1).kind());
        }
    }

    private static double[] positions(SimRobot arm) {
        double[] q = new double[arm.joints().armCount()];
        for (int k = 0; k < q.length; k++) {
            q[k] = arm.articulation().position(arm.joints().armDof(k));
        }
        return q;
    }
}
