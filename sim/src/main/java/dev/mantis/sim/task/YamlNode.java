package dev.mantis.sim.task;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node with its file and line, and typed accessors that fail with a one-line
 * {@link TaskSpecException} naming the file, the line and the key.
 */
public final class YamlNode {

    private final String file;
    private final String path;
    private final Node node;

    private YamlNode(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /**
     * The document in {@code yaml}, named {@code file} in messages, or null for an empty one.
     *
     * @throws TaskSpecException for text that is not YAML, naming the line
     */
    public static YamlNode parse(String yaml, String file) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new TaskSpecException(file, line, "not YAML: " + e.getProblem() + "; fix the syntax");
        }
        return root == null ? null : new YamlNode(file, "", root);
    }

    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    public TaskSpecException error(String detail) {
        return new TaskSpecException(file, line(), path.isEmpty() ? detail : path + ": " + detail);
    }

    /** The entries of a mapping, in file order; refuses keys not in {@code allowed}. */
    public Map<String, YamlNode> mapping(List<String> allowed) {
        if (!(node instanceof MappingNode m)) {
            throw error("expected a mapping (key: value lines)");
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            String childPath = path.isEmpty() ? key : path + "." + key;
            if (!allowed.contains(key)) {
                throw new TaskSpecException(file, t.getKeyNode().getStartMark().getLine() + 1, "unknown key '"
                        + childPath + "'; expected one of " + String.join(", ", allowed));
            }
            out.put(key, new YamlNode(file, childPath, t.getValueNode()));
        }
        return out;
    }

    /** The items of a sequence. */
    public List<YamlNode> sequence() {
        if (!(node instanceof SequenceNode s)) {
            throw error("expected a list");
        }
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < s.getValue().size(); i++) {
            out.add(new YamlNode(file, path + "[" + i + "]", s.getValue().get(i)));
        }
        return out;
    }

    public String text() {
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw error("expected a value");
        }
        return s.getValue();
    }

    /** A value, or a list of values. */
    public List<String> texts() {
        if (node instanceof ScalarNode) {
            return List.of(text());
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : sequence()) {
            out.add(item.text());
        }
        return out;
    }

    public double number() {
        String t = text();
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error("'" + t + "' is not a finite number");
    }

    public int integer() {
        String t = text();
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw error("'" + t + "' is not a whole number");
        }
    }

    /** A list of exactly {@code n} numbers. */
    public double[] numbers(int n) {
        List<YamlNode> items = sequence();
        if (items.size() != n) {
            throw error("expected " + n + " numbers, got " + items.size());
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = items.get(i).number();
        }
        return out;
    }

    /** A range: a number (a fixed value) or a list [min, max] with min <= max. */
    public double[] range() {
        if (node instanceof ScalarNode) {
            double v = number();
            return new double[] {v, v};
        }
        double[] r = numbers(2);
        if (r[0] > r[1]) {
            throw error("range [" + r[0] + ", " + r[1] + "] has min > max; swap them");
        }
        return r;
    }
}
