package dev.mantis.robot.ros.definition;

import java.util.Locale;

/**
 * The built-in field types of the ROS 1 message format, with their wire size and the Java type a
 * field of that type has in generated classes. Unsigned integers are held in the next wider Java
 * type (uint32 in a {@code long}); uint64 keeps its bit pattern in a {@code long}.
 */
public enum Primitive {
    BOOL("boolean", 1),
    INT8("byte", 1),
    UINT8("int", 1),
    INT16("short", 2),
    UINT16("int", 2),
    INT32("int", 4),
    UINT32("long", 4),
    INT64("long", 8),
    UINT64("long", 8),
    FLOAT32("float", 4),
    FLOAT64("double", 8),
    /** Length-prefixed UTF-8; the size is its minimum (the prefix). */
    STRING("java.lang.String", 4),
    TIME("dev.mantis.robot.ros.msg.RosTime", 8),
    DURATION("dev.mantis.robot.ros.msg.RosDuration", 8);

    private final String javaType;
    private final int size;

    Primitive(String javaType, int size) {
        this.javaType = javaType;
        this.size = size;
    }

    /** The Java type of a scalar field of this type in generated classes. */
    public String javaType() {
        return javaType;
    }

    /** Bytes on the wire (for string: the minimum, its length prefix). */
    public int size() {
        return size;
    }

    /** The name in .msg files, e.g. {@code float64}. */
    public String rosName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The primitive a .msg type name denotes, or null for a message type. The deprecated aliases
     * {@code byte} (int8) and {@code char} (uint8) are accepted.
     */
    public static Primitive of(String rosName) {
        switch (rosName) {
            case "byte":
                return INT8;
            case "char":
                return UINT8;
            default:
                for (Primitive p : values()) {
                    if (p.rosName().equals(rosName)) {
                        return p;
                    }
                }
                return null;
        }
    }
}
