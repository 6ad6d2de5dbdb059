package dev.mantis.robot.ros.msg;

/**
 * A ROS 1 message: a generated, mutable, reusable class with public fields named as in its .msg
 * definition. Reading into an existing instance reuses its arrays and nested messages.
 */
public interface Message {

    /** This message's type descriptor. */
    MessageType<?> type();

    /** Writes the fields in wire order (no length prefix). */
    void write(MessageOutput out);

    /**
     * Reads the fields in wire order, overwriting this instance.
     *
     * @throws MessageFormatException when the bytes are truncated or a length is impossible
     */
    void read(MessageInput in);
}
