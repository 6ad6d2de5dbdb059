package dev.mantis.sim.physics;

import com.jme3.bullet.PhysicsSpace;
import com.jme3.bullet.collision.shapes.BoxCollisionShape;
import com.jme3.bullet.collision.shapes.CollisionShape;
import com.jme3.bullet.collision.shapes.CompoundCollisionShape;
import com.jme3.bullet.collision.shapes.CylinderCollisionShape;
import com.jme3.bullet.collision.shapes.SphereCollisionShape;
import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.spatial.Transform;
import java.util.List;

/**
 * Builds Bullet collision shapes from Mantis geometry, with a small collision margin: boxes,
 * cylinders and spheres as primitives, meshes (STL, OBJ) as convex hulls of their vertices.
 */
public final class Shapes {

    /** Collision margin, metres: small, so that 5 cm objects keep sharp enough edges. */
    public static final float MARGIN = 0.001f;

    private Shapes() {
    }

    /**
     * The Bullet shape of a geometry: primitives as themselves, a prism and a mesh as the convex
     * hull of their (scaled) vertices.
     *
     * @throws IllegalArgumentException for a degenerate size or a mesh file that was not found
     * @throws dev.mantis.robot.mesh.MeshException for a mesh file that cannot be read
     */
    public static CollisionShape primitive(Geometry geometry) {
        CollisionShape shape;
        if (geometry instanceof Geometry.Box b) {
            shape = new BoxCollisionShape(positive(b.size().x() / 2, "box"), positive(b.size().y() / 2, "box"),
                    positive(b.size().z() / 2, "box"));
        } else if (geometry instanceof Geometry.Cylinder c) {
            shape = new CylinderCollisionShape(positive(c.radius(), "cylinder radius"),
                    positive(c.length(), "cylinder length"), PhysicsSpace.AXIS_Z);
        } else if (geometry instanceof Geometry.Sphere s) {
            shape = new SphereCollisionShape(positive(s.radius(), "sphere radius"));
        } else if (geometry instanceof Geometry.Prism p) {
            // Bullet grows a hull by its margin: shrink the prism by as much so its surface is the prism's
            Geometry.Prism core = new Geometry.Prism(p.sides(),
                    positive(p.radius() - MARGIN / Math.cos(Math.PI / p.sides()), "prism radius"),
                    positive(p.length() - 2 * MARGIN, "prism length"));
            double[] v = core.vertices();
            float[] points = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                points[i] = (float) v[i];
            }
            shape = new com.jme3.bullet.collision.shapes.HullCollisionShape(points);
        } else {
            shape = convexHull((Geometry.Mesh) geometry);
        }
        if (!(shape instanceof SphereCollisionShape)) {
            shape.setMargin(MARGIN); // a sphere's margin is its radius
        }
        return shape;
    }

    /**
     * A compound of primitives placed at {@code T_frame_shape} each, relative to a frame whose
     * pose in the same parent frame is {@code T_parent_frame}.
     */
    public static CompoundCollisionShape compound(List<Geometry> geometries, List<Transform> T_parent_shape,
            Transform T_parent_frame) {
        CompoundCollisionShape compound = new CompoundCollisionShape(Math.max(1, geometries.size()));
        Transform T_frame_parent = T_parent_frame.inverse();
        for (int i = 0; i < geometries.size(); i++) {
            Transform T_frame_shape = T_frame_parent.compose(T_parent_shape.get(i));
            compound.addChildShape(primitive(geometries.get(i)), JmeConversions.vector(T_frame_shape.translation()),
                    JmeConversions.matrix(T_frame_shape));
        }
        compound.setMargin(MARGIN);
        return compound;
    }

    private static CollisionShape convexHull(Geometry.Mesh mesh) {
        java.nio.file.Path file = mesh.resolved().orElseThrow(() -> new IllegalArgumentException("mesh '"
                + mesh.filename() + "' was not found; add its package root to the mesh search path"));
        dev.mantis.robot.mesh.TriangleMesh triangles = dev.mantis.robot.mesh.MeshReader.read(file);
        float[] points = triangles.positions().clone();
        double[] scale = mesh.scale().toArray();
        for (int i = 0; i < points.length; i++) {
            points[i] *= (float) positive(Math.abs(scale[i % 3]), "mesh scale");
        }
        if (triangles.vertexCount() < 4) {
            throw new IllegalArgumentException("mesh '" + mesh.filename() + "' has " + triangles.vertexCount()
                    + " vertices; a convex collision shape needs at least 4 not in one plane");
        }
        return new com.jme3.bullet.collision.shapes.HullCollisionShape(points);
    }

    private static float positive(double v, String what) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive finite size in metres, got " + v);
        }
        return (float) v;
    }
}
