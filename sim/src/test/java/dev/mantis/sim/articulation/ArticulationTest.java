package dev.mantis.sim.articulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.kinematics.KinematicTree;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.TestModels;
import dev.mantis.sim.physics.PhysicsSettings;
import dev.mantis.sim.physics.PhysicsWorld;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Bullet multibody built from a model places every body where the model's kinematics does. */
class ArticulationTest {

    @ParameterizedTest
    @ValueSource(strings = {"panda", "ur5e", "allegro_right"})
    void bulletBodyPosesMatchForwardKinematics(String id) {
        RobotModel model = TestModels.load(id);
        KinematicTree tree = KinematicTree.of(model);
        BodyLayout layout = BodyLayout.of(model);
        Transform T_world_base = Transform.fromXyzRpy(new Vec3(-0.6, 0.1, 0.02), new Vec3(0, 0, 0.3));
        try (PhysicsWorld world = new PhysicsWorld(new PhysicsSettings(240, 0, 10))) {
            Articulation arm = new Articulation(world, layout, T_world_base);
            Random rng = new Random(11);
            double worst = 0;
            for (int trial = 0; trial < 50; trial++) {
                double[] q = new double[tree.dof()];
                for (int i = 0; i < arm.dof(); i++) {
                    var j = arm.joint(i);
                    double value = j.limits().lower() + rng.nextDouble() * (j.limits().upper() - j.limits().lower());
                    int v = tree.variableIndex(j.name());
                    if (v >= 0) {
                        q[v] = value;
                    }
                }
                for (int i = 0; i < arm.dof(); i++) {
                    arm.setState(i, tree.jointValue(arm.joint(i).name(), q), 0);
                }
                world.step();
                for (int b = 0; b < layout.bodies().size(); b++) {
                    Transform expected = T_world_base.compose(tree.linkPose(q, layout.bodies().get(b).name()));
                    Transform actual = arm.T_world_body(b);
                    Vec3 d = expected.inverse().compose(actual).translation();
                    worst = Math.max(worst, d.norm());
                    for (int r = 0; r < 3; r++) {
                        for (int c = 0; c < 3; c++) {
                            worst = Math.max(worst, Math.abs(expected.rotation(r, c) - actual.rotation(r, c)));
                        }
                    }
                }
            }
            assertTrue(worst < 2e-5, id + ": largest pose difference " + worst);
            assertEquals(layout.bodies().size() - 1, arm.dof());
        }
    }
}
