package dev.mantis.robot.ros.definition;

/**
 * One field of a message definition.
 *
 * @param typeAsWritten the element type as written in the file, e.g. {@code float64} or {@code Header}
 * @param type the resolved element type: a primitive's name or a full message name like
 *     {@code std_msgs/Header}
 * @param primitive the element's primitive type, or null when it is a message
 * @param name the field name
 * @param arrayLength {@link #SCALAR}, {@link #VARIABLE} or the fixed length of an array
 */
public record FieldSpec(String typeAsWritten, String type, Primitive primitive, String name, int arrayLength) {

    /** {@link #arrayLength} of a field that is not an array. */
    public static final int SCALAR = -2;
    /** {@link #arrayLength} of a variable-length array (length-prefixed on the wire). */
    public static final int VARIABLE = -1;

    /** True for arrays, fixed or variable. */
    public boolean isArray() {
        return arrayLength != SCALAR;
    }

    /** True when the element type is a message rather than a primitive. */
    public boolean isMessage() {
        return primitive == null;
    }

    /** The array suffix as written: "", "[]" or "[N]". */
    public String arraySuffix() {
        if (arrayLength == SCALAR) {
            return "";
        }
        return arrayLength == VARIABLE ? "[]" : "[" + arrayLength + "]";
    }
}
