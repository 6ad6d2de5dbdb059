package dev.mantis.robot.ros.msg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mantis.robot.ros.definition.DefinitionCatalog;
import dev.mantis.robot.ros.definition.FieldSpec;
import dev.mantis.robot.ros.definition.MessageSpec;
import dev.mantis.robot.ros.definition.Primitive;
import java.math.BigInteger;
import java.util.Iterator;

/**
 * Messages of any type known only by its definition, as JSON trees whose field names are the .msg
 * field names (for {@code mantis ros topic echo --json} and {@code pub}). {@code time} and
 * {@code duration} are objects {@code {"secs": S, "nsecs": N}}; fields missing from JSON written
 * out take their zero value.
 */
public final class JsonMessageCodec {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final DefinitionCatalog catalog;

    /** A codec for the types of a catalog. */
    public JsonMessageCodec(DefinitionCatalog catalog) {
        this.catalog = catalog;
    }

    /** A codec for the types generated into this build (see {@link MessageTypes}). */
    public static JsonMessageCodec builtIn() {
        DefinitionCatalog catalog = new DefinitionCatalog();
        for (String name : MessageTypes.messageNames()) {
            catalog.addAll(DefinitionCatalog.fromFullText(name, MessageTypes.message(name).definition()));
        }
        return new JsonMessageCodec(catalog);
    }

    /** A codec for one type from its full definition (as a publisher's connection header sends it). */
    public static JsonMessageCodec of(String type, String fullDefinition) {
        return new JsonMessageCodec(DefinitionCatalog.fromFullText(type, fullDefinition));
    }

    /** The definitions this codec knows. */
    public DefinitionCatalog catalog() {
        return catalog;
    }

    /**
     * Reads one message of {@code type} into a JSON object.
     *
     * @throws MessageFormatException when the bytes are not a message of that type
     */
    public ObjectNode read(String type, MessageInput in) {
        MessageSpec spec = catalog.message(type);
        ObjectNode out = JSON.objectNode();
        for (FieldSpec f : spec.fields()) {
            if (!f.isArray()) {
                out.set(f.name(), readElement(f, in));
                continue;
            }
            int elementSize = Math.max(1, f.isMessage() ? catalog.minSize(f.type()) : f.primitive().size());
            int n = f.arrayLength() == FieldSpec.VARIABLE ? in.readLength(elementSize) : f.arrayLength();
            ArrayNode array = out.putArray(f.name());
            for (int i = 0; i < n; i++) {
                array.add(readElement(f, in));
            }
        }
        return out;
    }

    private JsonNode readElement(FieldSpec f, MessageInput in) {
        if (f.isMessage()) {
            return read(f.type(), in);
        }
        switch (f.primitive()) {
            case BOOL:
                return JSON.booleanNode(in.readBool());
            case INT8:
                return JSON.numberNode(in.readInt8());
            case UINT8:
                return JSON.numberNode(in.readUInt8());
            case INT16:
                return JSON.numberNode(in.readInt16());
            case UINT16:
                return JSON.numberNode(in.readUInt16());
            case INT32:
                return JSON.numberNode(in.readInt32());
            case UINT32:
                return JSON.numberNode(in.readUInt32());
            case INT64:
                return JSON.numberNode(in.readInt64());
            case UINT64:
                return JSON.numberNode(new BigInteger(Long.toUnsignedString(in.readUInt64())));
            case FLOAT32:
                return JSON.numberNode(in.readFloat32());
            case FLOAT64:
                return JSON.numberNode(in.readFloat64());
            case STRING:
                return JSON.textNode(in.readString());
            case TIME: {
                RosTime t = in.readTime();
                return stamp(Integer.toUnsignedLong(t.secs()), Integer.toUnsignedLong(t.nsecs()));
            }
            default: {
                RosDuration d = in.readDuration();
                return stamp(d.secs(), d.nsecs());
            }
        }
    }

    private static ObjectNode stamp(long secs, long nsecs) {
        ObjectNode o = JSON.objectNode();
        o.put("secs", secs);
        o.put("nsecs", nsecs);
        return o;
    }

    /**
     * Writes a JSON object as one message of {@code type}.
     *
     * @throws MessageFormatException naming the field path when the JSON does not fit the type
     */
    public void write(String type, JsonNode value, MessageOutput out) {
        writeMessage(type, value, out, type.substring(type.indexOf('/') + 1));
    }

    private void writeMessage(String type, JsonNode value, MessageOutput out, String path) {
        MessageSpec spec = catalog.message(type);
        if (value != null && !value.isNull() && !value.isObject()) {
            throw new MessageFormatException(path + ": expected a JSON object for " + type + ", got " + value);
        }
        if (value != null && value.isObject()) {
            for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (spec.fields().stream().noneMatch(f -> f.name().equals(name))) {
                    throw new MessageFormatException(path + ": " + type + " has no field '" + name + "'; its fields are "
                            + spec.fields().stream().map(FieldSpec::name).toList());
                }
            }
        }
        for (FieldSpec f : spec.fields()) {
            JsonNode v = value == null ? null : value.get(f.name());
            String at = path + "." + f.name();
            if (!f.isArray()) {
                writeElement(f, v, out, at);
                continue;
            }
            if (v != null && !v.isNull() && !v.isArray()) {
                throw new MessageFormatException(at + ": expected a JSON array, got " + v);
            }
            int n = v == null || v.isNull() ? 0 : v.size();
            if (f.arrayLength() == FieldSpec.VARIABLE) {
                out.writeLength(n);
            } else if (n != 0 && n != f.arrayLength()) {
                throw new MessageFormatException(at + ": expected " + f.arrayLength() + " elements, got " + n);
            }
            int count = f.arrayLength() == FieldSpec.VARIABLE ? n : f.arrayLength();
            for (int i = 0; i < count; i++) {
                writeElement(f, i < n ? v.get(i) : null, out, at + "[" + i + "]");
            }
        }
    }

    private void writeElement(FieldSpec f, JsonNode v, MessageOutput out, String at) {
        if (f.isMessage()) {
            writeMessage(f.type(), v, out, at);
            return;
        }
        Primitive p = f.primitive();
        boolean missing = v == null || v.isNull();
        switch (p) {
            case BOOL:
                if (!missing && !v.isBoolean()) {
                    throw new MessageFormatException(at + ": expected true or false, got " + v);
                }
                out.writeBool(!missing && v.booleanValue());
                return;
            case STRING:
                if (!missing && !v.isTextual()) {
                    throw new MessageFormatException(at + ": expected a string, got " + v);
                }
                out.writeString(missing ? "" : v.textValue());
                return;
            case TIME:
            case DURATION: {
                if (!missing && !v.isObject()) {
                    throw new MessageFormatException(at + ": expected {\"secs\": S, \"nsecs\": N}, got " + v);
                }
                long secs = missing ? 0 : integer(v.get("secs"), at + ".secs", p == Primitive.TIME ? 0 : Integer.MIN_VALUE,
                        p == Primitive.TIME ? 0xffffffffL : Integer.MAX_VALUE);
                long nsecs = missing ? 0 : integer(v.get("nsecs"), at + ".nsecs", 0, 999_999_999L);
                out.writeInt32((int) secs);
                out.writeInt32((int) nsecs);
                return;
            }
            case FLOAT32:
            case FLOAT64: {
                if (!missing && !v.isNumber()) {
                    throw new MessageFormatException(at + ": expected a number, got " + v);
                }
                double d = missing ? 0 : v.doubleValue();
                if (p == Primitive.FLOAT32) {
                    out.writeFloat32((float) d);
                } else {
                    out.writeFloat64(d);
                }
                return;
            }
            case UINT64: {
                if (!missing && !v.isIntegralNumber()) {
                    throw new MessageFormatException(at + ": expected an integer, got " + v);
                }
                BigInteger b = missing ? BigInteger.ZERO : v.bigIntegerValue();
                if (b.signum() < 0 || b.bitLength() > 64) {
                    throw new MessageFormatException(at + ": " + b + " is out of range for uint64");
                }
                out.writeUInt64(b.longValue());
                return;
            }
            default:
                writeInteger(p, missing ? 0 : integer(v, at, min(p), max(p)), out);
        }
    }

    private static void writeInteger(Primitive p, long value, MessageOutput out) {
        switch (p) {
            case INT8:
            case UINT8:
                out.writeUInt8((int) value);
                return;
            case INT16:
            case UINT16:
                out.writeUInt16((int) value);
                return;
            case INT32:
            case UINT32:
                out.writeUInt32(value);
                return;
            default:
                out.writeInt64(value);
        }
    }

    private static long min(Primitive p) {
        switch (p) {
            case INT8:
                return Byte.MIN_VALUE;
            case INT16:
                return Short.MIN_VALUE;
            case INT32:
                return Integer.MIN_VALUE;
            case INT64:
                return Long.MIN_VALUE;
            default:
                return 0;
        }
    }

    private static long max(Primitive p) {
        switch (p) {
            case INT8:
                return Byte.MAX_VALUE;
            case UINT8:
                return 255;
            case INT16:
                return Short.MAX_VALUE;
            case UINT16:
                return 65535;
            case INT32:
                return Integer.MAX_VALUE;
            case UINT32:
                return 0xffffffffL;
            default:
                return Long.MAX_VALUE;
        }
    }

    private static long integer(JsonNode v, String at, long min, long max) {
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new MessageFormatException(at + ": expected an integer, got " + v);
        }
        long x = v.longValue();
        if (x < min || x > max) {
            throw new MessageFormatException(at + ": " + x + " is out of range [" + min + ", " + max + "]");
        }
        return x;
    }
}
