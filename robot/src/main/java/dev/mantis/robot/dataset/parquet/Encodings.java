package dev.mantis.robot.dataset.parquet;

/** The Thrift Encoding and Type numbers this codec uses, and their names for error messages. */
final class Encodings {

    static final int PLAIN = 0;
    static final int PLAIN_DICTIONARY = 2;
    static final int RLE = 3;
    static final int BIT_PACKED = 4;
    static final int DELTA_BINARY_PACKED = 5;
    static final int DELTA_LENGTH_BYTE_ARRAY = 6;
    static final int DELTA_BYTE_ARRAY = 7;
    static final int RLE_DICTIONARY = 8;
    static final int BYTE_STREAM_SPLIT = 9;

    static final int TYPE_BOOLEAN = 0;
    static final int TYPE_INT32 = 1;
    static final int TYPE_INT64 = 2;
    static final int TYPE_INT96 = 3;
    static final int TYPE_FLOAT = 4;
    static final int TYPE_DOUBLE = 5;
    static final int TYPE_BYTE_ARRAY = 6;
    static final int TYPE_FIXED_LEN_BYTE_ARRAY = 7;

    private static final String[] ENCODING_NAMES = {"PLAIN", "GROUP_VAR_INT", "PLAIN_DICTIONARY", "RLE",
        "BIT_PACKED", "DELTA_BINARY_PACKED", "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY", "RLE_DICTIONARY",
        "BYTE_STREAM_SPLIT"};
    private static final String[] TYPE_NAMES = {"BOOLEAN", "INT32", "INT64", "INT96", "FLOAT", "DOUBLE",
        "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"};
    private static final String[] CODEC_NAMES = {"UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD",
        "LZ4_RAW"};

    private Encodings() {
    }

    static String encodingName(int e) {
        return e >= 0 && e < ENCODING_NAMES.length ? ENCODING_NAMES[e] : "encoding #" + e;
    }

    static String typeName(int t) {
        return t >= 0 && t < TYPE_NAMES.length ? TYPE_NAMES[t] : "type #" + t;
    }

    static String codecName(int c) {
        return c >= 0 && c < CODEC_NAMES.length ? CODEC_NAMES[c] : "codec #" + c;
    }

    /** The physical type that stores {@code t}. */
    static int physical(ParquetType t) {
        return switch (t) {
            case BOOLEAN -> TYPE_BOOLEAN;
            case INT32 -> TYPE_INT32;
            case INT64 -> TYPE_INT64;
            case FLOAT -> TYPE_FLOAT;
            case DOUBLE -> TYPE_DOUBLE;
            case STRING -> TYPE_BYTE_ARRAY;
        };
    }
}
