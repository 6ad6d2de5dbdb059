package dev.mantis.robot.ros.definition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A set of message, service and action definitions that refer to each other, with the derived facts
 * ROS 1 peers check: MD5 sums (genmsg's rules), full definition texts, minimum wire sizes.
 */
public final class DefinitionCatalog {

    private static final String SEPARATOR = "=".repeat(80);

    private final Map<String, MessageSpec> messages = new LinkedHashMap<>();
    private final Map<String, ServiceSpec> services = new LinkedHashMap<>();
    private final Map<String, ActionSpec> actions = new LinkedHashMap<>();
    private final Map<String, String> md5s = new HashMap<>();

    /** Adds a message definition (replacing one of the same name). */
    public DefinitionCatalog add(MessageSpec spec) {
        messages.put(spec.type(), spec);
        md5s.clear();
        return this;
    }

    /** Adds a service definition and its request and response messages. */
    public DefinitionCatalog add(ServiceSpec spec) {
        services.put(spec.type(), spec);
        add(spec.request());
        add(spec.response());
        return this;
    }

    /** Adds an action definition and its seven messages. */
    public DefinitionCatalog add(ActionSpec spec) {
        actions.put(spec.type(), spec);
        spec.messages().forEach(this::add);
        return this;
    }

    /** Adds every message, service and action of another catalog. */
    public DefinitionCatalog addAll(DefinitionCatalog other) {
        other.messages.values().forEach(this::add);
        other.services.values().forEach(this::add);
        other.actions.values().forEach(this::add);
        return this;
    }

    /**
     * Loads every {@code PKG/msg/*.msg}, {@code PKG/srv/*.srv} and {@code PKG/action/*.action} under
     * a root directory.
     *
     * @throws DefinitionException for a file that does not parse or a type that does not resolve
     */
    public static DefinitionCatalog load(Path root) {
        DefinitionCatalog catalog = read(root);
        catalog.requireResolved();
        return catalog;
    }

    /**
     * Loads the definitions under a root directory like {@link #load} but leaves types used and not
     * defined there unresolved (for definitions that use another root's types: add both catalogs
     * into one, then {@link #requireResolved}).
     */
    public static DefinitionCatalog read(Path root) {
        DefinitionCatalog catalog = new DefinitionCatalog();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String fileName = file.getFileName().toString();
                Path dir = file.getParent();
                if (dir == null || dir.getParent() == null) {
                    continue;
                }
                String pkg = dir.getParent().getFileName().toString();
                String kind = dir.getFileName().toString();
                if (fileName.endsWith(".msg") && kind.equals("msg")) {
                    String type = pkg + "/" + fileName.substring(0, fileName.length() - 4);
                    catalog.add(DefinitionParser.parseMessage(type, Files.readString(file), file.toString()));
                } else if (fileName.endsWith(".srv") && kind.equals("srv")) {
                    String type = pkg + "/" + fileName.substring(0, fileName.length() - 4);
                    catalog.add(DefinitionParser.parseService(type, Files.readString(file), file.toString()));
                } else if (fileName.endsWith(".action") && kind.equals("action")) {
                    String type = pkg + "/" + fileName.substring(0, fileName.length() - 7);
                    catalog.add(DefinitionParser.parseAction(type, Files.readString(file), file.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read message definitions under " + root, e);
        }
        return catalog;
    }

    /**
     * Parses a full definition as sent in a connection header's {@code message_definition}: the
     * type's own text, then for each type it uses a line of 80 '=', a line {@code MSG: pkg/Type}
     * and that type's text.
     */
    public static DefinitionCatalog fromFullText(String type, String fullText) {
        DefinitionCatalog catalog = new DefinitionCatalog();
        String current = type;
        StringBuilder text = new StringBuilder();
        for (String line : fullText.split("\n", -1)) {
            if (line.trim().equals(SEPARATOR)) {
                catalog.add(DefinitionParser.parseMessage(current, text.toString(), "definition of " + current));
                current = null;
                text.setLength(0);
            } else if (current == null && line.startsWith("MSG: ")) {
                current = line.substring(5).trim();
            } else if (current != null) {
                text.append(line).append('\n');
            }
        }
        if (current != null) {
            catalog.add(DefinitionParser.parseMessage(current, text.toString(), "definition of " + current));
        }
        catalog.requireResolved();
        return catalog;
    }

    /** All message types, in load order. */
    public List<MessageSpec> messages() {
        return new ArrayList<>(messages.values());
    }

    /** All service types, in load order. */
    public List<ServiceSpec> services() {
        return new ArrayList<>(services.values());
    }

    /** All action types, in load order. */
    public List<ActionSpec> actions() {
        return new ArrayList<>(actions.values());
    }

    /** True when the catalog holds this message type. */
    public boolean hasMessage(String type) {
        return messages.containsKey(type);
    }

    /** The spec of a message type; throws naming the type when it is unknown. */
    public MessageSpec message(String type) {
        MessageSpec spec = messages.get(type);
        if (spec == null) {
            throw new DefinitionException("unknown message type '" + type + "'");
        }
        return spec;
    }

    /** The spec of a service type; throws naming the type when it is unknown. */
    public ServiceSpec service(String type) {
        ServiceSpec spec = services.get(type);
        if (spec == null) {
            throw new DefinitionException("unknown service type '" + type + "'");
        }
        return spec;
    }

    /** The MD5 sum of a message type (hex), by genmsg's rules. */
    public String md5(String type) {
        String cached = md5s.get(type);
        if (cached == null) {
            cached = hex(md5Text(type));
            md5s.put(type, cached);
        }
        return cached;
    }

    /** The MD5 sum of a service type: of its request's MD5 text followed by its response's. */
    public String serviceMd5(String type) {
        ServiceSpec spec = service(type);
        return hex(md5Text(spec.request().type()) + md5Text(spec.response().type()));
    }

    /**
     * The text genmsg hashes: each constant as {@code type NAME=value}, then each field as
     * {@code type name} (primitives, with the array suffix) or {@code MD5 name} (messages, the
     * element type's MD5 without array suffix), one per line.
     */
    public String md5Text(String type) {
        MessageSpec spec = message(type);
        List<String> lines = new ArrayList<>();
        for (ConstantSpec c : spec.constants()) {
            lines.add(c.typeAsWritten() + " " + c.name() + "=" + c.value());
        }
        for (FieldSpec f : spec.fields()) {
            if (f.isMessage()) {
                lines.add(md5(f.type()) + " " + f.name());
            } else {
                lines.add(f.typeAsWritten() + f.arraySuffix() + " " + f.name());
            }
        }
        return String.join("\n", lines).trim();
    }

    /** The type's text followed by the text of every type it uses, as sent in connection headers. */
    public String fullText(String type) {
        Set<String> deps = new LinkedHashSet<>();
        collectDependencies(type, deps);
        StringBuilder out = new StringBuilder(message(type).text().strip()).append('\n');
        for (String dep : deps) {
            out.append(SEPARATOR).append("\nMSG: ").append(dep).append('\n')
                    .append(message(dep).text().strip()).append('\n');
        }
        return out.toString();
    }

    /** The fewest bytes one message of this type takes on the wire (all arrays and strings empty). */
    public int minSize(String type) {
        int size = 0;
        for (FieldSpec f : message(type).fields()) {
            int element = f.isMessage() ? minSize(f.type()) : f.primitive().size();
            if (f.arrayLength() == FieldSpec.VARIABLE) {
                size += 4;
            } else if (f.arrayLength() == FieldSpec.SCALAR) {
                size += element;
            } else {
                size += element * f.arrayLength();
            }
        }
        return size;
    }

    private void collectDependencies(String type, Set<String> deps) {
        for (FieldSpec f : message(type).fields()) {
            if (f.isMessage() && !deps.contains(f.type())) {
                collectDependencies(f.type(), deps);
                deps.add(f.type());
            }
        }
    }

    /**
     * Checks that every field's message type is defined here.
     *
     * @throws DefinitionException naming the first field whose type is missing
     */
    public void requireResolved() {
        for (MessageSpec spec : messages.values()) {
            for (FieldSpec f : spec.fields()) {
                if (f.isMessage() && !messages.containsKey(f.type())) {
                    throw new DefinitionException(spec.type() + ": field '" + f.name() + "' has type '"
                            + f.type() + "', which is not defined; add its .msg file");
                }
            }
        }
    }

    private static String hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder(32);
            for (byte b : digest) {
                out.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
