package dev.mantis.robot.model;

import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Mounts one robot description on a link of another (a hand on an arm's flange), as one model. */
public final class ModelMount {

    private ModelMount() {
    }

    /**
     * The model of {@code base} with {@code tool}'s root link fixed to {@code baseLink} at
     * {@code T_baseLink_toolRoot}. The result is named {@code name}; link, joint and material
     * names must not clash.
     *
     * @throws IllegalArgumentException naming the link or joint that clashes or is missing
     */
    public static RobotModel mount(String name, RobotModel base, String baseLink, RobotModel tool,
            Transform T_baseLink_toolRoot) {
        if (base.link(baseLink).isEmpty()) {
            throw new IllegalArgumentException("robot '" + base.name() + "' has no link '" + baseLink
                    + "' to mount '" + tool.name() + "' on");
        }
        Set<String> names = new HashSet<>();
        base.links().forEach(l -> names.add(l.name()));
        base.joints().forEach(j -> names.add("joint " + j.name()));
        for (Link l : tool.links()) {
            if (!names.add(l.name())) {
                throw new IllegalArgumentException("cannot mount '" + tool.name() + "' on '" + base.name()
                        + "': both have a link '" + l.name() + "'");
            }
        }
        for (Joint j : tool.joints()) {
            if (!names.add("joint " + j.name())) {
                throw new IllegalArgumentException("cannot mount '" + tool.name() + "' on '" + base.name()
                        + "': both have a joint '" + j.name() + "'");
            }
        }
        String mountJoint = baseLink + "_to_" + tool.rootLink().name();
        if (!names.add("joint " + mountJoint)) {
            throw new IllegalArgumentException("joint name '" + mountJoint + "' is already taken");
        }
        List<Link> links = new ArrayList<>(base.links());
        links.addAll(tool.links());
        List<Joint> joints = new ArrayList<>(base.joints());
        joints.add(new Joint(mountJoint, JointType.FIXED, baseLink, tool.rootLink().name(), T_baseLink_toolRoot,
                new Vec3(1, 0, 0), JointLimits.UNBOUNDED, JointDynamics.NONE, Optional.empty(), Optional.empty()));
        joints.addAll(tool.joints());
        Map<String, Material> materials = new LinkedHashMap<>(base.materials());
        tool.materials().forEach(materials::putIfAbsent);
        List<String> warnings = new ArrayList<>(base.warnings());
        warnings.addAll(tool.warnings());
        return new RobotModel(name, base.source() + " + " + tool.source(), links, joints, materials, warnings);
    }
}
