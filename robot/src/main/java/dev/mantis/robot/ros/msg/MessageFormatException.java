package dev.mantis.robot.ros.msg;

/**
 * Bytes that are not a valid serialized message of the expected type: truncated, a length prefix
 * larger than the bytes left, trailing bytes, or a value that cannot be encoded. The only
 * exception deserialization throws.
 */
public class MessageFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MessageFormatException(String message) {
        super(message);
    }
}
