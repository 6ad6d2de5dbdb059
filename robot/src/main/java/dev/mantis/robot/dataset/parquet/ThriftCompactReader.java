package dev.mantis.robot.dataset.parquet;

import java.nio.charset.StandardCharsets;

/**
 * Reads Thrift compact-protocol structs from a byte array. CorruptData input throws {@link
 * ThriftCompactReader.CorruptData}, which callers turn into a {@link ParquetException} naming the file.
 */
final class ThriftCompactReader {


    private static final int MAX_DEPTH = 64;

    private final byte[] buf;
    private final int end;
    private int pos;
    private final int[] lastIdStack = new int[MAX_DEPTH];
    private int depth;
    private int lastId;
    /** Type of the field header just read; a bool field's value is in it. */
    private int fieldType;

    ThriftCompactReader(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    int position() {
        return pos;
    }

    private int readByte() throws CorruptData {
        if (pos >= end) {
            throw new CorruptData("Thrift data ends early");
        }
        return buf[pos++] & 0xFF;
    }

    long varint() throws CorruptData {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new CorruptData("Thrift varint longer than 10 bytes");
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    /** Enters a struct (the top-level one or a struct field just read). */
    void beginStruct() throws CorruptData {
        if (depth == MAX_DEPTH) {
            throw new CorruptData("Thrift structs nested too deeply");
        }
        lastIdStack[depth++] = lastId;
        lastId = 0;
    }

    /** Leaves the struct whose stop field was just read. */
    void endStruct() {
        lastId = lastIdStack[--depth];
    }

    /** Reads the next field header; returns its id, or 0 at the struct's stop byte. */
    int nextField() throws CorruptData {
        int b = readByte();
        if (b == 0) {
            return 0;
        }
        fieldType = b & 0x0F;
        int delta = b >>> 4;
        int id = delta != 0 ? lastId + delta : (int) unzigzag(varint());
        lastId = id;
        return id;
    }

    /** The compact type of the field header just read. */
    int fieldType() {
        return fieldType;
    }

    /** A single-byte integer (i8). */
    int i8() throws CorruptData {
        return (byte) readByte();
    }

    int i32() throws CorruptData {
        return (int) unzigzag(varint());
    }

    long i64() throws CorruptData {
        return unzigzag(varint());
    }

    /** The value of the bool field just read. */
    boolean bool() {
        return fieldType == ThriftCompactWriter.BOOL_TRUE;
    }

    byte[] binary() throws CorruptData {
        long n = varint();
        if (n < 0 || n > end - pos) {
            throw new CorruptData("Thrift binary of " + n + " bytes runs past the end");
        }
        byte[] b = new byte[(int) n];
        System.arraycopy(buf, pos, b, 0, b.length);
        pos += b.length;
        return b;
    }

    String string() throws CorruptData {
        return new String(binary(), StandardCharsets.UTF_8);
    }

    /** Reads a list header; returns its size, and its element type via {@link #listElementType()}. */
    int beginList() throws CorruptData {
        int b = readByte();
        listElementType = b & 0x0F;
        long size = b >>> 4;
        if (size == 15) {
            size = varint();
        }
        if (size < 0 || size > end - pos) {
            throw new CorruptData("Thrift list of " + size + " elements runs past the end");
        }
        return (int) size;
    }

    private int listElementType;

    int listElementType() {
        return listElementType;
    }

    /** Skips the value of the field just read. */
    void skipField() throws CorruptData {
        skip(fieldType, 0);
    }

    /** Skips one value of compact type {@code type} (in a list, bools take a byte). */
    void skip(int type, int nesting) throws CorruptData {
        if (nesting > MAX_DEPTH) {
            throw new CorruptData("Thrift values nested too deeply");
        }
        switch (type) {
            case ThriftCompactWriter.BOOL_TRUE, ThriftCompactWriter.BOOL_FALSE -> { }
            case ThriftCompactWriter.I8 -> readByte();
            case ThriftCompactWriter.I16, ThriftCompactWriter.I32, ThriftCompactWriter.I64 -> varint();
            case ThriftCompactWriter.DOUBLE -> {
                if (end - pos < 8) {
                    throw new CorruptData("Thrift data ends early");
                }
                pos += 8;
            }
            case ThriftCompactWriter.BINARY -> {
                long n = varint();
                if (n < 0 || n > end - pos) {
                    throw new CorruptData("Thrift binary of " + n + " bytes runs past the end");
                }
                pos += (int) n;
            }
            case ThriftCompactWriter.LIST, ThriftCompactWriter.SET -> {
                int n = beginList();
                int t = listElementType;
                for (int i = 0; i < n; i++) {
                    skipElement(t, nesting + 1);
                }
            }
            case ThriftCompactWriter.MAP -> {
                long n = varint();
                if (n != 0) {
                    int kv = readByte();
                    for (long i = 0; i < n; i++) {
                        skipElement(kv >>> 4, nesting + 1);
                        skipElement(kv & 0x0F, nesting + 1);
                    }
                }
            }
            case ThriftCompactWriter.STRUCT -> {
                beginStruct();
                while (nextField() != 0) {
                    skip(fieldType, nesting + 1);
                }
                endStruct();
            }
            default -> throw new CorruptData("unknown Thrift type " + type);
        }
    }

    /** Skips a list element: bools are one byte there. */
    void skipElement(int type, int nesting) throws CorruptData {
        if (type == ThriftCompactWriter.BOOL_TRUE || type == ThriftCompactWriter.BOOL_FALSE) {
            readByte();
        } else {
            skip(type, nesting);
        }
    }
}
