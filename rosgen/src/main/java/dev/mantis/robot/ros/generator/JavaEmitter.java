package dev.mantis.robot.ros.generator;

import dev.mantis.robot.ros.definition.ActionSpec;
import dev.mantis.robot.ros.definition.ConstantSpec;
import dev.mantis.robot.ros.definition.DefinitionCatalog;
import dev.mantis.robot.ros.definition.FieldSpec;
import dev.mantis.robot.ros.definition.MessageSpec;
import dev.mantis.robot.ros.definition.Primitive;
import dev.mantis.robot.ros.definition.ServiceSpec;

/**
 * Writes the Java source of one message class, one service class, one action class or the registry
 * of all types.
 * Message classes are mutable and reusable: reading into an instance reuses its arrays and nested
 * messages when the lengths match, so a steady stream of equal-shaped messages allocates no
 * arrays.
 */
final class JavaEmitter {

    private final DefinitionCatalog catalog;
    private final String basePackage;

    JavaEmitter(DefinitionCatalog catalog, String basePackage) {
        this.catalog = catalog;
        this.basePackage = basePackage;
    }

    /** The fully qualified Java class name of a ROS type, e.g. {@code ...msg.sensor_msgs.JointState}. */
    String className(String rosType) {
        int slash = rosType.indexOf('/');
        return basePackage + "." + rosType.substring(0, slash) + "." + rosType.substring(slash + 1);
    }

    String message(MessageSpec spec) {
        String cls = spec.shortName();
        StringBuilder s = new StringBuilder();
        s.append("package ").append(basePackage).append('.').append(spec.packageName()).append(";\n\n");
        s.append("/**\n * ROS message {@code ").append(spec.type()).append("}, generated at build time from its .msg\n")
                .append(" * definition. Mutable and reusable: {@link #read} reuses this object's arrays and nested\n")
                .append(" * messages when their lengths match.\n */\n");
        s.append("@SuppressWarnings(\"all\")\n");
        s.append("public final class ").append(cls).append(" implements ").append(basePackage).append(".Message {\n\n");
        s.append("    /** The type descriptor: name, MD5 sum, full definition, factory. */\n");
        s.append("    public static final ").append(basePackage).append(".MessageType<").append(cls).append("> TYPE = new ")
                .append(basePackage).append(".MessageType<>(\"").append(spec.type()).append("\", \"")
                .append(catalog.md5(spec.type())).append("\",\n            ").append(literal(catalog.fullText(spec.type())))
                .append(", ").append(catalog.minSize(spec.type())).append(", ").append(cls).append("::new);\n\n");
        for (ConstantSpec c : spec.constants()) {
            s.append("    /** Constant {@code ").append(c.name()).append("}. */\n");
            s.append("    public static final ").append(c.primitive().javaType()).append(' ').append(c.name())
                    .append(" = ").append(constantValue(c)).append(";\n");
        }
        for (FieldSpec f : spec.fields()) {
            s.append("    /** Field {@code ").append(f.typeAsWritten()).append(f.arraySuffix()).append(' ')
                    .append(f.name()).append("}. */\n");
            s.append("    public ").append(javaType(f)).append(' ').append(f.name()).append(" = ")
                    .append(initial(f)).append(";\n");
        }
        s.append("\n    @Override\n    public ").append(basePackage).append(".MessageType<").append(cls)
                .append("> type() {\n        return TYPE;\n    }\n");
        s.append("\n    @Override\n    public void write(").append(basePackage).append(".MessageOutput out) {\n");
        for (FieldSpec f : spec.fields()) {
            writeField(s, f);
        }
        s.append("    }\n");
        s.append("\n    @Override\n    public void read(").append(basePackage).append(".MessageInput in) {\n");
        for (FieldSpec f : spec.fields()) {
            readField(s, f);
        }
        s.append("    }\n}\n");
        return s.toString();
    }

    String service(ServiceSpec spec) {
        String pkg = spec.type().substring(0, spec.type().indexOf('/'));
        String cls = spec.type().substring(spec.type().indexOf('/') + 1);
        String req = className(spec.request().type());
        String resp = className(spec.response().type());
        return "package " + basePackage + "." + pkg + ";\n\n"
                + "/** ROS service {@code " + spec.type() + "}, generated at build time from its .srv definition. */\n"
                + "public final class " + cls + " {\n\n"
                + "    /** The service descriptor: name, MD5 sum, request and response types. */\n"
                + "    public static final " + basePackage + ".ServiceType<" + req + ", " + resp + "> TYPE = new "
                + basePackage + ".ServiceType<>(\"" + spec.type() + "\", \"" + catalog.serviceMd5(spec.type())
                + "\", " + req + ".TYPE, " + resp + ".TYPE);\n\n"
                + "    private " + cls + "() {\n    }\n}\n";
    }

    String action(ActionSpec spec) {
        String pkg = spec.type().substring(0, spec.type().indexOf('/'));
        String cls = spec.type().substring(spec.type().indexOf('/') + 1);
        String goal = className(spec.goal().type());
        String feedback = className(spec.feedback().type());
        String result = className(spec.result().type());
        return "package " + basePackage + "." + pkg + ";\n\n"
                + "/** ROS action {@code " + spec.type() + "}, generated at build time from its .action definition. */\n"
                + "public final class " + cls + " {\n\n"
                + "    /** The action descriptor: name, goal, feedback and result types and their topic wrappers. */\n"
                + "    public static final " + basePackage + ".ActionType<" + goal + ", " + feedback + ", " + result
                + "> TYPE = new " + basePackage + ".ActionType<>(\"" + spec.type() + "\",\n            " + goal + ".TYPE, "
                + feedback + ".TYPE, " + result + ".TYPE,\n            " + className(spec.actionGoal().type()) + ".TYPE, "
                + className(spec.actionFeedback().type()) + ".TYPE, " + className(spec.actionResult().type()) + ".TYPE);\n\n"
                + "    private " + cls + "() {\n    }\n}\n";
    }

    /** The registry class {@code NAME} of the catalog's own message, service and action types. */
    String registry(String name, DefinitionCatalog own) {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(basePackage).append(";\n\n");
        s.append("/** Every message, service and action type generated at build time from the repository's definitions. */\n");
        s.append("public final class ").append(name).append(" {\n\n");
        s.append("    private static final java.util.Map<String, MessageType<?>> MESSAGES = java.util.Map.ofEntries(\n");
        int i = 0;
        for (MessageSpec m : own.messages()) {
            s.append(i++ == 0 ? "" : ",\n").append("            java.util.Map.entry(\"").append(m.type()).append("\", ")
                    .append(className(m.type())).append(".TYPE)");
        }
        s.append(");\n\n");
        s.append("    private static final java.util.Map<String, ServiceType<?, ?>> SERVICES = java.util.Map.ofEntries(\n");
        i = 0;
        for (ServiceSpec v : own.services()) {
            s.append(i++ == 0 ? "" : ",\n").append("            java.util.Map.entry(\"").append(v.type()).append("\", ")
                    .append(className(v.type())).append(".TYPE)");
        }
        s.append(");\n\n");
        s.append("    private static final java.util.Map<String, ActionType<?, ?, ?>> ACTIONS = java.util.Map.ofEntries(\n");
        i = 0;
        for (ActionSpec a : own.actions()) {
            s.append(i++ == 0 ? "" : ",\n").append("            java.util.Map.entry(\"").append(a.type()).append("\", ")
                    .append(className(a.type())).append(".TYPE)");
        }
        s.append(");\n\n");
        s.append("    private ").append(name).append("() {\n    }\n\n");
        s.append("    /** The message type of this name, or null. */\n");
        s.append("    public static MessageType<?> message(String name) {\n        return MESSAGES.get(name);\n    }\n\n");
        s.append("    /** The service type of this name, or null. */\n");
        s.append("    public static ServiceType<?, ?> service(String name) {\n        return SERVICES.get(name);\n    }\n\n");
        s.append("    /** The action type of this name, or null. */\n");
        s.append("    public static ActionType<?, ?, ?> action(String name) {\n        return ACTIONS.get(name);\n    }\n\n");
        s.append("    /** Names of all message types, sorted. */\n");
        s.append("    public static java.util.SortedSet<String> messageNames() {\n")
                .append("        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(MESSAGES.keySet()));\n    }\n\n");
        s.append("    /** Names of all service types, sorted. */\n");
        s.append("    public static java.util.SortedSet<String> serviceNames() {\n")
                .append("        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(SERVICES.keySet()));\n    }\n\n");
        s.append("    /** Names of all action types, sorted. */\n");
        s.append("    public static java.util.SortedSet<String> actionNames() {\n")
                .append("        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(ACTIONS.keySet()));\n    }\n}\n");
        return s.toString();
    }

    private String elementType(FieldSpec f) {
        if (f.isMessage()) {
            return className(f.type());
        }
        if (f.isArray() && f.primitive() == Primitive.UINT8) {
            return "byte";
        }
        return f.primitive().javaType();
    }

    private String javaType(FieldSpec f) {
        return elementType(f) + (f.isArray() ? "[]" : "");
    }

    private String initial(FieldSpec f) {
        String element = elementType(f);
        if (f.isArray()) {
            int n = Math.max(f.arrayLength(), 0);
            if (f.isMessage() || f.primitive() == Primitive.STRING || f.primitive() == Primitive.TIME
                    || f.primitive() == Primitive.DURATION) {
                String fill = f.isMessage() ? element + "::new" : "i -> " + scalarInitial(f.primitive());
                return n == 0 ? "new " + element + "[0]"
                        : "java.util.stream.IntStream.range(0, " + n + ").mapToObj(" + fill + ").toArray(" + element + "[]::new)";
            }
            return "new " + element + "[" + n + "]";
        }
        return f.isMessage() ? "new " + element + "()" : scalarInitial(f.primitive());
    }

    private static String scalarInitial(Primitive p) {
        switch (p) {
            case BOOL:
                return "false";
            case STRING:
                return "\"\"";
            case TIME:
                return "dev.mantis.robot.ros.msg.RosTime.ZERO";
            case DURATION:
                return "dev.mantis.robot.ros.msg.RosDuration.ZERO";
            case FLOAT32:
                return "0f";
            case INT8:
                return "(byte) 0";
            case INT16:
                return "(short) 0";
            case UINT32:
            case INT64:
            case UINT64:
                return "0L";
            case FLOAT64:
                return "0.0";
            default:
                return "0";
        }
    }

    private void writeField(StringBuilder s, FieldSpec f) {
        String n = f.name();
        if (!f.isArray()) {
            s.append("        ").append(writeScalar(f, "this." + n)).append(";\n");
            return;
        }
        if (f.arrayLength() == FieldSpec.VARIABLE) {
            s.append("        out.writeLength(").append(n).append(".length);\n");
        } else {
            s.append("        out.checkFixedLength(\"").append(n).append("\", ").append(n).append(".length, ")
                    .append(f.arrayLength()).append(");\n");
        }
        if (!f.isMessage() && f.primitive() == Primitive.UINT8) {
            s.append("        out.writeBytes(").append(n).append(");\n");
            return;
        }
        s.append("        for (int i = 0; i < ").append(n).append(".length; i++) {\n            ")
                .append(writeScalar(f, n + "[i]")).append(";\n        }\n");
    }

    private static String writeScalar(FieldSpec f, String value) {
        if (f.isMessage()) {
            return value + ".write(out)";
        }
        return "out.write" + method(f.primitive()) + "(" + value + ")";
    }

    private void readField(StringBuilder s, FieldSpec f) {
        String n = f.name();
        if (!f.isArray()) {
            if (f.isMessage()) {
                s.append("        ").append(n).append(".read(in);\n");
            } else {
                s.append("        ").append(n).append(" = in.read").append(method(f.primitive())).append("();\n");
            }
            return;
        }
        String element = elementType(f);
        int elementSize = f.isMessage() ? catalog.minSize(f.type()) : f.primitive().size();
        String length = f.arrayLength() == FieldSpec.VARIABLE
                ? "in.readLength(" + Math.max(elementSize, 1) + ")" : String.valueOf(f.arrayLength());
        s.append("        {\n            int n = ").append(length).append(";\n");
        s.append("            if (").append(n).append(".length != n) {\n");
        if (f.isMessage()) {
            s.append("                ").append(element).append("[] old = ").append(n).append(";\n");
            s.append("                ").append(n).append(" = java.util.Arrays.copyOf(old, n);\n");
            s.append("                for (int i = old.length; i < n; i++) {\n                    ").append(n)
                    .append("[i] = new ").append(element).append("();\n                }\n");
        } else {
            s.append("                ").append(n).append(" = new ").append(element).append("[n];\n");
        }
        s.append("            }\n");
        if (!f.isMessage() && f.primitive() == Primitive.UINT8) {
            s.append("            in.readBytes(").append(n).append(");\n");
        } else if (f.isMessage()) {
            s.append("            for (int i = 0; i < n; i++) {\n                ").append(n).append("[i].read(in);\n            }\n");
        } else {
            s.append("            for (int i = 0; i < n; i++) {\n                ").append(n).append("[i] = in.read")
                    .append(method(f.primitive())).append("();\n            }\n");
        }
        s.append("        }\n");
    }

    private static String method(Primitive p) {
        String name = p.rosName();
        if (name.startsWith("uint")) {
            return "UInt" + name.substring(4);
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String constantValue(ConstantSpec c) {
        switch (c.primitive()) {
            case STRING:
                return literal(c.value());
            case BOOL:
                return String.valueOf(!c.value().equals("0") && !c.value().equalsIgnoreCase("false"));
            case INT8:
                return "(byte) " + c.value();
            case INT16:
                return "(short) " + c.value();
            case FLOAT32:
                return c.value() + "f";
            case FLOAT64:
                return c.value().contains(".") || c.value().contains("e") ? c.value() : c.value() + ".0";
            case UINT32:
            case INT64:
            case UINT64:
                return c.value() + "L";
            default:
                return c.value();
        }
    }

    private static String literal(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"':
                    s.append("\\\"");
                    break;
                case '\\':
                    s.append("\\\\");
                    break;
                case '\n':
                    s.append("\\n");
                    break;
                case '\r':
                    break;
                case '\t':
                    s.append("\\t");
                    break;
                default:
                    s.append(ch);
            }
        }
        return s.append('"').toString();
    }
}
