package dev.mantis.robot.ros.tcpros;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads length-prefixed TCPROS frames (a message, a service request or response), refusing any
 * longer than a limit before allocating for it.
 */
public final class FrameReader {

    private final DataInputStream in;
    private final int maxBytes;

    /** A reader of frames of at most {@code maxBytes} bytes. */
    public FrameReader(InputStream in, int maxBytes) {
        this.in = new DataInputStream(in);
        this.maxBytes = maxBytes;
    }

    /**
     * Reads the next frame's length prefix.
     *
     * @throws java.io.EOFException when the peer closed the connection between frames
     * @throws TcpRosException when the length exceeds the limit
     */
    public int readLength() throws IOException {
        long n = ConnectionHeader.readLength(in);
        if (n > maxBytes) {
            throw new TcpRosException("message of " + n + " bytes exceeds the limit of " + maxBytes
                    + " bytes; connection dropped");
        }
        return (int) n;
    }

    /**
     * Whether the next frame (its length prefix and all its bytes) is already received, so that
     * reading it will not block. Needs a stream that supports {@link InputStream#mark}, such as a
     * {@link java.io.BufferedInputStream}.
     */
    public boolean frameAvailable() throws IOException {
        if (in.available() < 4) {
            return false;
        }
        in.mark(4);
        long n;
        try {
            n = ConnectionHeader.readLength(in);
        } finally {
            in.reset();
        }
        return n <= in.available() - 4L;
    }

    /** Bytes that can be read without blocking: those buffered and those the kernel holds. */
    public int available() throws IOException {
        return in.available();
    }

    /** Reads the next frame into a new array. */
    public byte[] readFrame() throws IOException {
        byte[] frame = new byte[readLength()];
        in.readFully(frame);
        return frame;
    }

    /** Reads exactly {@code into.length} bytes. */
    public void readFully(byte[] into, int offset, int length) throws IOException {
        in.readFully(into, offset, length);
    }

    /** Reads one byte (the ok flag of a service response). */
    public int readByte() throws IOException {
        return in.readUnsignedByte();
    }
}
