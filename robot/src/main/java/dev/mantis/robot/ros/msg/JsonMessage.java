package dev.mantis.robot.ros.msg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A message of a type known only by its definition, held as a JSON tree with the .msg field names
 * (see {@link JsonMessageCodec}); lets tools publish, echo and call any type.
 */
public final class JsonMessage implements Message {

    private final MessageType<JsonMessage> type;
    private final JsonMessageCodec codec;
    private JsonNode json = JsonNodeFactory.instance.objectNode();

    private JsonMessage(MessageType<JsonMessage> type, JsonMessageCodec codec) {
        this.type = type;
        this.codec = codec;
    }

    /**
     * The type descriptor of {@code name} as the codec's definitions give it.
     *
     * @throws dev.mantis.robot.ros.definition.DefinitionException when the codec does not know it
     */
    public static MessageType<JsonMessage> type(JsonMessageCodec codec, String name) {
        AtomicReference<MessageType<JsonMessage>> self = new AtomicReference<>();
        self.set(new MessageType<>(name, codec.catalog().md5(name), codec.catalog().fullText(name),
                codec.catalog().minSize(name), () -> new JsonMessage(self.get(), codec)));
        return self.get();
    }

    /** The fields as JSON. */
    public JsonNode json() {
        return json;
    }

    /** Replaces the fields; checked against the type when written. */
    public JsonMessage json(JsonNode value) {
        this.json = value;
        return this;
    }

    @Override
    public MessageType<JsonMessage> type() {
        return type;
    }

    @Override
    public void write(MessageOutput out) {
        codec.write(type.name(), json, out);
    }

    @Override
    public void read(MessageInput in) {
        json = codec.read(type.name(), in);
    }
}
