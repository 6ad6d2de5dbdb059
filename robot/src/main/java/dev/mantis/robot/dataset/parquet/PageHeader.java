package dev.mantis.robot.dataset.parquet;


/**
 * A page header (Thrift PageHeader with its DataPageHeader, DictionaryPageHeader or
 * DataPageHeaderV2 flattened in); {@code headerSize} is the encoded header's length in bytes.
 */
record PageHeader(int type, int uncompressedSize, int compressedSize, int numValues, int encoding,
        int defLevelEncoding, int repLevelEncoding, int numNulls, int numRows, int defLevelsLength,
        int repLevelsLength, boolean compressed, int headerSize) {

    static final int DATA_PAGE = 0;
    static final int INDEX_PAGE = 1;
    static final int DICTIONARY_PAGE = 2;
    static final int DATA_PAGE_V2 = 3;

    /** Writes a data page V1 header: PLAIN values, RLE levels. */
    static void writeDataPageV1(ThriftCompactWriter w, int uncompressedSize, int compressedSize, int numValues) {
        w.i32(1, DATA_PAGE);
        w.i32(2, uncompressedSize);
        w.i32(3, compressedSize);
        w.beginStruct(5);
        w.i32(1, numValues);
        w.i32(2, Encodings.PLAIN);
        w.i32(3, Encodings.RLE);
        w.i32(4, Encodings.RLE);
        w.endStruct();
        w.end();
    }

    static PageHeader read(ThriftCompactReader r) throws CorruptData {
        int start = r.position();
        int type = -1;
        int uncompressed = -1;
        int compressed = -1;
        int[] v = {-1, -1, -1, -1, 0, -1, 0, 0, 1};
        r.beginStruct();
        for (int id; (id = r.nextField()) != 0; ) {
            switch (id) {
                case 1 -> type = r.i32();
                case 2 -> uncompressed = r.i32();
                case 3 -> compressed = r.i32();
                case 5 -> readDataPageHeader(r, v);
                case 7 -> readDictionaryPageHeader(r, v);
                case 8 -> readDataPageHeaderV2(r, v);
                default -> r.skipField();
            }
        }
        r.endStruct();
        if (type < 0 || uncompressed < 0 || compressed < 0) {
            throw new CorruptData("page header lacks type or sizes");
        }
        if ((type == DATA_PAGE || type == DATA_PAGE_V2 || type == DICTIONARY_PAGE) && (v[0] < 0 || v[1] < 0)) {
            throw new CorruptData("page header of type " + type + " lacks its num_values or encoding");
        }
        return new PageHeader(type, uncompressed, compressed, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7],
                v[8] != 0, r.position() - start);
    }

    // v: numValues, encoding, defEnc, repEnc, numNulls, numRows, defLen, repLen, isCompressed

    private static void readDataPageHeader(ThriftCompactReader r, int[] v) throws CorruptData {
        r.beginStruct();
        for (int id; (id = r.nextField()) != 0; ) {
            switch (id) {
                case 1 -> v[0] = r.i32();
                case 2 -> v[1] = r.i32();
                case 3 -> v[2] = r.i32();
                case 4 -> v[3] = r.i32();
                default -> r.skipField();
            }
        }
        r.endStruct();
    }

    private static void readDictionaryPageHeader(ThriftCompactReader r, int[] v) throws CorruptData {
        r.beginStruct();
        for (int id; (id = r.nextField()) != 0; ) {
            switch (id) {
                case 1 -> v[0] = r.i32();
                case 2 -> v[1] = r.i32();
                default -> r.skipField();
            }
        }
        r.endStruct();
    }

    private static void readDataPageHeaderV2(ThriftCompactReader r, int[] v) throws CorruptData {
        r.beginStruct();
        for (int id; (id = r.nextField()) != 0; ) {
            switch (id) {
                case 1 -> v[0] = r.i32();
                case 2 -> v[4] = r.i32();
                case 3 -> v[5] = r.i32();
                case 4 -> v[1] = r.i32();
                case 5 -> v[6] = r.i32();
                case 6 -> v[7] = r.i32();
                case 7 -> v[8] = r.bool() ? 1 : 0;
                default -> r.skipField();
            }
        }
        r.endStruct();
    }
}
