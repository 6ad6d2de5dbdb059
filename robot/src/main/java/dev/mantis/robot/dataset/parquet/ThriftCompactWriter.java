package dev.mantis.robot.dataset.parquet;

import java.nio.charset.StandardCharsets;

/** Writes Thrift compact-protocol structs (the encoding of Parquet page headers and the footer). */
final class ThriftCompactWriter {

    static final int BOOL_TRUE = 1;
    static final int BOOL_FALSE = 2;
    static final int I8 = 3;
    static final int I16 = 4;
    static final int I32 = 5;
    static final int I64 = 6;
    static final int DOUBLE = 7;
    static final int BINARY = 8;
    static final int LIST = 9;
    static final int SET = 10;
    static final int MAP = 11;
    static final int STRUCT = 12;

    private final ByteSink out;
    private final int[] lastIdStack = new int[32];
    private int depth;
    private int lastId;

    ThriftCompactWriter(ByteSink out) {
        this.out = out;
    }

    private void fieldHeader(int id, int type) {
        int delta = id - lastId;
        if (delta > 0 && delta <= 15) {
            out.writeByte((delta << 4) | type);
        } else {
            out.writeByte(type);
            out.writeVarint(zigzag(id));
        }
        lastId = id;
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    void i32(int id, int v) {
        fieldHeader(id, I32);
        out.writeVarint(zigzag(v));
    }

    void i64(int id, long v) {
        fieldHeader(id, I64);
        out.writeVarint(zigzag(v));
    }

    void bool(int id, boolean v) {
        fieldHeader(id, v ? BOOL_TRUE : BOOL_FALSE);
    }

    void binary(int id, byte[] v) {
        fieldHeader(id, BINARY);
        out.writeVarint(v.length);
        out.writeBytes(v, 0, v.length);
    }

    void string(int id, String v) {
        binary(id, v.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts a struct-valued field; close it with {@link #endStruct()}. */
    void beginStruct(int id) {
        fieldHeader(id, STRUCT);
        enter();
    }

    /** Starts a struct that is a list element; close it with {@link #endStruct()}. */
    void beginListStruct() {
        enter();
    }

    private void enter() {
        lastIdStack[depth++] = lastId;
        lastId = 0;
    }

    /** Writes the stop byte of the current struct. */
    void endStruct() {
        out.writeByte(0);
        lastId = lastIdStack[--depth];
    }

    /** Writes the stop byte of the top-level struct; the writer can then start another one. */
    void end() {
        out.writeByte(0);
        lastId = 0;
    }

    /** Starts a list field of {@code size} elements of {@code elemType}; then write the elements. */
    void beginList(int id, int elemType, int size) {
        fieldHeader(id, LIST);
        if (size < 15) {
            out.writeByte((size << 4) | elemType);
        } else {
            out.writeByte(0xF0 | elemType);
            out.writeVarint(size);
        }
    }

    /** An i32 list element. */
    void i32Element(int v) {
        out.writeVarint(zigzag(v) & 0xFFFFFFFFL);
    }

    /** A string list element. */
    void stringElement(String v) {
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        out.writeVarint(b.length);
        out.writeBytes(b, 0, b.length);
    }
}
