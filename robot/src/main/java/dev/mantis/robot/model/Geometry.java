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
