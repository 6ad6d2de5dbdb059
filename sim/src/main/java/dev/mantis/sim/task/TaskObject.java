package dev.mantis.sim.task;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.model.Material;

/**
 * An object of a task and where it may start: uniformly in the x and y ranges with a yaw in the
 * yaw range (radians). On the table ({@code on} empty) the ranges are in the world frame (metres);
 * resting on a fixture or on an earlier object ({@code on} names it) they are in that thing's
 * frame (for a tower or a stack of Hanoi disks).
 */
public record TaskObject(String name, Geometry shape, double mass, double friction, Material.Rgba color,
        double[] x, double[] y, double[] yaw, String on) {

    /** An object that starts on the table. */
    public TaskObject(String name, Geometry shape, double mass, double friction, Material.Rgba color, double[] x,
            double[] y, double[] yaw) {
        this(name, shape, mass, friction, color, x, y, yaw, "");
    }

    /** Whether it starts on the table (not on a fixture or another object). */
    public boolean onTable() {
        return on.isEmpty();
    }

    /** Height of the object, metres. */
    public double height() {
        return 2 * restHeight();
    }

    /**
     * Width of the open gripper beyond which it certainly holds the object no more, metres: the
     * widest side of a box, a cylinder's or sphere's diameter.
     */
    public double graspWidth() {
        if (shape instanceof Geometry.Box b) {
            return Math.max(b.size().x(), b.size().y());
        }
        return 2 * footprint();
    }

    /** Height of the object's centre when it rests on the table, metres. */
    public double restHeight() {
        if (shape instanceof Geometry.Box b) {
            return b.size().z() / 2;
        }
        if (shape instanceof Geometry.Cylinder c) {
            return c.length() / 2;
        }
        if (shape instanceof Geometry.Prism p) {
            return p.length() / 2;
        }
        return ((Geometry.Sphere) shape).radius();
    }

    /** Half the object's narrowest horizontal width, metres (how far a flat pusher stays from its centre). */
    public double halfWidth() {
        if (shape instanceof Geometry.Box b) {
            return Math.min(b.size().x(), b.size().y()) / 2;
        }
        if (shape instanceof Geometry.Prism p) {
            return p.apothem();
        }
        return footprint();
    }

    /**
     * The object's symmetry about the vertical: the smallest turn that leaves it looking the same,
     * radians (a quarter turn for a square box, half a turn for another box, one side for a
     * prism); 0 for a round object, which any turn leaves the same.
     */
    public double yawPeriod() {
        if (shape instanceof Geometry.Box b) {
            return Math.abs(b.size().x() - b.size().y()) < 1e-9 ? Math.PI / 2 : Math.PI;
        }
        if (shape instanceof Geometry.Prism p) {
            return 2 * Math.PI / p.sides();
        }
        return 0;
    }

    /** Radius of the object's footprint on the table, metres (for keeping objects apart). */
    public double footprint() {
        if (shape instanceof Geometry.Box b) {
            return Math.hypot(b.size().x(), b.size().y()) / 2;
        }
        if (shape instanceof Geometry.Cylinder c) {
            return c.radius();
        }
        if (shape instanceof Geometry.Prism p) {
            return p.radius();
        }
        return ((Geometry.Sphere) shape).radius();
    }
}
