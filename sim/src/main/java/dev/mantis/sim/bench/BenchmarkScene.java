package dev.mantis.sim.bench;

import dev.mantis.robot.model.Material;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.articulation.DriveGains;
import dev.mantis.sim.physics.PhysicsSettings;
import dev.mantis.sim.robot.RobotProfile;
import dev.mantis.sim.scene.ObjectSpec;
import dev.mantis.sim.scene.ResetNoise;
import dev.mantis.sim.scene.RobotPlacement;
import dev.mantis.sim.scene.SceneSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard speed-benchmark scene (the same as {@code bench/mujoco/arm_boxes_N.xml}): the
 * 7-DoF arm on the table at (-0.615, 0, 0) holding {@link #Q_HOLD} with its gripper open, and N
 * free 4 cm, 0.1 kg cubes resting on the table in rows of ten, 240 Hz physics.
 */
public final class BenchmarkScene {

    /** The arm's held pose, radians. */
    public static final List<Double> Q_HOLD = List.of(0.0, -0.3, 0.0, -2.2, 0.0, 2.0, 0.785);

    private BenchmarkScene() {
    }

    /** The scene with {@code boxes} cubes (up to 200) for the 7-DoF arm {@code model}. */
    public static SceneSpec spec(RobotModel model, int boxes) {
        if (boxes < 0 || boxes > 200) {
            throw new IllegalArgumentException("the benchmark scene has 0 to 200 boxes, got " + boxes);
        }
        RobotProfile profile = new RobotProfile("panda_hand_tcp", java.util.Optional.of("panda_finger_joint1"), Q_HOLD);
        RobotPlacement arm = new RobotPlacement("panda", model, profile,
                Transform.translation(new Vec3(-0.615, 0, 0)), "pd_joint_pos", DriveGains.DEFAULT);
        List<ObjectSpec> objects = new ArrayList<>();
        Material.Rgba color = new Material.Rgba(0.8, 0.3, 0.2, 1);
        for (int i = 0; i < boxes; i++) {
            Vec3 p = new Vec3(-0.2 + 0.06 * (i % 10), -0.57 + 0.06 * (i / 10), 0.02);
            objects.add(new ObjectSpec("box" + i, new dev.mantis.robot.model.Geometry.Box(new Vec3(0.04, 0.04, 0.04)),
                    0.1, 1.0, 0.0, color, Transform.translation(p)));
        }
        return new SceneSpec(PhysicsSettings.DEFAULT, 240, true, List.of(arm), objects, ResetNoise.NONE);
    }
}
