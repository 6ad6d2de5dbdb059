package dev.mantis.robot.model;

import dev.mantis.robot.spatial.Vec3;
import java.nio.file.Path;
import java.util.Optional;

/** A shape of a visual or collision element, in its element's frame, metres. */
public sealed interface Geometry {

    /** A box centred on the frame origin with edge lengths {@code size}. */
    record Box(Vec3 size) implements Geometry {
    }

    /** A cylinder centred on the frame origin, its axis along z. */
    record Cylinder(double radius, double length) implements Geometry {
    }

    /**
     * A right prism with a regular polygon of {@code sides} (3 or more) as cross-section, centred on
     * the frame origin, its axis along z: {@code radius} is the polygon's circumradius, and one
     * vertex lies on the +x axis.
     */
    record Prism(int sides, double radius, double length) implements Geometry {

        /** The polygon's apothem (centre to the middle of a side), metres. */
        public double apothem() {
            return radius * Math.cos(Math.PI / sides);
        }

        /** Vertex {@code i} of the bottom (z = -length/2) then top face: 2 x sides points (x, y, z). */
        public double[] vertices() {
            double[] v = new double[6 * sides];
            for (int i = 0; i < 2 * sides; i++) {
                double angle = 2 * Math.PI * (i % sides) / sides;
                v[3 * i] = radius * Math.cos(angle);
                v[3 * i + 1] = radius * Math.sin(angle);
                v[3 * i + 2] = (i < sides ? -0.5 : 0.5) * length;
            }
            return v;
        }
    }

    /** A sphere centred on the frame origin. */
    record Sphere(double radius) implements Geometry {
    }

    /**
     * A mesh file: {@code filename} as written in the URDF, {@code scale} per axis and the file
     * it resolved to on this machine, if it was found.
     */
    record Mesh(String filename, Vec3 scale, Optional<Path> resolved) implements Geometry {
    }
}
