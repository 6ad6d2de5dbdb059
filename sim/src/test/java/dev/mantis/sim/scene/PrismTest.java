package dev.mantis.sim.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.model.Material;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.physics.PhysicsSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Regular prisms: their geometry, and that Bullet's hull of them stands on the table where it should. */
class PrismTest {

    @Test
    void verticesLieOnTheCircumcircleWithOneOnPlusX() {
        Geometry.Prism hexagon = new Geometry.Prism(6, 0.03, 0.1);
        double[] v = hexagon.vertices();
        assertEquals(36, v.length);
        assertEquals(0.03, v[0], 1e-15);
        assertEquals(0, v[1], 1e-15);
        assertEquals(-0.05, v[2], 1e-15);
        assertEquals(0.05, v[3 * 6 + 2], 1e-15);
        for (int i = 0; i < 12; i++) {
            assertEquals(0.03, Math.hypot(v[3 * i], v[3 * i + 1]), 1e-15);
        }
        assertEquals(0.03 * Math.sqrt(3) / 2, hexagon.apothem(), 1e-15);
    }

    @Test
    void standingPrismsSettleAtHalfTheirLengthAboveTheTable() {
        ObjectSpec triangle = new ObjectSpec("triangle", new Geometry.Prism(3, 0.034, 0.12), 0.15, 0.8, 0,
                new Material.Rgba(0.5, 0.2, 0.7, 1), Transform.translation(new Vec3(0, -0.1, 0.07)));
        ObjectSpec hexagon = new ObjectSpec("hexagon", new Geometry.Prism(6, 0.028, 0.12), 0.15, 0.8, 0,
                new Material.Rgba(0.9, 0.8, 0.1, 1), Transform.translation(new Vec3(0, 0.1, 0.07)));
        try (Scene scene = Scene.build(new SceneSpec(PhysicsSettings.DEFAULT, 20, true, List.of(),
                List.of(triangle, hexagon), ResetNoise.NONE))) {
            for (int i = 0; i < 40; i++) {
                scene.step();
            }
            for (String name : List.of("triangle", "hexagon")) {
                Transform T_world_prism = scene.objectPose(name);
                assertEquals(0.06, T_world_prism.translation().z(), 2e-4, name);
                assertTrue(T_world_prism.rotation(2, 2) > 0.9999, name + " stands upright");
                assertTrue(scene.objectVelocity(name).norm() < 1e-3, name + " is at rest");
            }
        }
    }

    @Test
    void aPrismNeedsThreeSides() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ObjectSpec("p", new Geometry.Prism(2, 0.03,
                0.1), 0.1, 0.8, 0, new Material.Rgba(1, 0, 0, 1), Transform.IDENTITY));
        assertEquals("object 'p': a prism needs at least 3 sides, got 2", e.getMessage());
    }
}
