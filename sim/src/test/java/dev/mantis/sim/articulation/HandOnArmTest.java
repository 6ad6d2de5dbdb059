package dev.mantis.sim.articulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.model.ModelMount;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.robot.spec.Action;
import dev.mantis.sim.TestModels;
import dev.mantis.sim.physics.PhysicsSettings;
import dev.mantis.sim.robot.RobotProfile;
import dev.mantis.sim.scene.ResetNoise;
import dev.mantis.sim.scene.RobotPlacement;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.scene.SceneSpec;
import dev.mantis.sim.scene.StepStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The 16-DoF hand mounted on the 6-DoF arm is one stable 22-DoF articulation at 480 Hz. */
class HandOnArmTest {

    @Test
    void mountedHandHoldsItsPoseAt480Hz() {
        var model = ModelMount.mount("ur5e_allegro", TestModels.load("ur5e"), "tool0",
                TestModels.load("allegro_right"), Transform.IDENTITY);
        List<Double> rest = new ArrayList<>(RobotProfile.bundled("ur5e").orElseThrow().rest());
        rest.addAll(RobotProfile.bundled("allegro_right").orElseThrow().rest());
        RobotProfile profile = new RobotProfile("palm", Optional.empty(), rest, RobotProfile.HAND_FLEXION_JOINTS);
        // at 240 Hz the light finger links on the arm are numerically unstable (measured): use 480 Hz
        SceneSpec spec = new SceneSpec(PhysicsSettings.DEFAULT.withPhysicsHz(480), 20, false,
                List.of(new RobotPlacement("ur5e_allegro", model, profile, Transform.translation(new Vec3(0, 0, 0.5)),
                        "pd_joint_pos", DriveGains.DEFAULT)), List.of(), ResetNoise.NONE);
        try (Scene scene = Scene.build(spec)) {
            var robot = scene.robot(0);
            assertEquals(22, robot.actionSpec().size());
            double[] q0 = robot.observe().get("observation.state");
            double worst = 0;
            for (int i = 0; i < 100; i++) { // 5 s
                robot.act(new Action(q0));
                assertEquals(StepStatus.OK, scene.step());
                double[] q = robot.observe().get("observation.state");
                for (int k = 0; k < q.length; k++) {
                    worst = Math.max(worst, Math.abs(q[k] - q0[k]));
                }
            }
            assertTrue(worst < 1e-3, "largest joint drift " + worst + " rad");
        }
    }
}
