package dev.mantis.sim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.model.Material;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.scene.ObjectSpec;
import dev.mantis.sim.scene.ResetNoise;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.scene.SceneSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mesh objects collide as the convex hull of their vertices. */
class MeshShapeTest {

    @Test
    void aScaledCubeMeshRestsOnTheTableLikeABox(@TempDir Path dir) throws IOException {
        Path stl = unitCubeCentred(dir.resolve("cube.stl"));
        // scaled to a 6 cm cube, dropped from 10 cm
        Geometry.Mesh mesh = new Geometry.Mesh("cube.stl", new Vec3(0.06, 0.06, 0.06), Optional.of(stl));
        ObjectSpec cube = new ObjectSpec("cube", mesh, 0.2, 0.8, 0, new Material.Rgba(1, 1, 1, 1),
                Transform.translation(new Vec3(0, 0, 0.10)));
        SceneSpec spec = new SceneSpec(PhysicsSettings.DEFAULT, 20, true, List.of(), List.of(cube), ResetNoise.NONE);
        try (Scene scene = Scene.build(spec)) {
            for (int i = 0; i < 40; i++) {
                scene.step();
            }
            assertEquals(0.03, scene.objectPose("cube").translation().z(), 0.002, "half the edge above the table");
        }
    }

    @Test
    void aMissingMeshFileIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ObjectSpec("m",
                new Geometry.Mesh("package://x/m.stl", new Vec3(1, 1, 1), Optional.empty()), 0.1, 0.5, 0,
                new Material.Rgba(1, 1, 1, 1), Transform.IDENTITY));
        assertEquals("object 'm': mesh file 'package://x/m.stl' was not found", e.getMessage());
    }

    private static Path unitCubeCentred(Path file) throws IOException {
        float[][] c = new float[8][];
        for (int i = 0; i < 8; i++) {
            c[i] = new float[] {(i & 1) - 0.5f, ((i >> 1) & 1) - 0.5f, ((i >> 2) & 1) - 0.5f};
        }
        int[][] faces = {{0, 1, 3}, {0, 3, 2}, {4, 6, 7}, {4, 7, 5}, {0, 4, 5}, {0, 5, 1}, {2, 3, 7}, {2, 7, 6},
            {0, 2, 6}, {0, 6, 4}, {1, 5, 7}, {1, 7, 3}};
        ByteBuffer b = ByteBuffer.allocate(84 + 50 * faces.length).order(ByteOrder.LITTLE_ENDIAN);
        b.position(80);
        b.putInt(faces.length);
        for (int[] f : faces) {
            b.putFloat(0).putFloat(0).putFloat(0);
            for (int v : f) {
                b.putFloat(c[v][0]).putFloat(c[v][1]).putFloat(c[v][2]);
            }
            b.putShort((short) 0);
        }
        return Files.write(file, b.array());
    }
}
