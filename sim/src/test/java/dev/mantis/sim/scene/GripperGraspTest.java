package dev.mantis.sim.scene;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.robot.SimRobot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parallel gripper grasps a 5 cm, 0.2 kg cube by friction alone, lifts it 20 cm and holds it
 * for 5 s, over 100 seeded trials with the cube's position and yaw jittered.
 */
class GripperGraspTest {

    private static final double EDGE = 0.05;

    @Test
    void graspsLiftsAndHoldsAJitteredCubeByFriction() {
        SceneSpec spec = TestScenes.armWithCube("pd_ee_delta_pose", EDGE, 0.2, new ResetNoise(0, 0.02, 0.4));
        int successes = 0;
        List<String> failures = new ArrayList<>();
        try (Scene scene = Scene.build(spec)) {
            for (int seed = 0; seed < 100; seed++) {
                scene.reset(seed);
                String failure = graspOnce(scene);
                if (failure == null) {
                    successes++;
                } else {
                    failures.add("seed " + seed + ": " + failure);
                }
            }
        }
        assertTrue(successes >= 95, successes + "/100 grasps held; first failures: "
                + failures.subList(0, Math.min(5, failures.size())));
    }

    /** Returns null on success, else what went wrong. */
    private static String graspOnce(Scene scene) {
        SimRobot arm = scene.robot(0);
        Transform T_world_base = TestScenes.ARM_BASE;
        Transform cube = scene.objectPose("cube");
        Vec3 c = T_world_base.inverse().apply(cube.translation());
        // yaw of the cube about z, folded into (-pi/4, pi/4]: the hand closes across two faces
        double yaw = Math.atan2(cube.rotation(1, 0), cube.rotation(0, 0));
        yaw = yaw - Math.PI / 2 * Math.round(yaw / (Math.PI / 2));
        EeMover mover = new EeMover(scene, arm);
        mover.rotateYaw(yaw, 0.08);
        mover.moveTo(new Vec3(c.x(), c.y(), c.z() + 0.15), 0.08);
        mover.moveTo(new Vec3(c.x(), c.y(), c.z()), 0.08);
        mover.hold(0.0, 15); // close for 0.75 s
        Vec3 before = scene.objectPose("cube").translation();
        mover.moveTo(new Vec3(c.x(), c.y(), c.z() + 0.20), 0.0);
        mover.hold(0.0, 10);
        double[] tcp0 = arm.eePose();
        Vec3 inHand0 = relative(T_world_base, tcp0, scene.objectPose("cube").translation());
        mover.hold(0.0, 100); // 5 s at 20 Hz
        double[] tcp1 = arm.eePose();
        Vec3 cubeNow = scene.objectPose("cube").translation();
        Vec3 inHand1 = relative(T_world_base, tcp1, cubeNow);
        double slip = Math.sqrt(sq(inHand1.x() - inHand0.x()) + sq(inHand1.y() - inHand0.y())
                + sq(inHand1.z() - inHand0.z()));
        double lifted = cubeNow.z() - before.z();
        if (scene.status() != StepStatus.OK) {
            return "diverged: " + scene.divergence();
        }
        if (lifted < 0.19) {
            return "lifted only " + lifted + " m";
        }
        if (slip > 0.005) {
            return "slipped " + slip + " m in 5 s";
        }
        return null;
    }

    private static Vec3 relative(Transform T_world_base, double[] T_base_tcp, Vec3 p_world) {
        Transform tcp = Transform.readFrom(T_base_tcp, 0);
        return T_world_base.compose(tcp).inverse().apply(p_world);
    }

    private static double sq(double x) {
        return x * x;
    }
}
