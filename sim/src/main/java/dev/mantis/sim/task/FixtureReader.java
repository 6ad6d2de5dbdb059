package dev.mantis.sim.task;

import static dev.mantis.sim.task.TaskSpecReader.positive;
import static dev.mantis.sim.task.TaskSpecReader.required;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.model.Material;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.scene.FixturePart;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fixtures of a task file and the goals that use them ({@code into}, {@code hanoi}),
 * refusing bad ones with one line: file, line, key, fix.
 */
final class FixtureReader {

    private static final List<String> FIXTURE = List.of("name", "color", "friction", "x", "y", "yaw", "parts");
    private static final List<String> PART = List.of("shape", "size", "offset", "yaw", "color");

    private FixtureReader() {
    }

    /** A fixture: its parts (boxes and cylinders standing on the table) and where it may stand. */
    static TaskFixture fixture(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(FIXTURE);
        String name = required(m, "name", node).text();
        Material.Rgba colour = TaskSpecReader.colour(m, "color", TaskSpecReader.colour("gray"));
        double friction = m.containsKey("friction") ? m.get("friction").number() : 0.8;
        if (friction < 0) {
            throw m.get("friction").error("friction " + friction + " is negative");
        }
        YamlNode partsNode = required(m, "parts", node);
        List<FixturePart> parts = new ArrayList<>();
        for (YamlNode p : partsNode.sequence()) {
            parts.add(part(p, colour));
        }
        if (parts.isEmpty()) {
            throw partsNode.error("a fixture needs at least one part (a box or a cylinder)");
        }
        double[] yaw = m.containsKey("yaw") ? m.get("yaw").range() : new double[] {0, 0};
        return new TaskFixture(name, parts, friction, required(m, "x", node).range(), required(m, "y", node).range(),
                yaw);
    }

    private static FixturePart part(YamlNode node, Material.Rgba fixtureColour) {
        Map<String, YamlNode> m = node.mapping(PART);
        Geometry shape = TaskSpecReader.shape(m, node, true);
        YamlNode offsetNode = required(m, "offset", node);
        double[] o = offsetNode.numbers(3);
        double yaw = m.containsKey("yaw") ? m.get("yaw").number() : 0;
        FixturePart part = new FixturePart(shape, new Vec3(o[0], o[1], o[2]), yaw,
                TaskSpecReader.colour(m, "color", fixtureColour));
        double bottom = part.top() - part.height();
        if (bottom < -1e-9) {
            throw offsetNode.error("the part reaches " + TaskSpecWriter.num(-bottom) + " m below the table top; "
                    + "raise its z to at least " + TaskSpecWriter.num(part.height() / 2));
        }
        return part;
    }

    /** An into goal: one of the objects into a fixture's site. */
    static Goal.Into into(YamlNode node, Map<String, YamlNode> m, List<TaskObject> declared,
            List<TaskFixture> fixtures) {
        Set<String> names = new HashSet<>();
        declared.forEach(o -> names.add(o.name()));
        YamlNode objectNode = required(m, "object", node);
        List<String> objects = objectNode.texts();
        if (objects.isEmpty()) {
            throw objectNode.error("name the object, or a list of objects to draw one from");
        }
        for (String o : objects) {
            if (!names.contains(o)) {
                throw objectNode.error("names no object '" + o + "'; declared: " + new java.util.TreeSet<>(names));
            }
        }
        if (new HashSet<>(objects).size() != objects.size()) {
            throw objectNode.error("lists an object twice");
        }
        TaskFixture fixture = fixture(m, node, fixtures);
        double[] offset = m.containsKey("offset") ? m.get("offset").numbers(2) : new double[2];
        double bottom = m.containsKey("bottom") ? m.get("bottom").number() : fixture.surface(offset[0], offset[1]);
        if (bottom < 0) {
            throw m.get("bottom").error("bottom " + bottom + " is below the table");
        }
        YamlNode toleranceNode = required(m, "tolerance", node);
        double[] tolerance = toleranceNode.numbers(2);
        positive(toleranceNode, tolerance[0]);
        positive(toleranceNode, tolerance[1]);
        double yawTolerance = Double.POSITIVE_INFINITY;
        if (m.containsKey("yaw_tolerance")) {
            yawTolerance = positive(m.get("yaw_tolerance"), m.get("yaw_tolerance").number());
            for (String o : objects) {
                if (!(declared.stream().filter(d -> d.name().equals(o)).findFirst().orElseThrow().shape()
                        instanceof Geometry.Box)) {
                    throw m.get("yaw_tolerance").error("'" + o + "' is round: its yaw does not matter; drop "
                            + "yaw_tolerance");
                }
            }
        }
        double[] slide = m.containsKey("slide") ? m.get("slide").numbers(2) : new double[2];
        return new Goal.Into(objects, fixture.name(), offset[0], offset[1], bottom, tolerance, yawTolerance, slide);
    }

    /** A hanoi goal: disks largest first, stacked on the first of three positions of a fixture. */
    static Goal.Hanoi hanoi(YamlNode node, Map<String, YamlNode> m, List<TaskObject> declared,
            List<TaskFixture> fixtures) {
        TaskFixture fixture = fixture(m, node, fixtures);
        YamlNode disksNode = required(m, "disks", node);
        List<String> disks = disksNode.texts();
        if (disks.size() < 2) {
            throw disksNode.error("list at least two disks, largest first");
        }
        YamlNode positionsNode = required(m, "positions", node);
        List<double[]> positions = new ArrayList<>();
        for (YamlNode p : positionsNode.sequence()) {
            positions.add(p.numbers(2));
        }
        if (positions.size() != 3) {
            throw positionsNode.error("expected 3 positions [x, y] in the fixture frame, got " + positions.size());
        }
        String below = fixture.name();
        double radius = Double.POSITIVE_INFINITY;
        for (String name : disks) {
            TaskObject disk = declared.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow(
                    () -> disksNode.error("names no object '" + name + "'"));
            if (!(disk.shape() instanceof Geometry.Cylinder c)) {
                throw disksNode.error("disk '" + name + "' is not a cylinder");
            }
            if (!(c.radius() < radius)) {
                throw disksNode.error("disk '" + name + "' is not smaller than the one before; list the disks "
                        + "largest first");
            }
            if (!disk.on().equals(below)) {
                throw disksNode.error("disk '" + name + "' must start on '" + below + "' (on: " + below + ")");
            }
            radius = c.radius();
            below = name;
        }
        TaskObject base = declared.stream().filter(o -> o.name().equals(disks.get(0))).findFirst().orElseThrow();
        double[] first = positions.get(0);
        if (first[0] < base.x()[0] || first[0] > base.x()[1] || first[1] < base.y()[0] || first[1] > base.y()[1]) {
            throw disksNode.error("disk '" + base.name() + "' must start on the first position; its x and y ranges "
                    + "must hold [" + TaskSpecWriter.num(first[0]) + ", " + TaskSpecWriter.num(first[1]) + "]");
        }
        return new Goal.Hanoi(fixture.name(), disks, positions, positive(required(m, "tolerance", node),
                required(m, "tolerance", node).number()));
    }

    private static TaskFixture fixture(Map<String, YamlNode> m, YamlNode node, List<TaskFixture> fixtures) {
        String name = required(m, "fixture", node).text();
        return fixtures.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() -> m.get("fixture")
                .error("names no fixture '" + name + "'; declared: " + fixtures.stream().map(TaskFixture::name)
                        .sorted().toList()));
    }
}
