package dev.mantis.sim.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/** Fixtures are static: what lands on them does not move them; reset and restore put them back. */
class FixtureTest {

    private static final Material.Rgba GRAY = new Material.Rgba(0.5, 0.5, 0.5, 1);
    /** A 12 x 12 cm tray: a 1 cm floor and one 4 cm wall, turned 0.3 rad. */
    private static final Transform TRAY_POSE = Transform.fromXyzRpy(new Vec3(0.05, -0.02, 0), new Vec3(0, 0, 0.3));

    private static SceneSpec trayWithBlock(double blockMass) {
        FixtureSpec tray = new FixtureSpec("tray", List.of(
                new FixturePart(new Geometry.Box(new Vec3(0.12, 0.12, 0.01)), new Vec3(0, 0, 0.005), 0, GRAY),
                new FixturePart(new Geometry.Box(new Vec3(0.01, 0.12, 0.04)), new Vec3(0.055, 0, 0.02), 0, GRAY)),
                0.8, TRAY_POSE);
        // dropped from 10 cm onto the tray's floor, off its centre
        ObjectSpec block = ObjectSpec.box("block", 0.05, 0.05, 0.05, blockMass, GRAY,
                Transform.translation(TRAY_POSE.apply(new Vec3(-0.02, 0.01, 0.135))));
        return new SceneSpec(PhysicsSettings.DEFAULT, 20, true, List.of(), List.of(block), List.of(tray),
                ResetNoise.NONE);
    }

    @Test
    void aBlockDroppedOnAFixtureLeavesItWhereItWas() {
        try (Scene scene = Scene.build(trayWithBlock(2.0))) {
            for (int i = 0; i < 40; i++) {
                scene.step();
            }
            Transform after = scene.fixturePose("tray");
            assertEquals(0, distance(TRAY_POSE.translation(), after.translation()), 1e-9, "the tray did not move");
            assertArrayEquals(TRAY_POSE.rotationRowMajor(), after.rotationRowMajor(), 1e-9, "nor turn");
            assertEquals(0.01 + 0.025, scene.objectPose("block").translation().z(), 0.002,
                    "the block rests on the tray's floor");
        }
    }

    @Test
    void resetPutsAMovedFixtureBackAndRestoreBringsItsPoseBack() {
        try (Scene scene = Scene.build(trayWithBlock(0.2))) {
            SceneState atSpec = scene.snapshot();
            Transform moved = Transform.fromXyzRpy(new Vec3(-0.1, 0.1, 0), new Vec3(0, 0, -0.5));
            scene.setFixturePose("tray", moved);
            assertEquals(0, distance(moved.translation(), scene.fixturePose("tray").translation()), 1e-12);
            SceneState atMoved = scene.snapshot();
            scene.restore(atSpec);
            assertEquals(0, distance(TRAY_POSE.translation(), scene.fixturePose("tray").translation()), 1e-12);
            scene.restore(atMoved);
            assertEquals(0, distance(moved.translation(), scene.fixturePose("tray").translation()), 1e-12);
            scene.reset(0);
            assertEquals(0, distance(TRAY_POSE.translation(), scene.fixturePose("tray").translation()), 1e-12,
                    "reset puts it at its spec pose");
        }
    }

    @Test
    void episodesWithAMovedFixtureAreBitIdentical() {
        try (Scene a = Scene.build(trayWithBlock(0.2)); Scene b = Scene.build(trayWithBlock(0.2))) {
            // b has run another episode before, with the tray elsewhere
            b.setFixturePose("tray", Transform.translation(new Vec3(0.2, 0.2, 0)));
            run(b);
            double[] first = run(a);
            double[] second = run(b);
            assertArrayEquals(first, second, 0, "same trajectory, bit for bit");
        }
    }

    /** Reset, move the tray, drop the block on it for 1 s; the block's final state. */
    private static double[] run(Scene scene) {
        scene.reset(1);
        scene.setFixturePose("tray", Transform.fromXyzRpy(new Vec3(0.05, -0.02, 0), new Vec3(0, 0, 0.3)));
        scene.setObjectPose("block", Transform.fromXyzRpy(new Vec3(0.03, -0.01, 0.1), new Vec3(0.2, 0.1, 0)));
        for (int i = 0; i < 20; i++) {
            scene.step();
        }
        return scene.snapshot().objects()[0];
    }

    @Test
    void aFixtureNeedsPartsAndANameItSharesWithNoObject() {
        var e = assertThrows(IllegalArgumentException.class, () -> new FixtureSpec("empty", List.of(), 0.8,
                Transform.IDENTITY));
        assertTrue(e.getMessage().contains("has no parts"), e.getMessage());
        FixtureSpec f = new FixtureSpec("block", List.of(new FixturePart(new Geometry.Box(new Vec3(0.1, 0.1, 0.01)),
                new Vec3(0, 0, 0.005), 0, GRAY)), 0.8, Transform.IDENTITY);
        SceneSpec spec = trayWithBlock(0.1);
        var clash = assertThrows(IllegalArgumentException.class, () -> new SceneSpec(spec.physics(), 20, true,
                List.of(), spec.objects(), List.of(f), ResetNoise.NONE));
        assertEquals("the name 'block' is given to two objects or fixtures", clash.getMessage());
    }

    private static double distance(Vec3 a, Vec3 b) {
        return Math.sqrt((a.x() - b.x()) * (a.x() - b.x()) + (a.y() - b.y()) * (a.y() - b.y())
                + (a.z() - b.z()) * (a.z() - b.z()));
    }
}
