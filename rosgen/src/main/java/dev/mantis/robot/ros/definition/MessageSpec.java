package dev.mantis.robot.ros.definition;

import java.util.List;

/**
 * A parsed message definition (one .msg file, or one half of a .srv file).
 *
 * @param type full name, e.g. {@code sensor_msgs/JointState}
 * @param constants constants in file order
 * @param fields fields in file order (wire order)
 * @param text the definition text as written (comments kept), as sent in connection headers
 */
public record MessageSpec(String type, List<ConstantSpec> constants, List<FieldSpec> fields, String text) {

    public MessageSpec {
        constants = List.copyOf(constants);
        fields = List.copyOf(fields);
    }

    /** The package part of {@link #type}, e.g. {@code sensor_msgs}. */
    public String packageName() {
        return type.substring(0, type.indexOf('/'));
    }

    /** The short name, e.g. {@code JointState}. */
    public String shortName() {
        return type.substring(type.indexOf('/') + 1);
    }
}
