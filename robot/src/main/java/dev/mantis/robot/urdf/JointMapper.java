package dev.mantis.robot.urdf;

import dev.mantis.robot.model.Joint;
import dev.mantis.robot.model.JointDynamics;
import dev.mantis.robot.model.JointLimits;
import dev.mantis.robot.model.JointType;
import dev.mantis.robot.model.Mimic;
import dev.mantis.robot.model.SafetyController;
import dev.mantis.robot.spatial.Vec3;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps a {@code <joint>} element to a {@link Joint}, checking what one element can show on its
 * own (type, axis, limits). Links and mimic targets are checked by {@link UrdfStructure}.
 */
final class JointMapper {

    private static final String TYPES = Arrays.stream(JointType.values()).map(JointType::urdfName)
            .collect(Collectors.joining(", "));
    private static final Vec3 DEFAULT_AXIS = new Vec3(1, 0, 0);

    private final UrdfSource source;
    private final UrdfNumbers numbers;

    JointMapper(UrdfSource source, UrdfNumbers numbers) {
        this.source = source;
        this.numbers = numbers;
    }

    /** The joint declared by {@code joint}, whose name has been checked already. */
    Joint map(XmlElement joint, String name) {
        String where = "joint '" + name + "'";
        JointType type = type(joint, where);
        String parent = linkName(joint, "parent", where, "name the link it is attached to");
        String child = linkName(joint, "child", where, "name the link it moves");
        return new Joint(name, type, parent, child, numbers.origin(joint, where), axis(joint, type, where),
                limits(joint, type, where), dynamics(joint, where), mimic(joint, where),
                safetyController(joint, where));
    }

    private JointType type(XmlElement joint, String where) {
        String text = joint.attribute("type").orElseThrow(() -> source.error(joint,
                where + " has no type; set type to one of " + TYPES));
        return JointType.fromUrdf(text).orElseThrow(() -> source.error(joint,
                where + " has unknown type \"" + text + "\"; use one of " + TYPES));
    }

    private String linkName(XmlElement joint, String role, String where, String fix) {
        Optional<XmlElement> e = joint.child(role);
        return e.flatMap(p -> p.attribute("link")).filter(n -> !n.isBlank()).orElseThrow(() -> source.error(
                e.orElse(joint), where + " has no <" + role + " link=\"...\"/>; " + fix));
    }

    private Vec3 axis(XmlElement joint, JointType type, String where) {
        Optional<XmlElement> a = joint.child("axis");
        if (!type.usesAxis() || a.isEmpty()) {
            return DEFAULT_AXIS; // fixed and floating joints ignore <axis>, as urdfdom does
        }
        Vec3 xyz = numbers.vector(a.get(), "xyz", where + " <axis>", DEFAULT_AXIS);
        if (!(xyz.norm() > 1e-12)) {
            throw source.error(a.get(), where + " <axis>: xyz \"" + a.get().attribute("xyz").orElseThrow()
                    + "\" has zero length; give a non-zero axis");
        }
        return xyz.normalized();
    }

    private JointLimits limits(XmlElement joint, JointType type, String where) {
        boolean needed = type == JointType.REVOLUTE || type == JointType.PRISMATIC;
        Optional<XmlElement> element = joint.child("limit");
        if (element.isEmpty()) {
            if (needed) {
                throw source.error(joint, where + " is " + type.urdfName() + " but has no <limit>; add <limit"
                        + " lower=\"...\" upper=\"...\" effort=\"...\" velocity=\"...\"/>");
            }
            return JointLimits.UNBOUNDED;
        }
        XmlElement l = element.get();
        String at = where + " <limit>";
        double lower = numbers.scalar(l, "lower", at, 0);
        double upper = numbers.scalar(l, "upper", at, 0);
        boolean linear = type == JointType.PRISMATIC;
        double effort = needed
                ? numbers.requiredScalar(l, "effort", at, linear ? "give the maximum force in N"
                        : "give the maximum torque in N m")
                : numbers.scalar(l, "effort", at, Double.POSITIVE_INFINITY);
        double velocity = needed
                ? numbers.requiredScalar(l, "velocity", at, linear ? "give the maximum speed in m/s"
                        : "give the maximum speed in rad/s")
                : numbers.scalar(l, "velocity", at, Double.POSITIVE_INFINITY);
        nonNegative(l, at, "effort", effort);
        nonNegative(l, at, "velocity", velocity);
        if (type == JointType.CONTINUOUS) {
            return new JointLimits(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, effort, velocity);
        }
        if (lower > upper) {
            throw source.error(l, at + ": lower " + UrdfNumbers.format(lower) + " > upper "
                    + UrdfNumbers.format(upper) + "; swap the values or fix the range");
        }
        return new JointLimits(lower, upper, effort, velocity);
    }

    private void nonNegative(XmlElement limit, String where, String attribute, double value) {
        if (value < 0) {
            throw source.error(limit, where + ": " + attribute + " " + UrdfNumbers.format(value)
                    + " is negative; give the maximum " + attribute + " as a magnitude >= 0");
        }
    }

    private JointDynamics dynamics(XmlElement joint, String where) {
        return joint.child("dynamics").map(d -> new JointDynamics(
                numbers.scalar(d, "damping", where + " <dynamics>", 0),
                numbers.scalar(d, "friction", where + " <dynamics>", 0))).orElse(JointDynamics.NONE);
    }

    private Optional<Mimic> mimic(XmlElement joint, String where) {
        return joint.child("mimic").map(m -> {
            String at = where + " <mimic>";
            String target = m.attribute("joint").filter(n -> !n.isBlank()).orElseThrow(() -> source.error(m,
                    at + " has no joint attribute; name the joint to mimic"));
            return new Mimic(target, numbers.scalar(m, "multiplier", at, 1), numbers.scalar(m, "offset", at, 0));
        });
    }

    private Optional<SafetyController> safetyController(XmlElement joint, String where) {
        return joint.child("safety_controller").map(s -> {
            String at = where + " <safety_controller>";
            return new SafetyController(
                    numbers.scalar(s, "soft_lower_limit", at, 0),
                    numbers.scalar(s, "soft_upper_limit", at, 0),
                    numbers.scalar(s, "k_position", at, 0),
                    numbers.requiredScalar(s, "k_velocity", at, "give the gain of the velocity bound"));
        });
    }
}
