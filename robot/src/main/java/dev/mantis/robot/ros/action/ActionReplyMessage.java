package dev.mantis.robot.ros.action;

import dev.mantis.robot.ros.msg.Message;
import dev.mantis.robot.ros.msg.MessageInput;
import dev.mantis.robot.ros.msg.MessageOutput;
import dev.mantis.robot.ros.msg.MessageType;
import dev.mantis.robot.ros.msg.actionlib_msgs.GoalStatus;
import dev.mantis.robot.ros.msg.std_msgs.Header;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The message on an action's feedback or result topic ({@code NameActionFeedback} or
 * {@code NameActionResult}: header, status, then the feedback or result) for any body class, with
 * the wire type's name, MD5 sum and definition.
 *
 * @param <T> feedback or result class
 */
final class ActionReplyMessage<T extends Message> implements Message {

    final Header header = new Header();
    final GoalStatus status = new GoalStatus();
    final T body;
    private final MessageType<ActionReplyMessage<T>> type;

    private ActionReplyMessage(MessageType<ActionReplyMessage<T>> type, T body) {
        this.type = type;
        this.body = body;
    }

    /**
     * The type of a reply wrapper.
     *
     * @param wire the generated wrapper's type (name, MD5 sum, definition)
     * @param body the feedback or result type inside it
     */
    static <T extends Message> MessageType<ActionReplyMessage<T>> type(MessageType<?> wire, MessageType<T> body) {
        AtomicReference<MessageType<ActionReplyMessage<T>>> self = new AtomicReference<>();
        self.set(new MessageType<>(wire.name(), wire.md5(), wire.definition(), wire.minSize(),
                () -> new ActionReplyMessage<>(self.get(), body.create())));
        return self.get();
    }

    /** A wrapper of {@code body}. */
    static <T extends Message> ActionReplyMessage<T> wrap(MessageType<ActionReplyMessage<T>> type, T body) {
        return new ActionReplyMessage<>(type, body);
    }

    @Override
    public MessageType<ActionReplyMessage<T>> type() {
        return type;
    }

    @Override
    public void write(MessageOutput out) {
        header.write(out);
        status.write(out);
        body.write(out);
    }

    @Override
    public void read(MessageInput in) {
        header.read(in);
        status.read(in);
        body.read(in);
    }
}
