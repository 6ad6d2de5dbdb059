package dev.mantis.sim.task;

import static dev.mantis.sim.task.TaskSpecReader.positive;
import static dev.mantis.sim.task.TaskSpecReader.required;

import dev.mantis.assets.BundledObjects;
import dev.mantis.robot.model.Joint;
import dev.mantis.robot.model.JointType;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.urdf.MeshResolver;
import dev.mantis.robot.urdf.UrdfLoader;
import dev.mantis.sim.scene.ArticulatedSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the articulated objects of a task file and the {@code articulate} goal that uses them,
 * refusing bad ones with one line: file, line, key, fix.
 */
final class ArticulatedReader {

    private static final List<String> ARTICULATED = List.of("name", "urdf", "x", "y", "yaw", "reach", "springs");
    private static final List<String> SPRING = List.of("joint", "stiffness", "rest");
    static final List<String> GOAL = List.of("type", "object", "joint", "start", "target", "site", "drive_to");

    private ArticulatedReader() {
    }

    /** An articulated object: a bundled URDF, its springs and where it may stand. */
    static TaskArticulated articulated(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(ARTICULATED);
        String name = required(m, "name", node).text();
        YamlNode urdfNode = required(m, "urdf", node);
        String urdf = urdfNode.text();
        var url = BundledObjects.urdf(urdf).orElseThrow(() -> urdfNode.error("no bundled object '" + urdf
                + "'; use one of " + String.join(", ", BundledObjects.IDS)));
        RobotModel model = new UrdfLoader(new MeshResolver(List.of())).load(url);
        List<ArticulatedSpec.Spring> springs = new ArrayList<>();
        if (m.containsKey("springs")) {
            for (YamlNode s : m.get("springs").sequence()) {
                Map<String, YamlNode> sm = s.mapping(SPRING);
                String joint = required(sm, "joint", s).text();
                if (model.joint(joint).filter(j -> j.type() != JointType.FIXED).isEmpty()) {
                    throw sm.get("joint").error("'" + urdf + "' has no moving joint '" + joint + "'");
                }
                double stiffness = required(sm, "stiffness", s).number();
                if (stiffness < 0) {
                    throw sm.get("stiffness").error("stiffness " + stiffness + " is negative");
                }
                springs.add(new ArticulatedSpec.Spring(joint, stiffness, required(sm, "rest", s).number()));
            }
        }
        double[] yaw = m.containsKey("yaw") ? m.get("yaw").range() : new double[] {0, 0};
        double reach = m.containsKey("reach") ? positive(m.get("reach"), m.get("reach").number()) : 0.3;
        return new TaskArticulated(name, urdf, model, springs, required(m, "x", node).range(),
                required(m, "y", node).range(), yaw, reach);
    }

    /** An articulate goal on one of {@code declared}. */
    static Goal.Articulate goal(YamlNode node, List<TaskArticulated> declared) {
        Map<String, YamlNode> m = node.mapping(GOAL);
        String object = required(m, "object", node).text();
        TaskArticulated a = declared.stream().filter(d -> d.name().equals(object)).findFirst().orElseThrow(
                () -> m.get("object").error("names no articulated object '" + object + "'; declared: "
                        + declared.stream().map(TaskArticulated::name).toList()));
        String jointName = required(m, "joint", node).text();
        Joint joint = a.model().joint(jointName).filter(j -> j.type() != JointType.FIXED).orElseThrow(
                () -> m.get("joint").error("'" + a.urdf() + "' has no moving joint '" + jointName + "'"));
        if (!joint.parent().equals(a.model().rootLink().name())) {
            throw m.get("joint").error("joint '" + jointName + "' must move a link of the base '"
                    + a.model().rootLink().name() + "' (the oracle follows one joint)");
        }
        double[] start = required(m, "start", node).range();
        double[] target = required(m, "target", node).range();
        for (double[] r : List.of(start, target)) {
            if (r[0] > r[1]) {
                throw node.error("a range [" + r[0] + ", " + r[1] + "] must have min <= max");
            }
        }
        if (start[0] < joint.limits().lower() || start[1] > joint.limits().upper()) {
            throw m.get("start").error("start must lie within the joint's limits [" + joint.limits().lower() + ", "
                    + joint.limits().upper() + "]");
        }
        double[] site = required(m, "site", node).numbers(3);
        double driveTo = required(m, "drive_to", node).number();
        return new Goal.Articulate(object, jointName, start, target, site, driveTo);
    }
}
