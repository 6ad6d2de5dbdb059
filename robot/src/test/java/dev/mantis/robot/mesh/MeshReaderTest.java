package dev.mantis.robot.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STL (binary and ASCII) and OBJ meshes read back exactly; bad files get one clear message. */
class MeshReaderTest {

    /** A unit cube's 8 corners and 12 triangles (two per face). */
    static final float[][] CORNERS = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 1}, {1, 1, 1},
        {0, 1, 1}};
    static final int[][] FACES = {{0, 2, 1}, {0, 3, 2}, {4, 5, 6}, {4, 6, 7}, {0, 1, 5}, {0, 5, 4}, {1, 2, 6},
        {1, 6, 5}, {2, 3, 7}, {2, 7, 6}, {3, 0, 4}, {3, 4, 7}};

    /** Writes the unit cube as a binary STL. */
    public static Path binaryCube(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(84 + 50 * FACES.length).order(ByteOrder.LITTLE_ENDIAN);
        b.position(80);
        b.putInt(FACES.length);
        for (int[] f : FACES) {
            b.putFloat(0).putFloat(0).putFloat(0);
            for (int v : f) {
                b.putFloat(CORNERS[v][0]).putFloat(CORNERS[v][1]).putFloat(CORNERS[v][2]);
            }
            b.putShort((short) 0);
        }
        return Files.write(file, b.array());
    }

    @Test
    void binaryStlMergesSharedCorners(@TempDir Path dir) throws IOException {
        TriangleMesh mesh = MeshReader.read(binaryCube(dir.resolve("cube.stl")));
        assertEquals(8, mesh.vertexCount());
        assertEquals(12, mesh.triangleCount());
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 0, 1, 0, 0}, corners(mesh, 0), 0f);
    }

    @Test
    void asciiStlAndObjGiveTheSameCube(@TempDir Path dir) throws IOException {
        StringBuilder stl = new StringBuilder("solid cube\n");
        for (int[] f : FACES) {
            stl.append(" facet normal 0 0 0\n  outer loop\n");
            for (int v : f) {
                stl.append("   vertex ").append(CORNERS[v][0]).append(' ').append(CORNERS[v][1]).append(' ')
                        .append(CORNERS[v][2]).append('\n');
            }
            stl.append("  endloop\n endfacet\n");
        }
        stl.append("endsolid cube\n");
        TriangleMesh a = MeshReader.read(Files.writeString(dir.resolve("cube.STL"), stl));
        StringBuilder obj = new StringBuilder("# cube with quads\n");
        for (float[] c : CORNERS) {
            obj.append("v ").append(c[0]).append(' ').append(c[1]).append(' ').append(c[2]).append('\n');
        }
        obj.append("f 1 3 2\nf 1 4 3\nf 5/1/1 6/1/1 7/1/1 8/1/1\n");
        TriangleMesh b = MeshReader.read(Files.writeString(dir.resolve("cube.obj"), obj));
        assertEquals(8, a.vertexCount());
        assertEquals(12, a.triangleCount());
        assertEquals(8, b.vertexCount());
        assertEquals(4, b.triangleCount(), "two triangles and a quad split in two");
        assertArrayEquals(new int[] {4, 5, 6, 4, 6, 7}, java.util.Arrays.copyOfRange(b.triangles(), 6, 12));
    }

    @Test
    void badFilesAreRefusedWithTheFileAndTheProblem(@TempDir Path dir) throws IOException {
        Path truncated = Files.write(dir.resolve("t.stl"), new byte[100]);
        assertEquals(truncated + ": neither binary STL (size does not match its triangle count) nor ASCII STL "
                + "(no 'solid' header); re-export the mesh",
                assertThrows(MeshException.class, () -> MeshReader.read(truncated)).getMessage());
        Path nan = Files.writeString(dir.resolve("n.stl"), "solid x\nfacet normal 0 0 1\nouter loop\nvertex 0 0 abc\n");
        assertEquals(nan + ": line 4: 'abc' is not a finite number",
                assertThrows(MeshException.class, () -> MeshReader.read(nan)).getMessage());
        Path face = Files.writeString(dir.resolve("f.obj"), "v 0 0 0\nv 1 0 0\nf 1 2 3\n");
        assertEquals(face + ": line 3: vertex 3 does not exist (2 so far)",
                assertThrows(MeshException.class, () -> MeshReader.read(face)).getMessage());
        Path dae = Files.writeString(dir.resolve("m.dae"), "<COLLADA/>");
        assertEquals(dae + ": unsupported mesh format; convert it to STL or OBJ",
                assertThrows(MeshException.class, () -> MeshReader.read(dae)).getMessage());
    }

    private static float[] corners(TriangleMesh mesh, int triangle) {
        float[] out = new float[9];
        for (int k = 0; k < 3; k++) {
            System.arraycopy(mesh.positions(), 3 * mesh.triangles()[3 * triangle + k], out, 3 * k, 3);
        }
        return out;
    }
}
