package dev.mantis.robot.ros.tcpros;

import java.io.IOException;

/** A TCPROS peer that broke the protocol: a bad header, a refused MD5 sum, an impossible length. */
public class TcpRosException extends IOException {

    private static final long serialVersionUID = 1L;

    public TcpRosException(String message) {
        super(message);
    }
}
