package dev.mantis.robot.model;

import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import java.util.Optional;

/**
 * A joint between a parent and a child link. {@code origin} is T_parent_joint, the joint frame
 * in the parent link frame; the child link frame coincides with the joint frame at zero
 * displacement. {@code axis} is a unit vector in the joint frame. One-dof joints always have
 * {@code limits} (unbounded position for continuous joints).
 */
public record Joint(
        String name,
        JointType type,
        String parent,
        String child,
        Transform origin,
        Vec3 axis,
        JointLimits limits,
        JointDynamics dynamics,
        Optional<Mimic> mimic,
        Optional<SafetyController> safetyController) {

    /** Whether this joint's value is driven by another joint. */
    public boolean isMimic() {
        return mimic.isPresent();
    }
}
