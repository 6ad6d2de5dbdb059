package dev.mantis.robot.model;

import dev.mantis.robot.spatial.Transform;
import java.util.Optional;

/** A visual element: geometry placed at {@code origin} (T_link_visual) with an optional material. */
public record Visual(Optional<String> name, Transform origin, Geometry geometry, Optional<Material> material) {
}
