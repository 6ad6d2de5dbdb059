package dev.mantis.robot.ros.xmlrpc;

/**
 * An XML-RPC call that failed: the peer could not be reached, answered something that is not
 * XML-RPC, or answered with a fault (then {@link #faultCode()} is the peer's code).
 */
public class XmlRpcException extends Exception {

    private static final long serialVersionUID = 1L;

    /** {@link #faultCode()} when the failure is not a fault sent by the peer. */
    public static final int NOT_A_FAULT = Integer.MIN_VALUE;

    private final int faultCode;

    public XmlRpcException(String message) {
        this(message, NOT_A_FAULT, null);
    }

    public XmlRpcException(String message, Throwable cause) {
        this(message, NOT_A_FAULT, cause);
    }

    public XmlRpcException(String message, int faultCode, Throwable cause) {
        super(message, cause);
        this.faultCode = faultCode;
    }

    /** The fault code the peer sent, or {@link #NOT_A_FAULT}. */
    public int faultCode() {
        return faultCode;
    }
}
