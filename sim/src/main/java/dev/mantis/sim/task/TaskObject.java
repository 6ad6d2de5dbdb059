package dev.mantis.sim.task;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.model.Material;

/**
 * An object of a task and where it may start: uniformly in the x and y ranges (metres, world
 * frame, on the table top) with a yaw in the yaw range (radians).
 */
public record TaskObject(String name, Geometry shape, double mass, double friction, Material.Rgba color,
        double[] x, double[] y, double[] yaw) {

    /** Height of the object's centre when it rests on the table, metres. */
    public double restHeight() {
        if (shape instanceof Geometry.Box b) {
            return b.size().z() / 2;
        }
        if (shape instanceof Geometry.Cylinder c) {
            return c.length() / 2;
        }
        return ((Geometry.Sphere) shape).radius();
    }

    /** Half the object's narrowest horizontal width, metres (how far a flat pusher stays from its centre). */
    public double halfWidth() {
        if (shape instanceof Geometry.Box b) {
            return Math.min(b.size().x(), b.size().y()) / 2;
        }
        return footprint();
    }

    /** Radius of the object's footprint on the table, metres (for keeping objects apart). */
    public double footprint() {
        if (shape instanceof Geometry.Box b) {
            return Math.hypot(b.size().x(), b.size().y()) / 2;
        }
        if (shape instanceof Geometry.Cylinder c) {
            return c.radius();
        }
        return ((Geometry.Sphere) shape).radius();
    }
}
