package dev.mantis.robot.ros.tcpros;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TCPROS connection headers: a little-endian uint32 total length, then fields, each a uint32
 * length and {@code key=value} bytes.
 */
public final class ConnectionHeader {

    /** Longest header accepted (message definitions make headers a few kilobytes). */
    public static final int MAX_BYTES = 1 << 20;

    private ConnectionHeader() {
    }

    /** The wire bytes of a header, length prefix included. */
    public static byte[] encode(Map<String, String> fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            byte[] field = (e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8);
            writeInt(body, field.length);
            body.write(field, 0, field.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 4);
        writeInt(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /**
     * Reads one header.
     *
     * @throws TcpRosException when it is too long or a field is malformed
     * @throws EOFException when the peer closes before a whole header
     */
    public static Map<String, String> read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        long total = readLength(data);
        if (total > MAX_BYTES) {
            throw new TcpRosException("connection header of " + total + " bytes is longer than " + MAX_BYTES
                    + "; the peer does not speak TCPROS");
        }
        byte[] body = new byte[(int) total];
        data.readFully(body);
        Map<String, String> fields = new LinkedHashMap<>();
        int at = 0;
        while (at < body.length) {
            if (body.length - at < 4) {
                throw new TcpRosException("connection header truncated: field length at byte " + at);
            }
            long n = (body[at] & 0xffL) | (body[at + 1] & 0xffL) << 8 | (body[at + 2] & 0xffL) << 16
                    | (body[at + 3] & 0xffL) << 24;
            at += 4;
            if (n > body.length - at) {
                throw new TcpRosException("connection header field of " + n + " bytes at byte " + (at - 4)
                        + " overruns the header's " + body.length + " bytes");
            }
            String field = new String(body, at, (int) n, StandardCharsets.UTF_8);
            at += (int) n;
            int eq = field.indexOf('=');
            if (eq <= 0) {
                throw new TcpRosException("connection header field '" + abbreviate(field) + "' is not key=value");
            }
            fields.put(field.substring(0, eq), field.substring(eq + 1));
        }
        return fields;
    }

    /** Reads a little-endian uint32. */
    static long readLength(DataInputStream in) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            throw new EOFException("connection closed");
        }
        return (b0 & 0xffL) | (in.readUnsignedByte() & 0xffL) << 8 | (in.readUnsignedByte() & 0xffL) << 16
                | (in.readUnsignedByte() & 0xffL) << 24;
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
