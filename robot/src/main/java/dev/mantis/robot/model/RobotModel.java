package dev.mantis.robot.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable robot description: a tree of links connected by joints, as read from a URDF
 * file. Links and joints are kept in depth-first order from the root link (parents before
 * children, siblings in file order). Holds no state: joint values live elsewhere.
 */
public final class RobotModel {

    private final String name;
    private final String source;
    private final List<Link> links;
    private final List<Joint> joints;
    private final Map<String, Material> materials;
    private final List<String> warnings;
    private final Map<String, Link> linksByName = new HashMap<>();
    private final Map<String, Joint> jointsByName = new HashMap<>();
    private final Map<String, Joint> parentJointOfLink = new HashMap<>();
    private final Map<String, List<Joint>> childJointsOfLink = new HashMap<>();

    /**
     * Builds a model from links and joints that form one tree. {@code source} names where it came
     * from (a file or resource) for messages; {@code warnings} are non-fatal findings of the loader.
     *
     * @throws IllegalArgumentException if the links and joints do not form a single tree
     */
    public RobotModel(String name, String source, List<Link> links, List<Joint> joints,
            Map<String, Material> materials, List<String> warnings) {
        this.name = name;
        this.source = source;
        this.materials = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(materials));
        this.warnings = List.copyOf(warnings);
        for (Link l : links) {
            if (linksByName.put(l.name(), l) != null) {
                throw new IllegalArgumentException("duplicate link '" + l.name() + "'");
            }
            childJointsOfLink.put(l.name(), new ArrayList<>());
        }
        for (Joint j : joints) {
            if (jointsByName.put(j.name(), j) != null) {
                throw new IllegalArgumentException("duplicate joint '" + j.name() + "'");
            }
            if (!linksByName.containsKey(j.parent()) || !linksByName.containsKey(j.child())) {
                throw new IllegalArgumentException("joint '" + j.name() + "' names an unknown link");
            }
            if (parentJointOfLink.put(j.child(), j) != null) {
                throw new IllegalArgumentException("link '" + j.child() + "' has two parent joints");
            }
            childJointsOfLink.get(j.parent()).add(j);
        }
        List<String> roots = links.stream().map(Link::name).filter(n -> !parentJointOfLink.containsKey(n)).toList();
        if (roots.size() != 1) {
            throw new IllegalArgumentException("expected one root link, found " + roots);
        }
        List<Link> orderedLinks = new ArrayList<>();
        List<Joint> orderedJoints = new ArrayList<>();
        Deque<String> stack = new ArrayDeque<>();
        stack.push(roots.get(0));
        while (!stack.isEmpty()) {
            String link = stack.pop();
            orderedLinks.add(linksByName.get(link));
            List<Joint> children = childJointsOfLink.get(link);
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i).child());
            }
            Joint parent = parentJointOfLink.get(link);
            if (parent != null) {
                orderedJoints.add(parent);
            }
        }
        if (orderedLinks.size() != links.size()) {
            throw new IllegalArgumentException("links are not all connected to the root '" + roots.get(0) + "'");
        }
        childJointsOfLink.replaceAll((k, v) -> List.copyOf(v));
        this.links = List.copyOf(orderedLinks);
        this.joints = List.copyOf(orderedJoints);
    }

    /** The robot's name. */
    public String name() {
        return name;
    }

    /** Where the description came from (file path or resource URL). */
    public String source() {
        return source;
    }

    /** The root link: the one link that is no joint's child. */
    public Link rootLink() {
        return links.get(0);
    }

    /** Links, parents before children. */
    public List<Link> links() {
        return links;
    }

    /** Joints, in the order of their child links. */
    public List<Joint> joints() {
        return joints;
    }

    /** Named materials declared at the top level of the description. */
    public Map<String, Material> materials() {
        return materials;
    }

    /** Non-fatal findings of the loader, for example mesh files that were not found. */
    public List<String> warnings() {
        return warnings;
    }

    /** The link with this name, if any. */
    public Optional<Link> link(String linkName) {
        return Optional.ofNullable(linksByName.get(linkName));
    }

    /** The joint with this name, if any. */
    public Optional<Joint> joint(String jointName) {
        return Optional.ofNullable(jointsByName.get(jointName));
    }

    /** The joint whose child is this link; empty for the root link. */
    public Optional<Joint> parentJoint(String linkName) {
        return Optional.ofNullable(parentJointOfLink.get(linkName));
    }

    /** The joints whose parent is this link, in file order. */
    public List<Joint> childJoints(String linkName) {
        List<Joint> children = childJointsOfLink.get(linkName);
        if (children == null) {
            throw new IllegalArgumentException("robot '" + name + "' has no link '" + linkName + "'");
        }
        return children;
    }

    /** Mesh geometry (visual or collision) whose file was not found, as "link: filename". */
    public List<String> missingMeshes() {
        List<String> missing = new ArrayList<>();
        for (Link l : links) {
            l.visuals().forEach(v -> addIfMissing(missing, l, v.geometry()));
            l.collisions().forEach(c -> addIfMissing(missing, l, c.geometry()));
        }
        return missing;
    }

    private static void addIfMissing(List<String> missing, Link link, Geometry g) {
        if (g instanceof Geometry.Mesh m && m.resolved().isEmpty()) {
            missing.add(link.name() + ": " + m.filename());
        }
    }

    @Override
    public String toString() {
        return "RobotModel{" + name + ", " + links.size() + " links, " + joints.size() + " joints}";
    }
}
