package dev.mantis.robot.dataset.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable little-endian byte buffer, reused between row groups so that encoding does not allocate. */
final class ByteSink {

    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] buf;
    private int size;

    ByteSink(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** The backing array; bytes {@code [0, size())} are the content. */
    byte[] array() {
        return buf;
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    /** Makes room for {@code more} bytes past the end. */
    void ensure(int more) {
        int need = size + more;
        if (need < 0) {
            throw new IllegalStateException("Parquet buffer over 2 GiB");
        }
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(need, (int) Math.min(Integer.MAX_VALUE - 8, buf.length * 2L)));
        }
    }

    /** Moves the end to {@code newSize} (which must be within the capacity made by {@link #ensure}). */
    void setSize(int newSize) {
        size = newSize;
    }

    void writeByte(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    void writeIntLE(int v) {
        ensure(4);
        INT.set(buf, size, v);
        size += 4;
    }

    void writeLongLE(long v) {
        ensure(8);
        LONG.set(buf, size, v);
        size += 8;
    }

    /** Overwrites 4 bytes at {@code at} with {@code v}. */
    void putIntLE(int at, int v) {
        INT.set(buf, at, v);
    }

    void writeBytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    /** An unsigned LEB128 varint. */
    void writeVarint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    /** A copy of the content. */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
