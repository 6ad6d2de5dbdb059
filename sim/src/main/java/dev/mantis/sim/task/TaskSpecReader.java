package dev.mantis.sim.task;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.model.Material;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.control.Controllers;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a task spec from YAML text, refusing bad files with one line: file, line, key, fix. */
public final class TaskSpecReader {

    private static final List<String> TOP = List.of("id", "instruction", "robot", "controller", "horizon", "objects",
            "goal");
    private static final List<String> OBJECT = List.of("name", "shape", "size", "mass", "friction", "color", "x", "y",
            "yaw");
    private static final List<String> REACH = List.of("type", "x", "y", "z", "tolerance");
    private static final List<String> PLACE = List.of("type", "object", "x", "y", "tolerance", "min_distance");
    private static final List<String> LIFT = List.of("type", "object", "height");
    private static final List<String> STACK = List.of("type", "object", "onto", "tolerance");
    private static final List<String> ARRANGE = List.of("type", "x", "y", "tolerance", "targets");
    private static final List<String> TARGET = List.of("object", "offset", "bottom");
    private static final List<String> GOAL_KEYS = List.of("type", "object", "onto", "x", "y", "z", "height",
            "tolerance", "min_distance", "targets");
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

    /**
     * Parses {@code yaml}, named {@code file} in messages.
     *
     * @throws TaskSpecException for a file that is not YAML or not a valid task
     */
    public static TaskSpec read(String yaml, String file) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new TaskSpecException(file, line, "not YAML: " + e.getProblem() + "; fix the syntax");
        }
        if (root == null) {
            throw new TaskSpecException(file, 1, "the file is empty; declare id, robot, horizon, objects and goal");
        }
        Map<String, YamlNode> top = new YamlNode(file, "", root).mapping(TOP);
        YamlNode rootNode = new YamlNode(file, "", root);
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
        List<TaskObject> objects = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (top.containsKey("objects")) {
            for (YamlNode o : top.get("objects").sequence()) {
                TaskObject object = object(o);
                if (!names.add(object.name())) {
                    throw o.error("a second object named '" + object.name() + "'; names must be unique");
                }
                objects.add(object);
            }
        }
        Goal goal = goal(required(top, "goal", rootNode), names);
        return new TaskSpec(id, file, instruction, robot, controller, horizon, objects, goal);
    }

    private static YamlNode required(Map<String, YamlNode> map, String key, YamlNode parent) {
        YamlNode n = map.get(key);
        if (n == null) {
            throw parent.error("missing key '" + key + "'");
        }
        return n;
    }

    private static TaskObject object(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(OBJECT);
        String name = required(m, "name", node).text();
        String shapeName = required(m, "shape", node).text();
        YamlNode sizeNode = required(m, "size", node);
        Geometry shape = switch (shapeName) {
            case "box" -> {
                double[] s = sizeNode.numbers(3);
                yield new Geometry.Box(new Vec3(positive(sizeNode, s[0]), positive(sizeNode, s[1]),
                        positive(sizeNode, s[2])));
            }
            case "cylinder" -> {
                double[] s = sizeNode.numbers(2);
                yield new Geometry.Cylinder(positive(sizeNode, s[0]), positive(sizeNode, s[1]));
            }
            case "sphere" -> new Geometry.Sphere(positive(sizeNode, sizeNode.number()));
            default -> throw m.get("shape").error("unknown shape '" + shapeName + "'; use box, cylinder or sphere");
        };
        double mass = positive(required(m, "mass", node), required(m, "mass", node).number());
        double friction = m.containsKey("friction") ? m.get("friction").number() : 0.8;
        if (friction < 0) {
            throw m.get("friction").error("friction " + friction + " is negative");
        }
        String colorName = m.containsKey("color") ? m.get("color").text() : "gray";
        Material.Rgba color = COLORS.get(colorName);
        if (color == null) {
            throw m.get("color").error("unknown colour '" + colorName + "'; use one of " + String.join(", ",
                    new java.util.TreeSet<>(COLORS.keySet())));
        }
        double[] yaw = m.containsKey("yaw") ? m.get("yaw").range() : new double[] {0, 0};
        return new TaskObject(name, shape, mass, friction, color, required(m, "x", node).range(),
                required(m, "y", node).range(), yaw);
    }

    private static Goal goal(YamlNode node, Set<String> objects) {
        YamlNode typeNode = node.mapping(GOAL_KEYS).get("type");
        if (typeNode == null) {
            throw node.error("missing key 'type' (reach, place, push, lift, stack or arrange)");
        }
        String type = typeNode.text();
        switch (type) {
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
            default -> throw node.error("unknown goal type '" + type + "'; use reach, place, push, lift, stack or arrange");
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
    private static String object(Map<String, YamlNode> m, String key, YamlNode node, Set<String> objects) {
        String name = required(m, key, node).text();
        if (!objects.contains(name)) {
            throw m.get(key).error("names no object '" + name + "'; declared: " + new java.util.TreeSet<>(objects));
        }
        return name;
    }

    private static double positive(YamlNode node, double v) {
        if (!(v > 0)) {
            throw node.error(v + " must be > 0");
        }
        return v;
    }
}
