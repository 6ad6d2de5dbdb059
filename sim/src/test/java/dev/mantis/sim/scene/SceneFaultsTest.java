package dev.mantis.sim.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.model.Material;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.robot.spec.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Divergence is detected and recoverable; bad inputs are refused in Java; native memory is freed. */
class SceneFaultsTest {

    private static final Material.Rgba RED = new Material.Rgba(1, 0, 0, 1);

    @Test
    void explodingObjectEndsTheEpisodeAsDivergedAndTheSceneCanBeReused() {
        try (Scene scene = Scene.build(TestScenes.armWithCube("pd_joint_pos", 0.05, 0.2, ResetNoise.NONE))) {
            scene.applyImpulse("cube", new Vec3(0, 0, 1e6));
            assertEquals(StepStatus.DIVERGED, scene.step());
            assertTrue(scene.divergence().startsWith("object 'cube'"), scene.divergence());
            assertEquals(StepStatus.DIVERGED, scene.step(), "stays diverged until reset");
            scene.reset(1);
            Transform before = scene.objectPose("cube");
            for (int i = 0; i < 40; i++) {
                assertEquals(StepStatus.OK, scene.step());
            }
            Vec3 d = scene.objectPose("cube").translation();
            assertEquals(before.translation().z(), d.z(), 1e-3, "the cube rests on the table again");
        }
    }

    @Test
    void nonFiniteInputsAreRefusedBeforeNativeCode() {
        try (Scene scene = Scene.build(TestScenes.armWithCube("pd_joint_pos", 0.05, 0.2, ResetNoise.NONE))) {
            var robot = scene.robot(0);
            var e = assertThrows(IllegalArgumentException.class,
                    () -> robot.act(new Action(0, 0, 0, Double.NaN, 0, 0, 0, 0.04)));
            assertTrue(e.getMessage().startsWith("pd_joint_pos action has a non-finite value"), e.getMessage());
            var size = assertThrows(IllegalArgumentException.class, () -> robot.act(new Action(0, 0)));
            assertTrue(size.getMessage().startsWith("pd_joint_pos action for 'panda' needs 8 values"),
                    size.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> scene.applyImpulse("cube", new Vec3(Double.POSITIVE_INFINITY, 0, 0)));
            assertThrows(IllegalArgumentException.class, () -> scene.setObjectPose("cube",
                    Transform.translation(new Vec3(Double.NaN, 0, 0))));
            assertEquals(StepStatus.OK, scene.step());
        }
    }

    @Test
    void badObjectsAreRefusedWithAClearMessage() {
        Transform origin = Transform.IDENTITY;
        var mass = assertThrows(IllegalArgumentException.class, () -> new ObjectSpec("block",
                new Geometry.Box(new Vec3(0.05, 0.05, 0.05)), -0.2, 0.8, 0, RED, origin));
        assertEquals("object 'block': mass must be a positive finite number of kg, got -0.2", mass.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ObjectSpec("block",
                new Geometry.Box(new Vec3(0.05, 0.05, 0.05)), 0, 0.8, 0, RED, origin));
        var shape = assertThrows(IllegalArgumentException.class, () -> new ObjectSpec("flat",
                new Geometry.Box(new Vec3(0.05, 0, 0.05)), 0.1, 0.8, 0, RED, origin));
        assertTrue(shape.getMessage().startsWith("object 'flat': shape Box[size=Vec3[x=0.05, y=0.0, z=0.05]] is "
                + "degenerate"), shape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ObjectSpec("ball", new Geometry.Sphere(Double.NaN),
                0.1, 0.8, 0, RED, origin));
        assertThrows(IllegalArgumentException.class, () -> new ObjectSpec("bouncy", new Geometry.Sphere(0.02),
                0.1, 0.8, 1.5, RED, origin));
    }

    @Test
    void buildingAndClosingAThousandScenesReleasesNativeMemory() throws Exception {
        SceneSpec spec = TestScenes.armWithCube("pd_joint_pos", 0.05, 0.2, ResetNoise.NONE);
        for (int i = 0; i < 100; i++) { // warm up allocators and the JIT
            buildStepClose(spec);
        }
        System.gc();
        long before = residentKb();
        for (int i = 0; i < 1000; i++) {
            buildStepClose(spec);
            if (i % 50 == 49) {
                // Bullet objects are freed (by the natives' cleaner thread) once the JVM has collected
                // their Java handles; a program that allocates does this on its own
                System.gc();
            }
        }
        long grown = residentKb() - before;
        assertTrue(grown < 50 * 1024, "resident memory grew by " + grown / 1024 + " MB over 1000 scenes");
    }

    private static void buildStepClose(SceneSpec spec) {
        try (Scene scene = Scene.build(spec)) {
            scene.step();
        }
    }

    private static long residentKb() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
        for (String l : lines) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
