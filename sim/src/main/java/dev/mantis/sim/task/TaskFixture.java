package dev.mantis.sim.task;

import dev.mantis.robot.spatial.Transform;
import dev.mantis.sim.scene.FixturePart;
import dev.mantis.sim.scene.FixtureSpec;
import java.util.List;

/**
 * A fixture of a task (a static body of upright primitives: a bowl, a corner, a pocket, a hole
 * block, zone marker pads) and where it may stand: its origin uniformly in the x and y ranges
 * (metres, world frame, on the table top), turned by a yaw in the yaw range (radians).
 */
public record TaskFixture(String name, List<FixturePart> parts, double friction, double[] x, double[] y,
        double[] yaw) {

    public TaskFixture {
        parts = List.copyOf(parts);
    }

    /** The scene's fixture at this pose. */
    public FixtureSpec spec(Transform T_world_fixture) {
        return new FixtureSpec(name, parts, friction, T_world_fixture);
    }

    /** Height of the fixture's highest point above the table, metres. */
    public double top() {
        return parts.stream().mapToDouble(FixturePart::top).max().orElse(0);
    }

    /**
     * Height above the table of the top of whatever part lies under the point (x, y) of the
     * fixture frame, 0 where no part does (the table), metres.
     */
    public double surface(double x, double y) {
        return parts.stream().filter(p -> p.distance(x, y) == 0).mapToDouble(FixturePart::top).max().orElse(0);
    }

    /** Horizontal distance from the point (x, y) of the fixture frame to the nearest part, metres. */
    public double distance(double x, double y) {
        return parts.stream().mapToDouble(p -> p.distance(x, y)).min().orElse(Double.POSITIVE_INFINITY);
    }

    /** Radius of a circle about the fixture origin holding every part's footprint, metres. */
    public double reach() {
        return parts.stream().mapToDouble(FixturePart::reach).max().orElse(0);
    }
}
