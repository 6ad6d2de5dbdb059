package dev.mantis.robot.model;

import java.util.Optional;

/** A named colour (RGBA in [0, 1]) and/or texture file name, from URDF {@code <material>}. */
public record Material(String name, Optional<Rgba> color, Optional<String> texture) {

    /** A colour with components in [0, 1]. */
    public record Rgba(double r, double g, double b, double a) {
    }
}
