package dev.mantis.robot.urdf;

import dev.mantis.robot.model.Joint;
import dev.mantis.robot.model.Mimic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks how links and joints fit together: names unique and known, each link with at most one
 * parent joint, exactly one root, no cycles, and mimic couplings that name 1-dof joints without
 * looping. Errors point at the element that has to change.
 */
final class UrdfStructure {

    private final UrdfSource source;

    UrdfStructure(UrdfSource source) {
        this.source = source;
    }

    /** The elements by name attribute, in file order; refuses a missing or repeated name. */
    Map<String, XmlElement> declarations(List<XmlElement> elements, String kind) {
        Map<String, XmlElement> byName = new LinkedHashMap<>();
        for (XmlElement e : elements) {
            String name = e.attribute("name").filter(n -> !n.isBlank()).orElseThrow(() -> source.error(e,
                    "<" + kind + "> has no name; add name=\"...\""));
            XmlElement first = byName.putIfAbsent(name, e);
            if (first != null) {
                throw source.error(e, kind + " '" + name + "' is declared twice (first at line " + first.line()
                        + "); rename or remove one of them");
            }
        }
        return byName;
    }

    /**
     * Checks that the joints connect the links into one tree.
     *
     * @param links link elements by name, in file order
     * @param joints the mapped joints, in file order
     * @param jointElements joint elements by name
     */
    void checkTree(Map<String, XmlElement> links, List<Joint> joints, Map<String, XmlElement> jointElements) {
        Map<String, Joint> parentJoint = new HashMap<>();
        for (Joint j : joints) {
            XmlElement e = jointElements.get(j.name());
            knownLink(e, j, "parent", j.parent(), links);
            knownLink(e, j, "child", j.child(), links);
            if (j.parent().equals(j.child())) {
                throw source.error(e, "joint '" + j.name() + "' has link '" + j.child() + "' as both parent and"
                        + " child; a joint must connect two different links");
            }
            Joint other = parentJoint.putIfAbsent(j.child(), j);
            if (other != null) {
                throw source.error(e.child("child").orElse(e), "link '" + j.child() + "' is the child of two joints,"
                        + " '" + other.name() + "' and '" + j.name() + "'; a link has one parent joint, re-attach or"
                        + " remove one of them");
            }
        }
        List<String> roots = links.keySet().stream().filter(l -> !parentJoint.containsKey(l)).toList();
        Map<String, Integer> order = fileOrder(joints);
        if (roots.isEmpty()) {
            List<Joint> cycle = cycleAbove(links.keySet().iterator().next(), parentJoint, order);
            throw source.error(jointElements.get(cycle.get(0).name()), "no root link: every link is some joint's"
                    + " child (joints " + chain(cycle) + " form a cycle); remove a joint of the cycle so that one"
                    + " link has no parent");
        }
        if (roots.size() > 1) {
            throw source.error(links.get(roots.get(1)), "several root links: "
                    + roots.stream().map(r -> "'" + r + "'").collect(Collectors.joining(", "))
                    + "; connect them with joints or load them as separate robots");
        }
        Set<String> reached = reachable(roots.get(0), joints);
        List<String> cutOff = links.keySet().stream().filter(l -> !reached.contains(l)).toList();
        if (!cutOff.isEmpty()) {
            List<Joint> cycle = cycleAbove(cutOff.get(0), parentJoint, order);
            throw source.error(jointElements.get(cycle.get(0).name()), "joints " + chain(cycle) + " form a cycle,"
                    + " so links " + cutOff.stream().map(l -> "'" + l + "'").collect(Collectors.joining(", "))
                    + " cannot be reached from the root link '" + roots.get(0) + "'; remove one of these joints"
                    + " and attach the links to the tree");
        }
    }

    /** Checks that each mimic names a known 1-dof joint, from a 1-dof joint, and that no chain loops. */
    void checkMimics(List<Joint> joints, Map<String, XmlElement> jointElements) {
        Map<String, Joint> byName = new HashMap<>();
        joints.forEach(j -> byName.put(j.name(), j));
        for (Joint j : joints) {
            if (j.mimic().isEmpty()) {
                continue;
            }
            XmlElement at = mimicElement(j, jointElements);
            String target = j.mimic().get().joint();
            Joint t = byName.get(target);
            if (t == null) {
                throw source.error(at, "joint '" + j.name() + "' <mimic> names unknown joint '" + target
                        + "'; declare a <joint name=\"" + target + "\"> or fix the name");
            }
            if (j.type().dof() != 1) {
                throw source.error(at, "joint '" + j.name() + "' <mimic>: a " + j.type().urdfName() + " joint cannot"
                        + " mimic; only revolute, continuous and prismatic joints can, remove the <mimic>");
            }
            if (t.type().dof() != 1) {
                throw source.error(at, "joint '" + j.name() + "' <mimic> names joint '" + target + "', which is "
                        + t.type().urdfName() + "; mimic a revolute, continuous or prismatic joint");
            }
        }
        Map<String, Integer> order = fileOrder(joints);
        for (Joint j : joints) {
            List<String> path = new ArrayList<>();
            Joint current = j;
            while (current.mimic().isPresent() && !path.contains(current.name())) {
                path.add(current.name());
                current = byName.get(current.mimic().get().joint());
            }
            if (current.mimic().isPresent()) {
                List<String> loop = rotateToFirst(path.subList(path.indexOf(current.name()), path.size()), order);
                throw source.error(mimicElement(byName.get(loop.get(0)), jointElements), "mimic chain loops: "
                        + loop.stream().map(n -> "'" + n + "' -> ").collect(Collectors.joining()) + "'"
                        + loop.get(0) + "'; remove the <mimic> of one of these joints");
            }
        }
    }

    private void knownLink(XmlElement joint, Joint j, String role, String link, Map<String, XmlElement> links) {
        if (!links.containsKey(link)) {
            throw source.error(joint.child(role).orElse(joint), "joint '" + j.name() + "' names unknown " + role
                    + " link '" + link + "'; declare a <link name=\"" + link + "\"> or fix the name");
        }
    }

    private static XmlElement mimicElement(Joint j, Map<String, XmlElement> jointElements) {
        XmlElement e = jointElements.get(j.name());
        return e.child("mimic").orElse(e);
    }

    /** Links reachable from {@code root} through joints, parent to child. */
    private static Set<String> reachable(String root, List<Joint> joints) {
        Map<String, List<String>> children = new HashMap<>();
        joints.forEach(j -> children.computeIfAbsent(j.parent(), k -> new ArrayList<>()).add(j.child()));
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            String l = todo.remove(todo.size() - 1);
            if (seen.add(l)) {
                todo.addAll(children.getOrDefault(l, List.of()));
            }
        }
        return seen;
    }

    /**
     * The cycle met by walking up parent joints from {@code link}, which must not reach a root;
     * joints in parent-to-child order, starting at the one declared first.
     */
    private static List<Joint> cycleAbove(String link, Map<String, Joint> parentJoint, Map<String, Integer> order) {
        List<String> visited = new ArrayList<>();
        String l = link;
        while (!visited.contains(l)) {
            visited.add(l);
            l = parentJoint.get(l).parent();
        }
        List<String> cycleLinks = visited.subList(visited.indexOf(l), visited.size());
        List<String> jointNames = new ArrayList<>();
        for (int i = cycleLinks.size() - 1; i >= 0; i--) {
            jointNames.add(parentJoint.get(cycleLinks.get(i)).name());
        }
        Map<String, Joint> byName = new HashMap<>();
        parentJoint.values().forEach(j -> byName.put(j.name(), j));
        return rotateToFirst(jointNames, order).stream().map(byName::get).toList();
    }

    /** The cyclic sequence rotated to start at the name declared first in the file. */
    private static List<String> rotateToFirst(List<String> cycle, Map<String, Integer> order) {
        int start = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (order.get(cycle.get(i)) < order.get(cycle.get(start))) {
                start = i;
            }
        }
        List<String> out = new ArrayList<>(cycle.subList(start, cycle.size()));
        out.addAll(cycle.subList(0, start));
        return out;
    }

    private static Map<String, Integer> fileOrder(List<Joint> joints) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < joints.size(); i++) {
            order.put(joints.get(i).name(), i);
        }
        return order;
    }

    /** {@code 'a' -> 'b' -> 'a'}: the joints in order, back to the first. */
    private static String chain(List<Joint> cycle) {
        return cycle.stream().map(j -> "'" + j.name() + "' -> ").collect(Collectors.joining())
                + "'" + cycle.get(0).name() + "'";
    }
}
