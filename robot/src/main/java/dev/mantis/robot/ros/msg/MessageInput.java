package dev.mantis.robot.ros.msg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A little-endian reader over a byte range that messages deserialize from. Every read checks the
 * bytes left, and every length prefix is bounded by them, so malformed input ends in a
 * {@link MessageFormatException}, never in a huge allocation. Reusable via {@link #reset}: a reader
 * reset over the same array allocates nothing, and short strings that repeat from message to
 * message (joint names, frame ids) are decoded once and shared.
 */
public final class MessageInput {

    /** Strings up to this many bytes are remembered. */
    static final int CACHED_STRING_BYTES = 64;
    private static final int STRING_CACHE_SLOTS = 64;

    private ByteBuffer buffer = ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
    private byte[] bytes = new byte[0];
    private int start;
    private final String[] cachedStrings = new String[STRING_CACHE_SLOTS];
    private final byte[][] cachedBytes = new byte[STRING_CACHE_SLOTS][];

    /** Points this reader at {@code length} bytes of {@code bytes} from {@code offset}. */
    public void reset(byte[] bytes, int offset, int length) {
        if (bytes != this.bytes) {
            this.bytes = bytes;
            this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }
        this.start = offset;
        buffer.clear();
        buffer.limit(offset + length).position(offset);
    }

    /** Bytes not yet read. */
    public int remaining() {
        return buffer.remaining();
    }

    /** Fails when bytes are left over after a whole message of {@code type}. */
    public void expectEnd(String type) {
        if (buffer.hasRemaining()) {
            throw new MessageFormatException(buffer.remaining() + " bytes left over after a whole " + type
                    + " message; the sender's type differs");
        }
    }

    private void need(int n, String what) {
        if (buffer.remaining() < n) {
            throw new MessageFormatException("message truncated: " + what + " needs " + n + " bytes at offset "
                    + (buffer.position() - start) + ", " + buffer.remaining() + " left");
        }
    }

    /** Reads a bool (any non-zero byte is true). */
    public boolean readBool() {
        need(1, "bool");
        return buffer.get() != 0;
    }

    /** Reads an int8. */
    public byte readInt8() {
        need(1, "int8");
        return buffer.get();
    }

    /** Reads a uint8. */
    public int readUInt8() {
        need(1, "uint8");
        return buffer.get() & 0xff;
    }

    /** Reads an int16. */
    public short readInt16() {
        need(2, "int16");
        return buffer.getShort();
    }

    /** Reads a uint16. */
    public int readUInt16() {
        need(2, "uint16");
        return buffer.getShort() & 0xffff;
    }

    /** Reads an int32. */
    public int readInt32() {
        need(4, "int32");
        return buffer.getInt();
    }

    /** Reads a uint32. */
    public long readUInt32() {
        need(4, "uint32");
        return buffer.getInt() & 0xffffffffL;
    }

    /** Reads an int64. */
    public long readInt64() {
        need(8, "int64");
        return buffer.getLong();
    }

    /** Reads a uint64 (its bit pattern). */
    public long readUInt64() {
        need(8, "uint64");
        return buffer.getLong();
    }

    /** Reads a float32. */
    public float readFloat32() {
        need(4, "float32");
        return buffer.getFloat();
    }

    /** Reads a float64. */
    public double readFloat64() {
        need(8, "float64");
        return buffer.getDouble();
    }

    /** Reads a time. */
    public RosTime readTime() {
        need(8, "time");
        return new RosTime(buffer.getInt(), buffer.getInt());
    }

    /** Reads a duration. */
    public RosDuration readDuration() {
        need(8, "duration");
        return new RosDuration(buffer.getInt(), buffer.getInt());
    }

    /**
     * Reads a variable array's length prefix and checks that that many elements of at least
     * {@code minElementSize} bytes each fit in the bytes left.
     */
    public int readLength(int minElementSize) {
        need(4, "array length");
        int at = buffer.position() - start;
        long n = buffer.getInt() & 0xffffffffL;
        if (n * minElementSize > buffer.remaining()) {
            throw new MessageFormatException("array length " + n + " at offset " + at + " needs at least "
                    + n * minElementSize + " bytes, " + buffer.remaining() + " left");
        }
        return (int) n;
    }

    /** Reads raw bytes filling {@code into} (a uint8 array's elements). */
    public void readBytes(byte[] into) {
        need(into.length, "uint8 array");
        buffer.get(into);
    }

    /** Reads a length-prefixed UTF-8 string. */
    public String readString() {
        int n = readLength(1);
        int position = buffer.position();
        buffer.position(position + n);
        if (n > CACHED_STRING_BYTES) {
            return new String(bytes, position, n, StandardCharsets.UTF_8);
        }
        int hash = n;
        for (int i = position; i < position + n; i++) {
            hash = 31 * hash + bytes[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (STRING_CACHE_SLOTS - 1);
        byte[] known = cachedBytes[slot];
        if (known != null && Arrays.equals(known, 0, known.length, bytes, position, position + n)) {
            return cachedStrings[slot];
        }
        String s = new String(bytes, position, n, StandardCharsets.UTF_8);
        cachedBytes[slot] = Arrays.copyOfRange(bytes, position, position + n);
        cachedStrings[slot] = s;
        return s;
    }
}
