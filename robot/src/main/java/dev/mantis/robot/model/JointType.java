package dev.mantis.robot.model;

import java.util.Optional;

/** The URDF joint types, with the number of degrees of freedom each contributes. */
public enum JointType {
    /** Rotation about the axis within [lower, upper] radians. */
    REVOLUTE("revolute", 1),
    /** Rotation about the axis without position limits. */
    CONTINUOUS("continuous", 1),
    /** Translation along the axis within [lower, upper] metres. */
    PRISMATIC("prismatic", 1),
    /** No motion. */
    FIXED("fixed", 0),
    /** Free motion: translation x, y, z then rotation about x, y, z of the joint frame. */
    FLOATING("floating", 6),
    /** Motion in the plane normal to the axis: two translations and a rotation about the axis. */
    PLANAR("planar", 3);

    private final String urdfName;
    private final int dof;

    JointType(String urdfName, int dof) {
        this.urdfName = urdfName;
        this.dof = dof;
    }

    /** The value of the URDF {@code type} attribute. */
    public String urdfName() {
        return urdfName;
    }

    /** Degrees of freedom this joint type contributes. */
    public int dof() {
        return dof;
    }

    /** Whether this type uses the joint's {@code <axis>}. */
    public boolean usesAxis() {
        return this == REVOLUTE || this == CONTINUOUS || this == PRISMATIC || this == PLANAR;
    }

    /** The type named by a URDF {@code type} attribute, if it is one. */
    public static Optional<JointType> fromUrdf(String name) {
        for (JointType t : values()) {
            if (t.urdfName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
