package dev.mantis.robot.ros.definition;

/**
 * A constant of a message definition, e.g. {@code byte INFO=2}.
 *
 * @param primitive its type
 * @param typeAsWritten the type as written (for the MD5 text)
 * @param name its name
 * @param value its value as written, trimmed (comments removed except for string constants)
 */
public record ConstantSpec(Primitive primitive, String typeAsWritten, String name, String value) {
}
