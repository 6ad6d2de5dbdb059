package dev.mantis.robot.model;

import dev.mantis.robot.spatial.Transform;
import java.util.Optional;

/** A collision element: geometry placed at {@code origin} (T_link_collision). */
public record Collision(Optional<String> name, Transform origin, Geometry geometry) {
}
