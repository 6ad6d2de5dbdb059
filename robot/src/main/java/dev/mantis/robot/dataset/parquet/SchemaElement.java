package dev.mantis.robot.dataset.parquet;


/**
 * One node of the flattened Parquet schema (Thrift SchemaElement): a group when {@code numChildren}
 * is set, else a primitive leaf. Absent optional fields are -1.
 */
record SchemaElement(int type, int typeLength, int repetition, String name, int numChildren, int convertedType,
        int logicalType, int intBitWidth, boolean intSigned) {

    static final int REQUIRED = 0;
    static final int OPTIONAL = 1;
    static final int REPEATED = 2;

    static final int CONVERTED_UTF8 = 0;
    static final int CONVERTED_LIST = 3;

    static final int LOGICAL_STRING = 1;
    static final int LOGICAL_LIST = 3;
    static final int LOGICAL_INTEGER = 10;

    /** A group node of {@code numChildren} children. */
    static SchemaElement group(String name, int repetition, int numChildren, int convertedType, int logicalType) {
        return new SchemaElement(-1, -1, repetition, name, numChildren, convertedType, logicalType, -1, false);
    }

    /** A primitive leaf. */
    static SchemaElement leaf(String name, int repetition, int type, int convertedType, int logicalType) {
        return new SchemaElement(type, -1, repetition, name, -1, convertedType, logicalType, -1, false);
    }

    boolean isGroup() {
        return numChildren >= 0;
    }

    void write(ThriftCompactWriter w) {
        w.beginListStruct();
        if (type >= 0) {
            w.i32(1, type);
        }
        if (repetition >= 0) {
            w.i32(3, repetition);
        }
        w.string(4, name);
        if (numChildren >= 0) {
            w.i32(5, numChildren);
        }
        if (convertedType >= 0) {
            w.i32(6, convertedType);
        }
        if (logicalType >= 0) {
            w.beginStruct(10);
            w.beginStruct(logicalType); // STRING and LIST are empty structs
            w.endStruct();
            w.endStruct();
        }
        w.endStruct();
    }

    static SchemaElement read(ThriftCompactReader r) throws CorruptData {
        int type = -1;
        int typeLength = -1;
        int repetition = -1;
        String name = null;
        int numChildren = -1;
        int converted = -1;
        int logical = -1;
        int bitWidth = -1;
        boolean signed = false;
        r.beginStruct();
        for (int id; (id = r.nextField()) != 0; ) {
            switch (id) {
                case 1 -> type = r.i32();
                case 2 -> typeLength = r.i32();
                case 3 -> repetition = r.i32();
                case 4 -> name = r.string();
                case 5 -> numChildren = r.i32();
                case 6 -> converted = r.i32();
                case 10 -> {
                    r.beginStruct();
                    for (int lid; (lid = r.nextField()) != 0; ) {
                        logical = lid;
                        if (lid == LOGICAL_INTEGER && r.fieldType() == ThriftCompactWriter.STRUCT) {
                            r.beginStruct();
                            for (int iid; (iid = r.nextField()) != 0; ) {
                                if (iid == 1) {
                                    bitWidth = r.i8();
                                } else if (iid == 2) {
                                    signed = r.bool();
                                } else {
                                    r.skipField();
                                }
                            }
                            r.endStruct();
                        } else {
                            r.skipField();
                        }
                    }
                    r.endStruct();
                }
                default -> r.skipField();
            }
        }
        r.endStruct();
        if (name == null) {
            throw new CorruptData("schema element without a name");
        }
        return new SchemaElement(type, typeLength, repetition, name, numChildren, converted, logical, bitWidth, signed);
    }
}
