package dev.mantis.robot.dataset.parquet;

import java.util.ArrayList;
import java.util.List;

/**
 * How one top-level field of a file's schema maps to a Mantis column: its leaf column chunk, path,
 * physical type and the definition and repetition levels that mean "value", "empty list" or "null";
 * or, for a field Mantis cannot read (structs, maps, nested lists, INT96, FIXED_LEN_BYTE_ARRAY,
 * dates, decimals, ...), why not.
 */
record ColumnLayout(String name, ParquetColumn column, int leafIndex, List<String> path, int physicalType,
        int maxDef, int maxRep, int emptyListDef, String unsupported) {

    private static final String[] CONVERTED_NAMES = {"UTF8", "MAP", "MAP_KEY_VALUE", "LIST", "ENUM", "DECIMAL",
        "DATE", "TIME_MILLIS", "TIME_MICROS", "TIMESTAMP_MILLIS", "TIMESTAMP_MICROS", "UINT_8", "UINT_16",
        "UINT_32", "UINT_64", "INT_8", "INT_16", "INT_32", "INT_64", "JSON", "BSON", "INTERVAL"};
    private static final String[] LOGICAL_NAMES = {"", "STRING", "MAP", "LIST", "ENUM", "DECIMAL", "DATE", "TIME",
        "TIMESTAMP", "INTERVAL", "INTEGER", "UNKNOWN", "JSON", "BSON", "UUID", "FLOAT16", "VARIANT", "GEOMETRY",
        "GEOGRAPHY"};

    /** Whether the field can be read. */
    boolean supported() {
        return unsupported == null;
    }

    /** A node of the schema tree. */
    private record Node(SchemaElement element, List<Node> children) {
    }

    /** The layouts of the top-level fields of {@code schema} (the flattened Thrift list, root first). */
    static List<ColumnLayout> of(List<SchemaElement> schema) throws CorruptData {
        int[] next = {1};
        SchemaElement root = schema.get(0);
        if (!root.isGroup()) {
            throw new CorruptData("schema root '" + root.name() + "' is not a group");
        }
        List<ColumnLayout> layouts = new ArrayList<>();
        int[] leaf = {0};
        for (int i = 0; i < root.numChildren(); i++) {
            Node top = node(schema, next, 1);
            layouts.add(classify(top, leaf[0]));
            leaf[0] += leafCount(top);
        }
        if (next[0] != schema.size()) {
            throw new CorruptData("schema has " + schema.size() + " elements but its tree uses " + next[0]);
        }
        return layouts;
    }

    /** The number of primitive leaves of {@code schema}, which is the number of column chunks in a row group. */
    static int leafCount(List<SchemaElement> schema) {
        int n = 0;
        for (int i = 1; i < schema.size(); i++) {
            n += schema.get(i).isGroup() ? 0 : 1;
        }
        return n;
    }

    private static Node node(List<SchemaElement> schema, int[] next, int depth) throws CorruptData {
        if (next[0] >= schema.size()) {
            throw new CorruptData("schema tree needs more elements than the " + schema.size() + " there are");
        }
        if (depth > 100) {
            throw new CorruptData("schema nested more than 100 deep");
        }
        SchemaElement e = schema.get(next[0]++);
        if (!e.isGroup()) {
            if (e.type() < 0) {
                throw new CorruptData("schema element '" + e.name() + "' has neither a type nor children");
            }
            return new Node(e, List.of());
        }
        List<Node> children = new ArrayList<>(e.numChildren());
        for (int i = 0; i < e.numChildren(); i++) {
            children.add(node(schema, next, depth + 1));
        }
        return new Node(e, children);
    }

    private static int leafCount(Node n) {
        if (n.children.isEmpty()) {
            return n.element.isGroup() ? 0 : 1;
        }
        int c = 0;
        for (Node child : n.children) {
            c += leafCount(child);
        }
        return c;
    }

    private static ColumnLayout unsupported(Node top, int leaf, String why) {
        return new ColumnLayout(top.element.name(), null, leaf, List.of(), -1, 0, 0, -1, why);
    }

    private static ColumnLayout classify(Node top, int leaf) {
        SchemaElement e = top.element;
        String name = e.name();
        if (!e.isGroup()) {
            String typeProblem = elementTypeProblem(e);
            if (typeProblem != null) {
                return unsupported(top, leaf, typeProblem);
            }
            ParquetType type = elementType(e);
            if (e.repetition() == SchemaElement.REPEATED) {
                return new ColumnLayout(name, new ParquetColumn(name, type, true), leaf, List.of(name), e.type(), 1, 1,
                        0, null);
            }
            int maxDef = e.repetition() == SchemaElement.OPTIONAL ? 1 : 0;
            return new ColumnLayout(name, new ParquetColumn(name, type, false), leaf, List.of(name), e.type(), maxDef,
                    0, -1, null);
        }
        boolean isList = e.convertedType() == SchemaElement.CONVERTED_LIST
                || e.logicalType() == SchemaElement.LOGICAL_LIST;
        if (!isList) {
            return unsupported(top, leaf, e.convertedType() == 1 || e.logicalType() == 2 ? "a map"
                    : e.repetition() == SchemaElement.REPEATED ? "a repeated group" : "a struct");
        }
        if (e.repetition() == SchemaElement.REPEATED) {
            return unsupported(top, leaf, "a repeated LIST group");
        }
        if (top.children.size() != 1 || top.children.get(0).element.repetition() != SchemaElement.REPEATED) {
            return unsupported(top, leaf, "a LIST group that is not one repeated field");
        }
        Node repeated = top.children.get(0);
        Node element;
        List<String> path;
        if (!repeated.element.isGroup()) {
            element = repeated; // 2-level list: repeated <type> array
            path = List.of(name, repeated.element.name());
        } else {
            String rname = repeated.element.name();
            if (repeated.children.size() != 1 || rname.equals("array") || rname.equals(name + "_tuple")) {
                return unsupported(top, leaf, "a list of structs");
            }
            element = repeated.children.get(0);
            if (element.element.isGroup() || element.element.repetition() == SchemaElement.REPEATED) {
                return unsupported(top, leaf, "a list of lists or structs");
            }
            path = List.of(name, rname, element.element.name());
        }
        String typeProblem = elementTypeProblem(element.element);
        if (typeProblem != null) {
            return unsupported(top, leaf, "a list of " + typeProblem);
        }
        int outerDef = e.repetition() == SchemaElement.OPTIONAL ? 1 : 0;
        int maxDef = outerDef + 1
                + (element != repeated && element.element.repetition() == SchemaElement.OPTIONAL ? 1 : 0);
        return new ColumnLayout(name, new ParquetColumn(name, elementType(element.element), true), leaf, path,
                element.element.type(), maxDef, 1, outerDef, null);
    }

    /** Why a primitive's type and annotation cannot be read, or null when it can. */
    private static String elementTypeProblem(SchemaElement e) {
        int t = e.type();
        int c = e.convertedType();
        int l = e.logicalType();
        String annotation = l >= 0 ? logicalName(l) : c >= 0 ? convertedName(c) : null;
        switch (t) {
            case Encodings.TYPE_BOOLEAN, Encodings.TYPE_FLOAT, Encodings.TYPE_DOUBLE -> {
                return annotation == null ? null : Encodings.typeName(t) + " annotated " + annotation;
            }
            case Encodings.TYPE_INT32 -> {
                boolean ok = l < 0 ? c < 0 || c == 11 || c == 12 || c == 15 || c == 16 || c == 17
                        : l == SchemaElement.LOGICAL_INTEGER && e.intBitWidth() > 0
                                && (e.intBitWidth() < 32 || e.intSigned());
                return ok ? null : "INT32 annotated " + annotation + (l == SchemaElement.LOGICAL_INTEGER
                        ? "(" + e.intBitWidth() + ", " + (e.intSigned() ? "signed" : "unsigned") + ")" : "");
            }
            case Encodings.TYPE_INT64 -> {
                boolean ok = l < 0 ? c < 0 || c == 18
                        : l == SchemaElement.LOGICAL_INTEGER && e.intBitWidth() == 64 && e.intSigned();
                return ok ? null : "INT64 annotated " + annotation + (l == SchemaElement.LOGICAL_INTEGER
                        ? "(" + e.intBitWidth() + ", " + (e.intSigned() ? "signed" : "unsigned") + ")" : "");
            }
            case Encodings.TYPE_BYTE_ARRAY -> {
                boolean ok = l < 0 ? c < 0 || c == SchemaElement.CONVERTED_UTF8 || c == 4 || c == 19
                        : l == SchemaElement.LOGICAL_STRING || l == 4 || l == 12;
                return ok ? null : "BYTE_ARRAY annotated " + annotation;
            }
            default -> {
                return Encodings.typeName(t) + (annotation == null ? "" : " annotated " + annotation);
            }
        }
    }

    private static ParquetType elementType(SchemaElement e) {
        return switch (e.type()) {
            case Encodings.TYPE_BOOLEAN -> ParquetType.BOOLEAN;
            case Encodings.TYPE_INT32 -> ParquetType.INT32;
            case Encodings.TYPE_INT64 -> ParquetType.INT64;
            case Encodings.TYPE_FLOAT -> ParquetType.FLOAT;
            case Encodings.TYPE_DOUBLE -> ParquetType.DOUBLE;
            default -> ParquetType.STRING;
        };
    }

    private static String convertedName(int c) {
        return c < CONVERTED_NAMES.length ? CONVERTED_NAMES[c] : "converted type #" + c;
    }

    private static String logicalName(int l) {
        return l > 0 && l < LOGICAL_NAMES.length ? LOGICAL_NAMES[l] : "logical type #" + l;
    }
}
