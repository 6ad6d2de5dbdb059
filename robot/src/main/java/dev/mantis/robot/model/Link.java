package dev.mantis.robot.model;

import java.util.List;
import java.util.Optional;

/** A rigid link: optional mass properties, visual and collision geometry. */
public record Link(String name, Optional<Inertial> inertial, List<Visual> visuals, List<Collision> collisions) {

    public Link {
        visuals = List.copyOf(visuals);
        collisions = List.copyOf(collisions);
    }
}
