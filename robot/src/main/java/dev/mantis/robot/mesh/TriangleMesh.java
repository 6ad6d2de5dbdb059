package dev.mantis.robot.mesh;

/**
 * A triangle mesh in its file's units: vertex positions (x, y, z per vertex) and triangles
 * (three vertex indices each). Treat the arrays as read-only.
 */
public record TriangleMesh(float[] positions, int[] triangles) {

    /** Number of vertices. */
    public int vertexCount() {
        return positions.length / 3;
    }

    /** Number of triangles. */
    public int triangleCount() {
        return triangles.length / 3;
    }
}
