package dev.mantis.sim.task;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.model.Material;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.control.Controllers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a task spec from YAML text, refusing bad files with one line: file, line, key, fix. */
public final class TaskSpecReader {

    private static final List<String> TOP = List.of("id", "instruction", "robot", "controller", "horizon", "objects",
            "fixtures", "articulated", "goal", "cameras");
    private static final List<String> OBJECT = List.of("name", "shape", "sides", "size", "mass", "friction", "color",
            "x", "y", "yaw", "on");
    private static final List<String> REACH = List.of("type", "x", "y", "z", "tolerance");
    private static final List<String> PLACE = List.of("type", "object", "x", "y", "tolerance", "min_distance");
    private static final List<String> LIFT = List.of("type", "object", "height");
    private static final List<String> STACK = List.of("type", "object", "onto", "tolerance");
    private static final List<String> ARRANGE = List.of("type", "x", "y", "tolerance", "targets");
    private static final List<String> TARGET = List.of("object", "offset", "bottom");
    private static final List<String> INTO = List.of("type", "object", "fixture", "offset", "bottom", "tolerance",
            "yaw_tolerance", "slide");
    private static final List<String> HANOI = List.of("type", "fixture", "disks", "positions", "tolerance");
    private static final List<String> LIFT_ONE = List.of("type", "objects", "height", "x", "y");
    private static final List<String> GOAL_KEYS = List.of("type", "object", "onto", "x", "y", "z", "height",
            "tolerance", "min_distance", "targets", "fixture", "offset", "bottom", "yaw_tolerance", "slide", "disks",
            "positions", "joint", "start", "target", "site", "drive_to", "objects");
    private static final String GOAL_TYPES = "reach, place, push, lift, lift_one, stack, arrange, into, hanoi "
            + "or articulate";
    private static final Map<String, Material.Rgba> COLORS = Map.of(
            "red", new Material.Rgba(0.85, 0.15, 0.15, 1), "green", new Material.Rgba(0.15, 0.7, 0.2, 1),
            "blue", new Material.Rgba(0.15, 0.3, 0.85, 1), "yellow", new Material.Rgba(0.9, 0.8, 0.1, 1),
            "purple", new Material.Rgba(0.55, 0.2, 0.7, 1), "orange", new Material.Rgba(0.95, 0.5, 0.1, 1),
            "gray", new Material.Rgba(0.5, 0.5, 0.5, 1));

    private TaskSpecReader() {
    }

    /** The colour with this name (red, green, blue, yellow, purple, orange, gray). */
    static Material.Rgba colour(String name) {
        Material.Rgba c = COLORS.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown colour '" + name + "'");
        }
        return c;
    }

    /** The name of a colour {@link #colour} knows. */
    static String colourName(Material.Rgba rgba) {
        return COLORS.entrySet().stream().filter(e -> e.getValue().equals(rgba)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no colour name for " + rgba));
    }

    /** The colour named by {@code key} of {@code m}, or {@code fallback} where it is absent. */
    static Material.Rgba colour(Map<String, YamlNode> m, String key, Material.Rgba fallback) {
        if (!m.containsKey(key)) {
            return fallback;
        }
        Material.Rgba color = COLORS.get(m.get(key).text());
        if (color == null) {
            throw m.get(key).error("unknown colour '" + m.get(key).text() + "'; use one of " + String.join(", ",
                    new java.util.TreeSet<>(COLORS.keySet())));
        }
        return color;
    }

    /**
     * Parses {@code yaml}, named {@code file} in messages.
     *
     * @throws TaskSpecException for a file that is not YAML or not a valid task
     */
    public static TaskSpec read(String yaml, String file) {
        YamlNode rootNode = YamlNode.parse(yaml, file);
        if (rootNode == null) {
            throw new TaskSpecException(file, 1, "the file is empty; declare id, robot, horizon, objects and goal");
        }
        Map<String, YamlNode> top = rootNode.mapping(TOP);
        String id = required(top, "id", rootNode).text();
        if (!id.matches("[a-z0-9_]+")) {
            throw top.get("id").error("'" + id + "' must be lower-case letters, digits and underscores");
        }
        String robot = required(top, "robot", rootNode).text();
        String controller = top.containsKey("controller") ? top.get("controller").text() : "pd_ee_delta_pose";
        if (!Controllers.NAMES.contains(controller)) {
            throw top.get("controller").error("unknown controller '" + controller + "'; use one of "
                    + String.join(", ", Controllers.NAMES));
        }
        int horizon = required(top, "horizon", rootNode).integer();
        if (horizon < 1 || horizon > 10_000) {
            throw top.get("horizon").error(horizon + " control steps is outside 1..10000");
        }
        String instruction = top.containsKey("instruction") ? top.get("instruction").text() : id.replace('_', ' ');
        List<TaskFixture> fixtures = new ArrayList<>();
        Set<String> fixtureNames = new HashSet<>();
        if (top.containsKey("fixtures")) {
            for (YamlNode f : top.get("fixtures").sequence()) {
                TaskFixture fixture = FixtureReader.fixture(f);
                if (!fixtureNames.add(fixture.name())) {
                    throw f.error("a second fixture named '" + fixture.name() + "'; names must be unique");
                }
                fixtures.add(fixture);
            }
        }
        List<TaskArticulated> articulated = new ArrayList<>();
        Set<String> articulatedNames = new HashSet<>();
        if (top.containsKey("articulated")) {
            for (YamlNode a : top.get("articulated").sequence()) {
                TaskArticulated object = ArticulatedReader.articulated(a);
                if (fixtureNames.contains(object.name()) || !articulatedNames.add(object.name())) {
                    throw a.error("a second fixture or articulated object named '" + object.name() + "'; names must "
                            + "be unique");
                }
                articulated.add(object);
            }
        }
        List<TaskObject> objects = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (top.containsKey("objects")) {
            for (YamlNode o : top.get("objects").sequence()) {
                TaskObject object = object(o, names, fixtureNames);
                if (!names.add(object.name()) || fixtureNames.contains(object.name())
                        || articulatedNames.contains(object.name())) {
                    throw o.error("a second object or fixture named '" + object.name() + "'; names must be unique");
                }
                objects.add(object);
            }
        }
        Goal goal = goal(required(top, "goal", rootNode), objects, fixtures, articulated);
        List<dev.mantis.sim.render.CameraSpec> cameras = new ArrayList<>();
        if (top.containsKey("cameras")) {
            Set<String> cameraNames = new HashSet<>();
            for (YamlNode c : top.get("cameras").sequence()) {
                dev.mantis.sim.render.CameraSpec camera = CameraReader.camera(c);
                if (!cameraNames.add(camera.name())) {
                    throw c.error("a second camera named '" + camera.name() + "'; names must be unique");
                }
                cameras.add(camera);
            }
        }
        return new TaskSpec(id, file, instruction, robot, controller, horizon, objects, fixtures, articulated, goal,
                cameras);
    }

    static YamlNode required(Map<String, YamlNode> map, String key, YamlNode parent) {
        YamlNode n = map.get(key);
        if (n == null) {
            throw parent.error("missing key '" + key + "'");
        }
        return n;
    }

    /** An object; {@code on} may name a fixture or an object declared before it. */
    private static TaskObject object(YamlNode node, Set<String> earlier, Set<String> fixtures) {
        Map<String, YamlNode> m = node.mapping(OBJECT);
        String name = required(m, "name", node).text();
        Geometry shape = shape(m, node, false);
        String on = m.containsKey("on") ? m.get("on").text() : "";
        if (!on.isEmpty() && !earlier.contains(on) && !fixtures.contains(on)) {
            throw m.get("on").error("names no fixture nor earlier object '" + on + "'; declare what it rests on "
                    + "first");
        }
        double mass = positive(required(m, "mass", node), required(m, "mass", node).number());
        double friction = m.containsKey("friction") ? m.get("friction").number() : 0.8;
        if (friction < 0) {
            throw m.get("friction").error("friction " + friction + " is negative");
        }
        Material.Rgba color = colour(m, "color", COLORS.get("gray"));
        double[] yaw = m.containsKey("yaw") ? m.get("yaw").range() : new double[] {0, 0};
        return new TaskObject(name, shape, mass, friction, color, required(m, "x", node).range(),
                required(m, "y", node).range(), yaw, on);
    }

    /** The shape and size of a mapping with keys shape and size; a fixture part is no sphere. */
    static Geometry shape(Map<String, YamlNode> m, YamlNode node, boolean fixturePart) {
        String shapeName = required(m, "shape", node).text();
        YamlNode sizeNode = required(m, "size", node);
        return switch (shapeName) {
            case "box" -> {
                double[] s = sizeNode.numbers(3);
                yield new Geometry.Box(new Vec3(positive(sizeNode, s[0]), positive(sizeNode, s[1]),
                        positive(sizeNode, s[2])));
            }
            case "cylinder" -> {
                double[] s = sizeNode.numbers(2);
                yield new Geometry.Cylinder(positive(sizeNode, s[0]), positive(sizeNode, s[1]));
            }
            case "prism" -> {
                if (fixturePart) {
                    throw m.get("shape").error("a fixture part is a box or a cylinder, not a prism");
                }
                double[] s = sizeNode.numbers(2);
                YamlNode sidesNode = required(m, "sides", node);
                double sides = sidesNode.number();
                if (sides != Math.rint(sides) || sides < 3 || sides > 64) {
                    throw sidesNode.error("a prism has a whole number of sides from 3 to 64, got " + sidesNode.text());
                }
                yield new Geometry.Prism((int) sides, positive(sizeNode, s[0]), positive(sizeNode, s[1]));
            }
            case "sphere" -> {
                if (fixturePart) {
                    throw m.get("shape").error("a fixture part is a box or a cylinder, not a sphere");
                }
                yield new Geometry.Sphere(positive(sizeNode, sizeNode.number()));
            }
            default -> throw m.get("shape").error("unknown shape '" + shapeName + "'; use box, cylinder"
                    + (fixturePart ? "" : ", prism (with sides) or sphere"));
        };
    }

    private static Goal goal(YamlNode node, List<TaskObject> declared, List<TaskFixture> fixtures,
            List<TaskArticulated> articulated) {
        Set<String> objects = new HashSet<>();
        declared.forEach(o -> objects.add(o.name()));
        YamlNode typeNode = node.mapping(GOAL_KEYS).get("type");
        if (typeNode == null) {
            throw node.error("missing key 'type' (" + GOAL_TYPES + ")");
        }
        String type = typeNode.text();
        switch (type) {
            case "into" -> {
                return FixtureReader.into(node, node.mapping(INTO), declared, fixtures);
            }
            case "articulate" -> {
                return ArticulatedReader.goal(node, articulated);
            }
            case "hanoi" -> {
                return FixtureReader.hanoi(node, node.mapping(HANOI), declared, fixtures);
            }
            case "reach" -> {
                Map<String, YamlNode> m = node.mapping(REACH);
                return new Goal.Reach(required(m, "x", node).range(), required(m, "y", node).range(),
                        required(m, "z", node).range(), positive(required(m, "tolerance", node),
                        required(m, "tolerance", node).number()));
            }
            case "place" -> {
                Target t = target(node, objects);
                return new Goal.Place(t.object, t.x, t.y, t.tolerance, t.minDistance);
            }
            case "push" -> {
                Target t = target(node, objects);
                return new Goal.Push(t.object, t.x, t.y, t.tolerance, t.minDistance);
            }
            case "arrange" -> {
                Map<String, YamlNode> m = node.mapping(ARRANGE);
                List<Goal.Arrange.Target> targets = new ArrayList<>();
                Set<String> used = new HashSet<>();
                for (YamlNode t : required(m, "targets", node).sequence()) {
                    Map<String, YamlNode> tm = t.mapping(TARGET);
                    String object = object(tm, "object", t, objects);
                    if (!used.add(object)) {
                        throw tm.get("object").error("object '" + object + "' has two targets");
                    }
                    double[] offset = required(tm, "offset", t).numbers(2);
                    double bottom = tm.containsKey("bottom") ? tm.get("bottom").number() : 0;
                    if (bottom < 0) {
                        throw tm.get("bottom").error("bottom " + bottom + " is below the table");
                    }
                    targets.add(new Goal.Arrange.Target(object, offset[0], offset[1], bottom));
                }
                return new Goal.Arrange(required(m, "x", node).range(), required(m, "y", node).range(),
                        positive(required(m, "tolerance", node), required(m, "tolerance", node).number()), targets);
            }
            case "lift" -> {
                Map<String, YamlNode> m = node.mapping(LIFT);
                return new Goal.Lift(object(m, "object", node, objects), positive(required(m, "height", node),
                        required(m, "height", node).number()));
            }
            case "lift_one" -> {
                Map<String, YamlNode> m = node.mapping(LIFT_ONE);
                List<String> names = new ArrayList<>();
                for (YamlNode o : required(m, "objects", node).sequence()) {
                    if (!objects.contains(o.text())) {
                        throw o.error("names no declared object '" + o.text() + "'");
                    }
                    names.add(o.text());
                }
                if (names.isEmpty()) {
                    throw m.get("objects").error("list at least one object to lift");
                }
                return new Goal.LiftOne(names, positive(required(m, "height", node), required(m, "height", node)
                        .number()), required(m, "x", node).range(), required(m, "y", node).range());
            }
            case "stack" -> {
                Map<String, YamlNode> m = node.mapping(STACK);
                String object = object(m, "object", node, objects);
                String onto = object(m, "onto", node, objects);
                if (object.equals(onto)) {
                    throw m.get("onto").error("an object cannot be stacked on itself");
                }
                return new Goal.Stack(object, onto, positive(required(m, "tolerance", node),
                        required(m, "tolerance", node).number()));
            }
            default -> throw node.error("unknown goal type '" + type + "'; use " + GOAL_TYPES);
        }
    }

    /** What place and push goals share: an object and where its target may be drawn. */
    private record Target(String object, double[] x, double[] y, double tolerance, double minDistance) {
    }

    private static Target target(YamlNode node, Set<String> objects) {
        Map<String, YamlNode> m = node.mapping(PLACE);
        double minDistance = m.containsKey("min_distance") ? m.get("min_distance").number() : 0.1;
        return new Target(object(m, "object", node, objects), required(m, "x", node).range(),
                required(m, "y", node).range(), positive(required(m, "tolerance", node),
                required(m, "tolerance", node).number()), minDistance);
    }

    /** The value of {@code key}, which must name a declared object. */
    static String object(Map<String, YamlNode> m, String key, YamlNode node, Set<String> objects) {
        String name = required(m, key, node).text();
        if (!objects.contains(name)) {
            throw m.get(key).error("names no object '" + name + "'; declared: " + new java.util.TreeSet<>(objects));
        }
        return name;
    }

    static double positive(YamlNode node, double v) {
        if (!(v > 0)) {
            throw node.error(v + " must be > 0");
        }
        return v;
    }
}
