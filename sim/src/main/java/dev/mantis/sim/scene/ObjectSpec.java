package dev.mantis.sim.scene;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.model.Material;
import dev.mantis.robot.spatial.Transform;

/**
 * A free rigid object of a scene.
 *
 * @param name unique name in the scene
 * @param shape a box, cylinder (axis along its z), sphere or mesh (simulated as its convex hull);
 *     sizes in metres
 * @param mass kg, > 0
 * @param friction Coulomb friction coefficient, >= 0
 * @param restitution bounciness in [0, 1]
 * @param color display colour
 * @param pose initial pose T_world_object (the shape's centre)
 */
public record ObjectSpec(String name, Geometry shape, double mass, double friction, double restitution,
        Material.Rgba color, Transform pose) {

    public ObjectSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("object needs a name");
        }
        if (!(mass > 0) || !Double.isFinite(mass)) {
            throw new IllegalArgumentException("object '" + name + "': mass must be a positive finite number of kg, got "
                    + mass);
        }
        if (!(friction >= 0) || !Double.isFinite(friction)) {
            throw new IllegalArgumentException("object '" + name + "': friction must be >= 0, got " + friction);
        }
        if (!(restitution >= 0 && restitution <= 1)) {
            throw new IllegalArgumentException("object '" + name + "': restitution must be in [0, 1], got "
                    + restitution);
        }
        if (shape instanceof Geometry.Mesh m && m.resolved().isEmpty()) {
            throw new IllegalArgumentException("object '" + name + "': mesh file '" + m.filename() + "' was not found");
        }
        checkSize(name, shape);
        if (!pose.translation().isFinite()) {
            throw new IllegalArgumentException("object '" + name + "': pose must be finite");
        }
    }

    private static void checkSize(String name, Geometry shape) {
        double[] sizes;
        if (shape instanceof Geometry.Box b) {
            sizes = b.size().toArray();
        } else if (shape instanceof Geometry.Cylinder c) {
            sizes = new double[] {c.radius(), c.length()};
        } else if (shape instanceof Geometry.Mesh m) {
            sizes = m.scale().toArray();
        } else if (shape instanceof Geometry.Prism p) {
            if (p.sides() < 3) {
                throw new IllegalArgumentException("object '" + name + "': a prism needs at least 3 sides, got "
                        + p.sides());
            }
            sizes = new double[] {p.radius(), p.length()};
        } else {
            sizes = new double[] {((Geometry.Sphere) shape).radius()};
        }
        for (double s : sizes) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("object '" + name + "': shape " + shape
                        + " is degenerate; every size must be a positive finite number of metres");
            }
        }
    }

    /** A box with typical plastic-block properties (friction 0.8, no bounce). */
    public static ObjectSpec box(String name, double edgeX, double edgeY, double edgeZ, double mass,
            Material.Rgba color, Transform pose) {
        return new ObjectSpec(name, new Geometry.Box(new dev.mantis.robot.spatial.Vec3(edgeX, edgeY, edgeZ)), mass,
                0.8, 0.0, color, pose);
    }
}
