package dev.mantis.robot.mesh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads triangle meshes from STL (binary or ASCII) and Wavefront OBJ files; shared vertices of
 * STL files are merged. Other formats (e.g. COLLADA .dae) are refused with a clear message.
 */
public final class MeshReader {

    private MeshReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @throws MeshException for an unreadable, malformed or unsupported file
     */
    public static TriangleMesh read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MeshException(file.toString(), "cannot read the file (" + e.getMessage() + ")");
        }
        if (name.endsWith(".stl")) {
            return isBinaryStl(bytes) ? binaryStl(file, bytes) : asciiStl(file, bytes);
        }
        if (name.endsWith(".obj")) {
            return obj(file, bytes);
        }
        throw new MeshException(file.toString(), "unsupported mesh format; convert it to STL or OBJ");
    }

    /** Binary STL: 80-byte header, triangle count, 50 bytes per triangle; an exact size match. */
    private static boolean isBinaryStl(byte[] bytes) {
        if (bytes.length < 84) {
            return false;
        }
        long count = ByteBuffer.wrap(bytes, 80, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        return 84 + 50 * count == bytes.length;
    }

    private static TriangleMesh binaryStl(Path file, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int count = b.getInt(80);
        Builder builder = new Builder(file);
        for (int t = 0; t < count; t++) {
            int offset = 84 + 50 * t + 12; // skip the normal
            for (int v = 0; v < 3; v++) {
                builder.vertex(b.getFloat(offset + 12 * v), b.getFloat(offset + 12 * v + 4),
                        b.getFloat(offset + 12 * v + 8), "triangle " + (t + 1));
            }
        }
        return builder.build();
    }

    private static TriangleMesh asciiStl(Path file, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.stripLeading().startsWith("solid")) {
            throw new MeshException(file.toString(), "neither binary STL (size does not match its triangle count) "
                    + "nor ASCII STL (no 'solid' header); re-export the mesh");
        }
        Builder builder = new Builder(file);
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("vertex")) {
                String[] parts = line.split("\\s+");
                if (parts.length != 4) {
                    throw new MeshException(file.toString(), "line " + (i + 1) + ": expected 'vertex x y z', got '"
                            + line + "'");
                }
                builder.vertex(number(file, i, parts[1]), number(file, i, parts[2]), number(file, i, parts[3]),
                        "line " + (i + 1));
            }
        }
        return builder.build();
    }

    private static TriangleMesh obj(Path file, byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R");
        java.util.List<float[]> vertices = new java.util.ArrayList<>();
        java.util.List<Integer> triangles = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("v ")) {
                String[] p = line.split("\\s+");
                if (p.length < 4) {
                    throw new MeshException(file.toString(), "line " + (i + 1) + ": expected 'v x y z', got '" + line
                            + "'");
                }
                vertices.add(new float[] {number(file, i, p[1]), number(file, i, p[2]), number(file, i, p[3])});
            } else if (line.startsWith("f ")) {
                String[] p = line.split("\\s+");
                int[] face = new int[p.length - 1];
                for (int k = 1; k < p.length; k++) {
                    String index = p[k].split("/")[0];
                    int idx;
                    try {
                        idx = Integer.parseInt(index);
                    } catch (NumberFormatException e) {
                        throw new MeshException(file.toString(), "line " + (i + 1) + ": '" + p[k]
                                + "' is not a vertex index");
                    }
                    idx = idx < 0 ? vertices.size() + idx : idx - 1;
                    if (idx < 0 || idx >= vertices.size()) {
                        throw new MeshException(file.toString(), "line " + (i + 1) + ": vertex " + index
                                + " does not exist (" + vertices.size() + " so far)");
                    }
                    face[k - 1] = idx;
                }
                for (int k = 1; k + 1 < face.length; k++) { // fan triangulation of polygons
                    triangles.add(face[0]);
                    triangles.add(face[k]);
                    triangles.add(face[k + 1]);
                }
            }
        }
        if (vertices.isEmpty() || triangles.isEmpty()) {
            throw new MeshException(file.toString(), "has no vertices or faces; re-export the mesh");
        }
        float[] positions = new float[3 * vertices.size()];
        for (int v = 0; v < vertices.size(); v++) {
            System.arraycopy(vertices.get(v), 0, positions, 3 * v, 3);
        }
        return new TriangleMesh(positions, triangles.stream().mapToInt(Integer::intValue).toArray());
    }

    private static float number(Path file, int line, String text) {
        try {
            float v = Float.parseFloat(text);
            if (Float.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MeshException(file.toString(), "line " + (line + 1) + ": '" + text + "' is not a finite number");
    }

    /** Collects STL vertices, merging repeated positions. */
    private static final class Builder {
        private final Path file;
        private final Map<String, Integer> index = new HashMap<>();
        private final java.util.List<float[]> vertices = new java.util.ArrayList<>();
        private final java.util.List<Integer> triangles = new java.util.ArrayList<>();

        Builder(Path file) {
            this.file = file;
        }

        void vertex(float x, float y, float z, String where) {
            if (!Float.isFinite(x) || !Float.isFinite(y) || !Float.isFinite(z)) {
                throw new MeshException(file.toString(), where + ": non-finite vertex; re-export the mesh");
            }
            Integer i = index.computeIfAbsent(x + "," + y + "," + z, k -> {
                vertices.add(new float[] {x, y, z});
                return vertices.size() - 1;
            });
            triangles.add(i);
        }

        TriangleMesh build() {
            if (triangles.isEmpty() || triangles.size() % 3 != 0) {
                throw new MeshException(file.toString(), "has " + triangles.size() + " vertices in facets, not a "
                        + "positive multiple of 3; re-export the mesh");
            }
            float[] positions = new float[3 * vertices.size()];
            for (int v = 0; v < vertices.size(); v++) {
                System.arraycopy(vertices.get(v), 0, positions, 3 * v, 3);
            }
            return new TriangleMesh(positions, triangles.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
