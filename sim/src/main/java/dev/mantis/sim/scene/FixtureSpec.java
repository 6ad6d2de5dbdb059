package dev.mantis.sim.scene;

import dev.mantis.robot.spatial.Transform;
import java.util.List;

/**
 * A fixture of a scene: a static body (it never moves under physics; only
 * {@link Scene#setFixturePose} places it, between episodes) made of upright primitives, e.g. a
 * bowl (a floor and four low walls), a corner, a pocket, a hole block or a flat zone marker.
 *
 * @param name unique among the scene's objects and fixtures
 * @param parts at least one primitive, in the fixture frame
 * @param friction Coulomb friction coefficient, >= 0
 * @param pose initial pose T_world_fixture (its origin on the table top, z up)
 */
public record FixtureSpec(String name, List<FixturePart> parts, double friction, Transform pose) {

    public FixtureSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("fixture needs a name");
        }
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("fixture '" + name + "' has no parts; give it at least one box or "
                    + "cylinder");
        }
        if (!(friction >= 0) || !Double.isFinite(friction)) {
            throw new IllegalArgumentException("fixture '" + name + "': friction must be >= 0, got " + friction);
        }
        if (!pose.translation().isFinite()) {
            throw new IllegalArgumentException("fixture '" + name + "': pose must be finite");
        }
    }
}
