package dev.mantis.robot.urdf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a parsed XML document: its name, attributes, child elements and the line of its
 * start tag (as the SAX locator reports it: the line where the start tag ends). Text content is
 * dropped; URDF keeps everything in attributes.
 */
final class XmlElement {

    private final String name;
    private final int line;
    private final Map<String, String> attributes;
    private final List<XmlElement> children;

    XmlElement(String name, int line, Map<String, String> attributes, List<XmlElement> children) {
        this.name = name;
        this.line = line;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.children = List.copyOf(children);
    }

    /** The element's tag name. */
    String name() {
        return name;
    }

    /** The 1-based line of the element's start tag. */
    int line() {
        return line;
    }

    /** The attribute's value, if the element has it. */
    Optional<String> attribute(String attributeName) {
        return Optional.ofNullable(attributes.get(attributeName));
    }

    /** All child elements, in document order. */
    List<XmlElement> children() {
        return children;
    }

    /** The child elements with this tag name, in document order. */
    List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The first child element with this tag name, if any. */
    Optional<XmlElement> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    @Override
    public String toString() {
        return "<" + name + "> at line " + line;
    }
}
