package dev.mantis.sim.scene;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.model.Material;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;

/**
 * One primitive of a fixture, upright, placed in the fixture's frame (whose origin lies on the
 * table top, z up).
 *
 * @param shape a box or a cylinder (axis along z); sizes in metres, all > 0
 * @param offset position of the shape's centre in the fixture frame, metres
 * @param yaw rotation of the shape about the fixture's z axis, radians
 * @param color display colour
 */
public record FixturePart(Geometry shape, Vec3 offset, double yaw, Material.Rgba color) {

    public FixturePart {
        if (shape instanceof Geometry.Box b) {
            positive(b.size().x(), b.size().y(), b.size().z());
        } else if (shape instanceof Geometry.Cylinder c) {
            positive(c.radius(), c.length());
        } else {
            throw new IllegalArgumentException("a fixture part is a box or a cylinder, got " + shape);
        }
        if (!offset.isFinite() || !Double.isFinite(yaw)) {
            throw new IllegalArgumentException("fixture part offset and yaw must be finite: " + offset + ", " + yaw);
        }
    }

    private static void positive(double... sizes) {
        for (double s : sizes) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("fixture part sizes must be positive finite metres, got " + s);
            }
        }
    }

    /** The shape's pose in the fixture frame, T_fixture_part. */
    public Transform T_fixture_part() {
        return Transform.fromXyzRpy(offset, new Vec3(0, 0, yaw));
    }

    /** Height of the part's top above the fixture's origin, metres. */
    public double top() {
        return offset.z() + height() / 2;
    }

    /** Vertical extent of the part, metres. */
    public double height() {
        return shape instanceof Geometry.Box b ? b.size().z() : ((Geometry.Cylinder) shape).length();
    }

    /**
     * Horizontal distance from the point (x, y) of the fixture frame to the part's footprint (0
     * inside it), metres.
     */
    public double distance(double x, double y) {
        double dx = x - offset.x();
        double dy = y - offset.y();
        if (shape instanceof Geometry.Cylinder c) {
            return Math.max(0, Math.hypot(dx, dy) - c.radius());
        }
        Vec3 size = ((Geometry.Box) shape).size();
        double c = Math.cos(yaw);
        double s = Math.sin(yaw);
        double u = Math.abs(c * dx + s * dy) - size.x() / 2;
        double v = Math.abs(-s * dx + c * dy) - size.y() / 2;
        return Math.hypot(Math.max(0, u), Math.max(0, v));
    }

    /** Radius of a circle about the fixture origin that holds the part's footprint, metres. */
    public double reach() {
        double r = shape instanceof Geometry.Box b ? Math.hypot(b.size().x(), b.size().y()) / 2
                : ((Geometry.Cylinder) shape).radius();
        return Math.hypot(offset.x(), offset.y()) + r;
    }
}
