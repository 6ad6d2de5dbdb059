package dev.mantis.robot.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.kinematics.KinematicTree;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.robot.spec.Action;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The safety layer around an ideal arm, on a manual clock. */
class SafeRobotTest {

    private final ManualClock clock = new ManualClock();
    private final List<SafetyEvent> logged = new ArrayList<>();

    /** The default settings without the acceleration limit. */
    private static final SafetySettings FAST = new SafetySettings(0.05, 1, 1e6, 1, 20, 2.5, Optional.empty(), 500,
            0.1, 0.25, SafetySettings.OnTrip.HOLD);

    private SafeRobot wrap(FakeArm arm, SafetySettings settings, EStop estop) {
        SafeRobot safe = SafeRobot.of(arm, FakeArm.PANDA, "panda_hand_tcp", settings, clock, estop, logged::add);
        safe.connect();
        return safe;
    }

    /** Steps the clock by {@code dt}, stamps the arm's state now, then commands {@code values}. */
    private Action step(SafeRobot safe, FakeArm arm, double dt, double... values) {
        clock.now += dt;
        arm.stamp = clock.now;
        return safe.act(new Action(values));
    }

    private static double[] withGripper(double[] arm, double width) {
        double[] a = Arrays.copyOf(arm, arm.length + 1);
        a[arm.length] = width;
        return a;
    }

    @Test
    void commandsWithinTheLimitsPassBitForBitWithoutEvents() {
        FakeArm arm = new FakeArm("pd_joint_pos");
        SafeRobot safe = wrap(arm, SafetySettings.DEFAULT, EStop.NONE);
        double[] target = FakeArm.REST.clone();
        target[0] += 0.001;
        Action command = new Action(withGripper(target, 0.03));
        clock.now += 0.05;
        arm.stamp = clock.now;
        assertSame(command, safe.act(command));
        assertSame(command, arm.forwarded.get(0));
        assertEquals(List.of(), safe.takeEvents());
    }

    @Test
    void aJumpBeyondTheLimitsIsClampedToTheMarginAndLogged() {
        FakeArm arm = new FakeArm("pd_joint_pos");
        SafeRobot safe = wrap(arm, SafetySettings.DEFAULT, EStop.NONE);
        double[] target = FakeArm.REST.clone();
        target[0] = 3.5; // URDF upper 2.8973, soft 2.8673, margin 0.05
        for (int i = 0; i < 200; i++) {
            step(safe, arm, 0.01, withGripper(target, 0.04));
            assertTrue(arm.q[0] <= 2.8173 + 1e-6, "joint 1 at " + arm.q[0] + " beyond the margin");
        }
        assertEquals(2.8173, arm.q[0], 1e-6, "joint 1 ends at the soft limit minus the margin");
        List<SafetyEvent> events = safe.takeEvents();
        SafetyEvent last = events.get(events.size() - 1);
        assertEquals(SafetyEvent.Kind.POSITION_LIMIT, last.kind());
        assertEquals("panda_joint1", last.axis());
        assertEquals(3.5, last.commanded());
        assertEquals(2.8173, last.applied(), 1e-6);
        assertTrue(last.toString().startsWith("safety t=2.000s position_limit panda_joint1 commanded 3.50000 applied "
                + "2.81730: target 3.5000 beyond the limit 2.8173 (with margin 0.050)"), last.toString());
        assertEquals(events, logged.subList(logged.size() - events.size(), logged.size()), "every event is logged");
    }

    @Test
    void aJumpRampsUnderTheVelocityAndAccelerationLimitsWithoutOvershoot() {
        FakeArm arm = new FakeArm("pd_joint_pos");
        SafeRobot safe = wrap(arm, SafetySettings.DEFAULT, EStop.NONE);
        double[] target = FakeArm.REST.clone();
        target[0] = 1.5;
        double dt = 0.01;
        double previous = 0;
        double speed = 0;
        double top = 0;
        int steps = 0;
        while (arm.q[0] != 1.5 && steps < 500) {
            step(safe, arm, dt, withGripper(target, 0.04));
            double v = (arm.q[0] - previous) / dt;
            assertTrue(v <= 2.175 + 1e-4, "speed " + v + " above the URDF limit");
            assertTrue(v - speed <= 10 * dt + 1e-4, "speed-up " + (v - speed) + " above the acceleration limit");
            assertTrue(arm.q[0] <= 1.5, "overshoot to " + arm.q[0]);
            top = Math.max(top, v);
            speed = v;
            previous = arm.q[0];
            steps++;
        }
        assertEquals(1.5, arm.q[0], 0, "reaches the target exactly");
        assertEquals(2.175, top, 1e-4, "cruises at the velocity limit");
        // 0.2175 s to reach full speed, 1.5 rad at 2.175 rad/s: about 0.8 s
        assertTrue(steps >= 75 && steps <= 85, steps + " steps");
        List<SafetyEvent.Kind> kinds = safe.takeEvents().stream().map(SafetyEvent::kind).distinct().toList();
        assertEquals(List.of(SafetyEvent.Kind.ACCELERATION_LIMIT, SafetyEvent.Kind.VELOCITY_LIMIT), kinds);
    }

    @Test
    void velocityCommandsRampAndStopAtTheMargin() {
        FakeArm arm = new FakeArm("pd_joint_vel");
        SafeRobot safe = wrap(arm, SafetySettings.DEFAULT, EStop.NONE);
        double[] v = new double[7];
        v[3] = 5; // joint 4 from -2.356 towards its upper limit -0.0698 (soft -0.0998, margin -0.1498)
        double speed = 0;
        for (int i = 0; i < 300; i++) {
            Action applied = step(safe, arm, arm.dt, withGripper(v, 0.04));
            assertTrue(applied.get(3) <= 2.175 + 1e-5, "speed " + applied.get(3));
            assertTrue(applied.get(3) - speed <= 10 * arm.dt + 1e-5, "speed-up " + (applied.get(3) - speed));
            speed = applied.get(3);
            assertTrue(arm.q[3] <= -0.1498 + 1e-6, "joint 4 at " + arm.q[3]);
        }
        assertEquals(-0.1498, arm.q[3], 1e-5);
    }

    @Test
    void commandsFasterThanTheRateLimitAreHeldAndDeltasMerged() {
        FakeArm arm = new FakeArm("pd_joint_delta_pos");
        SafetySettings at100Hz = new SafetySettings(0.05, 1, 1000, 1, 20, 2.5, Optional.empty(), 100, 0.1, 0.25,
                SafetySettings.OnTrip.HOLD);
        SafeRobot safe = wrap(arm, at100Hz, EStop.NONE);
        double[] delta = new double[7];
        delta[0] = 0.001f;
        step(safe, arm, 0.01, withGripper(delta, 0.04));
        for (int i = 0; i < 9; i++) { // 1 kHz for 9 ms: held
            Action applied = step(safe, arm, 0.001, withGripper(delta, 0.04));
            assertEquals(0, applied.get(0), "a held delta command applies no change");
        }
        assertEquals(1, arm.forwarded.size(), "held commands are not forwarded");
        step(safe, arm, 0.001, withGripper(delta, 0.04));
        assertEquals(2, arm.forwarded.size());
        assertEquals(10 * 0.001f, arm.forwarded.get(1).get(0), 1e-6, "the nine held deltas are merged into the next");
        assertEquals(0.011, arm.q[0], 1e-6);
        List<SafetyEvent> events = safe.takeEvents();
        assertEquals(9, events.size());
        assertTrue(events.stream().allMatch(e -> e.kind() == SafetyEvent.Kind.RATE_LIMIT));
        assertTrue(events.get(0).reason().startsWith("command 0.0010 s after the last forwarded one (minimum period "
                + "0.0100 s): held, merged into the next"), events.get(0).reason());
    }

    @Test
    void staleStateTripsTheWatchdogWhichHoldsTheLastFreshPositionUntilReset() {
        FakeArm arm = new FakeArm("pd_joint_pos");
        SafeRobot safe = wrap(arm, FAST, EStop.NONE);
        double[] target = FakeArm.REST.clone();
        target[0] = 0.01f;
        step(safe, arm, 0.01, withGripper(target, 0.04));
        step(safe, arm, 0.01, withGripper(target, 0.04));
        double fresh = arm.q[0];
        clock.now += 0.15; // the state stops arriving: arm.stamp stays behind
        target[0] = 0.02f;
        Action applied = safe.act(new Action(withGripper(target, 0.04)));
        assertEquals((float) fresh, applied.get(0), "holds the last target let through");
        assertTrue(safe.stopped());
        assertEquals("watchdog: state is 0.150 s old (limit 0.100 s)", safe.stopReason());
        for (int i = 0; i < 5; i++) {
            applied = step(safe, arm, 0.01, withGripper(target, 0.04));
            assertEquals((float) fresh, applied.get(0), "commands stay refused once fresh state returns");
        }
        List<SafetyEvent> events = safe.takeEvents();
        assertEquals(SafetyEvent.Kind.WATCHDOG, events.get(0).kind());
        assertEquals("watchdog tripped: state is 0.150 s old (limit 0.100 s); holding position until "
                + "reset", events.get(0).reason());
        assertEquals(6, events.size(), "the trip, then one refusal per later command");
        safe.reset();
        assertFalse(safe.stopped());
        applied = step(safe, arm, 0.01, withGripper(target, 0.04));
        assertEquals(0.02f, applied.get(0));
    }

    @Test
    void aLatePolicyStepTripsTheWatchdogAndPollTripsItWithoutACommand() {
        FakeArm arm = new FakeArm("pd_joint_vel");
        SafetySettings stop = new SafetySettings(0.05, 1, 10, 1, 20, 2.5, Optional.empty(), 500, 0.1, 0.25,
                SafetySettings.OnTrip.STOP);
        SafeRobot safe = wrap(arm, stop, EStop.NONE);
        double[] v = new double[7];
        v[0] = 0.05f;
        step(safe, arm, 0.01, withGripper(v, 0.04));
        clock.now += 0.2;
        arm.stamp = clock.now;
        assertFalse(safe.poll(), "0.2 s is within the step timeout");
        clock.now += 0.1;
        arm.stamp = clock.now;
        assertTrue(safe.poll(), "0.3 s without a command trips the watchdog");
        assertEquals(0, arm.forwarded.get(arm.forwarded.size() - 1).get(0), "the stop commands zero velocity");
        int sent = arm.forwarded.size();
        step(safe, arm, 0.01, withGripper(v, 0.04));
        assertEquals(sent, arm.forwarded.size(), "stop mode sends nothing after the stop command");
        assertTrue(safe.stopReason().startsWith("watchdog: policy step came 0.300 s after the previous one"),
                safe.stopReason());
    }

    @Test
    void theEStopRefusesCommandsUntilItIsReset() {
        FakeArm arm = new FakeArm("pd_joint_pos");
        EStopLatch estop = new EStopLatch();
        SafeRobot safe = wrap(arm, SafetySettings.DEFAULT, estop);
        double[] target = FakeArm.REST.clone();
        step(safe, arm, 0.01, withGripper(target, 0.04));
        estop.trip("operator button");
        estop.trip("second press");
        target[0] = 0.1f;
        for (int i = 0; i < 5; i++) {
            Action applied = step(safe, arm, 0.01, withGripper(target, 0.04));
            assertEquals(0, applied.get(0), "refused: holds where it was");
        }
        assertEquals(0, arm.q[0]);
        assertEquals("e-stop engaged (operator button)", safe.stopReason());
        List<SafetyEvent> events = safe.takeEvents();
        assertEquals(5, events.size());
        assertTrue(events.stream().allMatch(e -> e.kind() == SafetyEvent.Kind.ESTOP));
        assertEquals("e-stop engaged (operator button): commands refused until it is reset; holding "
                + "position", events.get(0).reason());
        estop.reset();
        Action applied = step(safe, arm, 0.01, withGripper(target, 0.04));
        assertFalse(safe.stopped());
        assertEquals(10 * 0.002 * 0.002, applied.get(0), 1e-9, "motion ramps up from rest after the reset");
        for (int i = 0; i < 30; i++) {
            applied = step(safe, arm, 0.01, withGripper(target, 0.04));
        }
        assertEquals(0.1f, applied.get(0), "commands pass again after the reset");
    }

    @Test
    void anEndEffectorDeltaLeavingTheBoxIsClampedToIt() {
        FakeArm arm = new FakeArm("pd_ee_delta_pose");
        KinematicTree tree = KinematicTree.of(FakeArm.PANDA);
        double[] q = tree.neutralConfiguration();
        for (int k = 0; k < 7; k++) {
            q[tree.variableIndex(FakeArm.JOINTS.get(k))] = FakeArm.REST[k];
        }
        double z = tree.linkPose(q, "panda_hand_tcp").translation().z();
        SafetySettings box = new SafetySettings(0.05, 1, 10, 1, 20, 2.5, Optional.of(new WorkspaceBox(
                new Vec3(-1, -1, z - 0.03), new Vec3(1, 1, 1))), 500, 0.1, 0.25, SafetySettings.OnTrip.HOLD);
        SafeRobot safe = wrap(arm, box, EStop.NONE);
        double total = 0;
        for (int i = 0; i < 6; i++) {
            Action applied = step(safe, arm, 0.05, 0, 0, -0.01f, 0, 0, 0, 0.04);
            total += applied.get(2);
        }
        assertEquals(-0.03, total, 1e-6, "the target stops at the floor of the box");
        List<SafetyEvent> events = safe.takeEvents();
        assertEquals(SafetyEvent.Kind.WORKSPACE, events.get(0).kind());
        assertEquals("ee.z", events.get(0).axis());
        assertEquals(z - 0.03, events.get(0).applied(), 1e-6);
        assertEquals(3, events.size(), "steps 4 to 6 would leave the box");
    }

    @Test
    void aJointCommandWhoseEndEffectorLeavesTheBoxIsCutAtTheBox() {
        FakeArm arm = new FakeArm("pd_joint_pos");
        KinematicTree tree = KinematicTree.of(FakeArm.PANDA);
        SafetySettings box = new SafetySettings(0.05, 1, 10, 1, 20, 2.5, Optional.of(new WorkspaceBox(
                new Vec3(-1, -1, 0.3), new Vec3(1, 1, 1))), 500, 0.1, 0.25, SafetySettings.OnTrip.HOLD);
        SafeRobot safe = wrap(arm, box, EStop.NONE);
        double[] target = FakeArm.REST.clone();
        target[1] = 0.8; // shoulder forward: the hand dives below z = 0.3
        for (int i = 0; i < 100; i++) {
            step(safe, arm, 0.01, withGripper(target, 0.04));
            double[] q = tree.neutralConfiguration();
            for (int k = 0; k < 7; k++) {
                q[tree.variableIndex(FakeArm.JOINTS.get(k))] = arm.q[k];
            }
            assertTrue(tree.linkPose(q, "panda_hand_tcp").translation().z() >= 0.3 - 1e-4, "step " + i);
        }
        assertTrue(arm.q[1] > -0.785 && arm.q[1] < 0.8, "moved part of the way: " + arm.q[1]);
        assertTrue(safe.takeEvents().stream().anyMatch(e -> e.kind() == SafetyEvent.Kind.WORKSPACE
                && e.axis().equals("ee.z")));
    }

    @Test
    void refusesUnknownControllersAndMarginsWiderThanAJoint() {
        FakeArm arm = new FakeArm("pd_joint_pos");
        SafetySettings wide = new SafetySettings(1.6, 1, 10, 1, 20, 2.5, Optional.empty(), 500, 0.1, 0.25,
                SafetySettings.OnTrip.HOLD);
        var e = assertThrows(IllegalArgumentException.class, () -> wrap(arm, wide, EStop.NONE));
        assertEquals("joint 'panda_joint4' range [-3.0418, -0.0998] is narrower than twice the safety position margin "
                + "1.6; use a smaller position_margin", e.getMessage());
    }
}
