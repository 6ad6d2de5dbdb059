package dev.mantis.robot.ros.msg;

import java.util.function.Supplier;

/**
 * What peers need to know about a message type (generated as each class's {@code TYPE}).
 *
 * @param <T> the generated class
 */
public final class MessageType<T extends Message> {

    private final String name;
    private final String md5;
    private final String definition;
    private final int minSize;
    private final Supplier<T> factory;

    /**
     * @param name full name, e.g. {@code sensor_msgs/JointState}
     * @param md5 MD5 sum by genmsg's rules
     * @param definition the full definition text sent in connection headers
     * @param minSize fewest bytes of one serialized message
     * @param factory makes an instance with default field values
     */
    public MessageType(String name, String md5, String definition, int minSize, Supplier<T> factory) {
        this.name = name;
        this.md5 = md5;
        this.definition = definition;
        this.minSize = minSize;
        this.factory = factory;
    }

    /** Full name, e.g. {@code sensor_msgs/JointState}. */
    public String name() {
        return name;
    }

    /** MD5 sum (32 hex digits). */
    public String md5() {
        return md5;
    }

    /** Full definition text with the definitions of the types it uses. */
    public String definition() {
        return definition;
    }

    /** Fewest bytes of one serialized message (all arrays and strings empty). */
    public int minSize() {
        return minSize;
    }

    /** A new instance with default field values. */
    public T create() {
        return factory.get();
    }

    /** Serializes a message into a new array (convenience; hot paths reuse a {@link MessageOutput}). */
    public byte[] toBytes(T message) {
        MessageOutput out = new MessageOutput(256);
        message.write(out);
        return out.toByteArray();
    }

    /**
     * Deserializes one whole message.
     *
     * @throws MessageFormatException when the bytes are not exactly one message of this type
     */
    public T fromBytes(byte[] bytes) {
        T message = create();
        MessageInput in = new MessageInput();
        in.reset(bytes, 0, bytes.length);
        message.read(in);
        in.expectEnd(name);
        return message;
    }

    @Override
    public String toString() {
        return name;
    }
}
