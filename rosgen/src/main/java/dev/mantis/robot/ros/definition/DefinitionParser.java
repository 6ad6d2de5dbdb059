package dev.mantis.robot.ros.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Parses .msg and .srv text by the rules of ROS 1's genmsg. */
public final class DefinitionParser {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]*");
    private static final Pattern TYPE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]*(/[a-zA-Z][a-zA-Z0-9_]*)?");

    private DefinitionParser() {
    }

    /**
     * Parses a message definition.
     *
     * @param type full name, e.g. {@code sensor_msgs/JointState}; unqualified field types resolve in
     *     its package ({@code Header} resolves to {@code std_msgs/Header})
     * @param text the .msg text
     * @param source where the text came from, for errors
     */
    public static MessageSpec parseMessage(String type, String text, String source) {
        if (!TYPE.matcher(type).matches() || type.indexOf('/') < 0) {
            throw new DefinitionException(source + ": '" + type + "' is not a full message name like pkg/Name");
        }
        String pkg = type.substring(0, type.indexOf('/'));
        List<ConstantSpec> constants = new ArrayList<>();
        List<FieldSpec> fields = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i].replace("\r", "");
            String where = source + ":" + (i + 1);
            int hash = raw.indexOf('#');
            String clean = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (clean.isEmpty()) {
                continue;
            }
            String typeWord = clean.split("\\s+", 2)[0];
            if (clean.indexOf('=') >= 0 || ("string".equals(typeWord) && raw.indexOf('=') >= 0)) {
                constants.add(constant(typeWord, raw.trim(), clean, where));
            } else {
                fields.add(field(pkg, clean, where));
            }
        }
        return new MessageSpec(type, constants, fields, text);
    }

    /**
     * Parses a service definition (request, a line {@code ---}, response).
     *
     * @param type full name, e.g. {@code std_srvs/SetBool}
     */
    public static ServiceSpec parseService(String type, String text, String source) {
        String[] lines = text.split("\n", -1);
        int split = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().equals("---")) {
                split = i;
                break;
            }
        }
        if (split < 0) {
            throw new DefinitionException(source + ": no '---' line between request and response");
        }
        String request = String.join("\n", java.util.Arrays.asList(lines).subList(0, split));
        String response = String.join("\n", java.util.Arrays.asList(lines).subList(split + 1, lines.length));
        return new ServiceSpec(type,
                parseMessage(type + "Request", request, source),
                parseMessage(type + "Response", response, source));
    }

    private static ConstantSpec constant(String typeWord, String rawTrimmed, String clean, String where) {
        Primitive primitive = Primitive.of(typeWord);
        if (primitive == null || primitive == Primitive.TIME || primitive == Primitive.DURATION) {
            throw new DefinitionException(where + ": constant of type '" + typeWord
                    + "'; constants must be numbers, bool or string");
        }
        String line = primitive == Primitive.STRING ? rawTrimmed : clean;
        int eq = line.indexOf('=');
        String name = line.substring(typeWord.length(), eq).trim();
        if (!NAME.matcher(name).matches()) {
            throw new DefinitionException(where + ": bad constant name '" + name + "'");
        }
        String value = line.substring(eq + 1).trim();
        if (primitive != Primitive.STRING && value.isEmpty()) {
            throw new DefinitionException(where + ": constant " + name + " has no value");
        }
        return new ConstantSpec(primitive, typeWord, name, value);
    }

    private static FieldSpec field(String pkg, String clean, String where) {
        String[] words = clean.split("\\s+");
        if (words.length != 2) {
            throw new DefinitionException(where + ": expected 'type name', got '" + clean + "'");
        }
        String typeWord = words[0];
        String name = words[1];
        if (!NAME.matcher(name).matches()) {
            throw new DefinitionException(where + ": bad field name '" + name + "'");
        }
        int arrayLength = FieldSpec.SCALAR;
        String base = typeWord;
        int bracket = typeWord.indexOf('[');
        if (bracket >= 0) {
            if (!typeWord.endsWith("]")) {
                throw new DefinitionException(where + ": bad array type '" + typeWord + "'");
            }
            String len = typeWord.substring(bracket + 1, typeWord.length() - 1);
            base = typeWord.substring(0, bracket);
            try {
                arrayLength = len.isEmpty() ? FieldSpec.VARIABLE : Integer.parseInt(len);
            } catch (NumberFormatException e) {
                throw new DefinitionException(where + ": bad array length in '" + typeWord + "'");
            }
            if (arrayLength < FieldSpec.VARIABLE) {
                throw new DefinitionException(where + ": negative array length in '" + typeWord + "'");
            }
        }
        if (!TYPE.matcher(base).matches()) {
            throw new DefinitionException(where + ": bad type '" + typeWord + "'");
        }
        Primitive primitive = Primitive.of(base);
        String resolved;
        if (primitive != null) {
            resolved = primitive.rosName();
        } else if (base.equals("Header")) {
            resolved = "std_msgs/Header";
        } else if (base.indexOf('/') >= 0) {
            resolved = base;
        } else {
            resolved = pkg + "/" + base;
        }
        return new FieldSpec(base, resolved, primitive, name, arrayLength);
    }
}
