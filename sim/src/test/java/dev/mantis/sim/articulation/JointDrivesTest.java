package dev.mantis.sim.articulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.kinematics.KinematicTree;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.TestModels;
import dev.mantis.sim.physics.PhysicsSettings;
import dev.mantis.sim.physics.PhysicsWorld;
import org.junit.jupiter.api.Test;

/** The joint drives hold the 7-DoF arm under gravity and track steps. */
class JointDrivesTest {

    private static final double[] Q_HOLD = {0, -0.3, 0, -2.2, 0, 2.0, 0.785, 0.04, 0.04};

    @Test
    void armHoldsAMidWorkspacePoseUnderGravity() {
        try (PhysicsWorld world = new PhysicsWorld(PhysicsSettings.DEFAULT)) {
            Rig rig = new Rig(world);
            Vec3 start = rig.tcp();
            double worst = 0;
            for (int step = 0; step < 10 * 240; step++) {
                rig.drives.apply(world.settings().dt());
                world.step();
                worst = Math.max(worst, distance(rig.tcp(), start));
            }
            assertTrue(worst < 1e-3, "end-effector drift over 10 s: " + worst + " m");
        }
    }

    @Test
    void jointStepIsTrackedWithoutOvershoot() {
        try (PhysicsWorld world = new PhysicsWorld(PhysicsSettings.DEFAULT)) {
            Rig rig = new Rig(world);
            int joint = 3;
            double target = Q_HOLD[joint] + 0.3;
            rig.drives.setTarget(joint, target, 0);
            double settled = -1;
            double overshoot = 0;
            for (int step = 1; step <= 240; step++) {
                rig.drives.apply(world.settings().dt());
                world.step();
                double q = rig.arm.position(joint);
                overshoot = Math.max(overshoot, (q - target) / 0.3);
                if (Math.abs(q - target) > 0.005) {
                    settled = -1;
                } else if (settled < 0) {
                    settled = step / 240.0;
                }
            }
            assertTrue(settled > 0 && settled < 0.5, "settled within 0.005 rad after " + settled + " s");
            assertTrue(overshoot < 0.05, "overshoot " + overshoot * 100 + " %");
        }
    }

    @Test
    void jointCommandedBeyondItsLimitStaysWithinIt() {
        try (PhysicsWorld world = new PhysicsWorld(PhysicsSettings.DEFAULT)) {
            Rig rig = new Rig(world);
            rig.drives.setTarget(3, 10.0, 0); // far above panda_joint4's upper limit -0.0698
            double worst = Double.NEGATIVE_INFINITY;
            for (int step = 0; step < 480; step++) {
                rig.drives.apply(world.settings().dt());
                world.step();
                worst = Math.max(worst, rig.arm.position(3) - rig.drives.upper(3));
            }
            assertTrue(worst < 0.01, "exceeded the limit by " + worst + " rad");
        }
    }

    private static double distance(Vec3 a, Vec3 b) {
        return Math.sqrt(Math.pow(a.x() - b.x(), 2) + Math.pow(a.y() - b.y(), 2) + Math.pow(a.z() - b.z(), 2));
    }

    /** The arm on a fixed base at the origin, drives holding Q_HOLD. */
    private static final class Rig {
        final Articulation arm;
        final JointDrives drives;
        final KinematicTree tree;

        Rig(PhysicsWorld world) {
            var model = TestModels.load("panda");
            arm = new Articulation(world, BodyLayout.of(model), Transform.IDENTITY);
            for (int i = 0; i < arm.dof(); i++) {
                arm.setState(i, Q_HOLD[i], 0);
            }
            ArmDynamics dynamics = new ArmDynamics(arm);
            tree = dynamics.tree();
            drives = new JointDrives(arm, dynamics, DriveGains.DEFAULT, java.util.List.of("panda_finger_joint1"));
        }

        Vec3 tcp() {
            double[] q = new double[tree.dof()];
            for (int i = 0; i < arm.dof(); i++) {
                int v = tree.variableIndex(arm.joint(i).name());
                if (v >= 0) {
                    q[v] = arm.position(i);
                }
            }
            return tree.linkPose(q, "panda_hand_tcp").translation();
        }
    }
}
