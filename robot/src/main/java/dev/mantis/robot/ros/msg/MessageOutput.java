package dev.mantis.robot.ros.msg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable little-endian byte buffer that messages serialize into. Reusable: {@link #clear()}
 * keeps the capacity, so a steady stream of messages allocates nothing once it has grown.
 */
public final class MessageOutput {

    private byte[] bytes;
    private ByteBuffer buffer;

    /** A buffer with this initial capacity in bytes. */
    public MessageOutput(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
        buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Empties the buffer, keeping its capacity. */
    public void clear() {
        buffer.clear();
    }

    /** Bytes written since the last {@link #clear()}. */
    public int size() {
        return buffer.position();
    }

    /** The backing array; bytes {@code [0, size())} are the written ones. Valid until the next write. */
    public byte[] array() {
        return bytes;
    }

    /** A copy of the written bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, buffer.position());
    }

    /** Overwrites 4 bytes at an earlier position with a little-endian int (for length prefixes). */
    public void putInt32At(int position, int value) {
        buffer.putInt(position, value);
    }

    private void ensure(int more) {
        if (buffer.remaining() < more) {
            int position = buffer.position();
            long wanted = Math.max((long) bytes.length * 2, (long) position + more);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new MessageFormatException("message too large to serialize (" + wanted + " bytes)");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
            buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            buffer.position(position);
        }
    }

    /** Writes a bool as one byte. */
    public void writeBool(boolean v) {
        ensure(1);
        buffer.put((byte) (v ? 1 : 0));
    }

    /** Writes an int8. */
    public void writeInt8(byte v) {
        ensure(1);
        buffer.put(v);
    }

    /** Writes a uint8 (low 8 bits). */
    public void writeUInt8(int v) {
        ensure(1);
        buffer.put((byte) v);
    }

    /** Writes an int16. */
    public void writeInt16(short v) {
        ensure(2);
        buffer.putShort(v);
    }

    /** Writes a uint16 (low 16 bits). */
    public void writeUInt16(int v) {
        ensure(2);
        buffer.putShort((short) v);
    }

    /** Writes an int32. */
    public void writeInt32(int v) {
        ensure(4);
        buffer.putInt(v);
    }

    /** Writes a uint32 (low 32 bits). */
    public void writeUInt32(long v) {
        ensure(4);
        buffer.putInt((int) v);
    }

    /** Writes an int64. */
    public void writeInt64(long v) {
        ensure(8);
        buffer.putLong(v);
    }

    /** Writes a uint64 (its bit pattern). */
    public void writeUInt64(long v) {
        ensure(8);
        buffer.putLong(v);
    }

    /** Writes a float32. */
    public void writeFloat32(float v) {
        ensure(4);
        buffer.putFloat(v);
    }

    /** Writes a float64. */
    public void writeFloat64(double v) {
        ensure(8);
        buffer.putDouble(v);
    }

    /** Writes a time (secs, nsecs). */
    public void writeTime(RosTime v) {
        ensure(8);
        buffer.putInt(v.secs()).putInt(v.nsecs());
    }

    /** Writes a duration (secs, nsecs). */
    public void writeDuration(RosDuration v) {
        ensure(8);
        buffer.putInt(v.secs()).putInt(v.nsecs());
    }

    /** Writes a variable array's length prefix. */
    public void writeLength(int n) {
        writeInt32(n);
    }

    /** Fails unless a fixed-size array field holds exactly its declared number of elements. */
    public void checkFixedLength(String field, int actual, int declared) {
        if (actual != declared) {
            throw new MessageFormatException("field '" + field + "' is a fixed array of " + declared
                    + " elements but holds " + actual);
        }
    }

    /** Writes raw bytes (a uint8 array's elements). */
    public void writeBytes(byte[] v) {
        ensure(v.length);
        buffer.put(v);
    }

    /** Writes raw bytes from a range of an array. */
    public void writeBytes(byte[] v, int offset, int length) {
        ensure(length);
        buffer.put(v, offset, length);
    }

    /** Writes a length-prefixed UTF-8 string; ASCII strings are encoded without allocating. */
    public void writeString(String v) {
        int n = v.length();
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            if (v.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            ensure(4 + n);
            buffer.putInt(n);
            for (int i = 0; i < n; i++) {
                buffer.put((byte) v.charAt(i));
            }
        } else {
            byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
            ensure(4 + utf8.length);
            buffer.putInt(utf8.length);
            buffer.put(utf8);
        }
    }
}
