package dev.mantis.robot.dataset.parquet;

/**
 * Decodes the values section of data pages in any encoding the reader supports: PLAIN,
 * PLAIN_DICTIONARY / RLE_DICTIONARY (against the chunk's dictionary), RLE booleans,
 * DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT. Keeps scratch
 * buffers between pages; not thread-safe.
 */
final class ValueDecoder {

    private int[] indices = new int[256];
    private long[] deltas = new long[256];
    private long[] deltas2 = new long[256];
    private byte[] previous = new byte[64];
    private ValueBuffer dictionary;
    /** Where the last {@link #deltaValues} run ended. */
    private int deltaEnd;

    /** Uses {@code dictionary} for the dictionary-encoded pages that follow (null: none yet). */
    void setDictionary(ValueBuffer dictionary) {
        this.dictionary = dictionary;
    }

    /** Appends the {@code n} values in {@code buf[pos, end)}, encoded with {@code encoding}, to {@code out}. */
    void decode(int encoding, byte[] buf, int pos, int end, int n, ValueBuffer out) throws CorruptData {
        ParquetType type = out.type;
        switch (encoding) {
            case Encodings.PLAIN -> PlainValues.decode(buf, pos, end, n, out);
            case Encodings.PLAIN_DICTIONARY, Encodings.RLE_DICTIONARY -> decodeDictionary(buf, pos, end, n, out);
            case Encodings.RLE -> {
                require(type == ParquetType.BOOLEAN, encoding, type);
                PlainValues.need(pos, 4, end);
                int len = (int) ByteSink.INT.get(buf, pos);
                PlainValues.need(pos + 4, len, end);
                int[] idx = indices(n);
                RleBitPackedHybrid.decode(buf, pos + 4, pos + 4 + len, 1, idx, n);
                out.ensure(n);
                for (int i = 0; i < n; i++) {
                    out.booleans[out.size + i] = idx[i] != 0;
                }
                out.size += n;
            }
            case Encodings.DELTA_BINARY_PACKED -> {
                require(type == ParquetType.INT32 || type == ParquetType.INT64, encoding, type);
                long[] v = deltaValues(buf, pos, end, n, true);
                out.ensure(n);
                for (int i = 0; i < n; i++) {
                    if (type == ParquetType.INT32) {
                        out.ints[out.size + i] = (int) v[i];
                    } else {
                        out.longs[out.size + i] = v[i];
                    }
                }
                out.size += n;
            }
            case Encodings.DELTA_LENGTH_BYTE_ARRAY -> {
                require(type == ParquetType.STRING, encoding, type);
                deltaLengthStrings(buf, pos, end, n, out);
            }
            case Encodings.DELTA_BYTE_ARRAY -> {
                require(type == ParquetType.STRING, encoding, type);
                deltaStrings(buf, pos, end, n, out);
            }
            case Encodings.BYTE_STREAM_SPLIT -> {
                require(type != ParquetType.BOOLEAN && type != ParquetType.STRING, encoding, type);
                byteStreamSplit(buf, pos, end, n, out);
            }
            default -> throw new CorruptData("uses encoding " + Encodings.encodingName(encoding)
                    + ", which Mantis cannot read");
        }
    }

    private static void require(boolean ok, int encoding, ParquetType type) throws CorruptData {
        if (!ok) {
            throw new CorruptData("encoding " + Encodings.encodingName(encoding) + " is not valid for " + type);
        }
    }

    private int[] indices(int n) {
        if (indices.length < n) {
            indices = new int[Math.max(n, indices.length * 2)];
        }
        return indices;
    }

    private void decodeDictionary(byte[] buf, int pos, int end, int n, ValueBuffer out) throws CorruptData {
        if (dictionary == null) {
            throw new CorruptData("dictionary-encoded page without a dictionary page");
        }
        if (n == 0) {
            return;
        }
        PlainValues.need(pos, 1, end);
        int width = buf[pos] & 0xFF;
        int[] idx = indices(n);
        RleBitPackedHybrid.decode(buf, pos + 1, end, width, idx, n);
        int size = dictionary.size;
        for (int i = 0; i < n; i++) {
            if (idx[i] < 0 || idx[i] >= size) {
                throw new CorruptData("dictionary index " + idx[i] + " outside the dictionary of " + size);
            }
        }
        out.addFromDictionary(dictionary, idx, n);
    }

    /** Decodes a DELTA_BINARY_PACKED run of at least n values into a scratch array; sets {@link #deltaEnd}. */
    private long[] deltaValues(byte[] buf, int pos, int end, int n, boolean first) throws CorruptData {
        int count = DeltaBinaryPacked.count(buf, pos, end);
        if (count < n) {
            throw new CorruptData("DELTA_BINARY_PACKED holds " + count + " values, the page " + n);
        }
        long[] v = first ? deltas : deltas2;
        if (v.length < count) {
            v = new long[Math.max(count, v.length * 2)];
            if (first) {
                deltas = v;
            } else {
                deltas2 = v;
            }
        }
        deltaEnd = DeltaBinaryPacked.decode(buf, pos, end, v);
        return v;
    }

    private void deltaLengthStrings(byte[] buf, int pos, int end, int n, ValueBuffer out) throws CorruptData {
        long[] lengths = deltaValues(buf, pos, end, n, true);
        int p = deltaEnd;
        out.ensure(n);
        for (int i = 0; i < n; i++) {
            int len = (int) lengths[i];
            if (len < 0) {
                throw new CorruptData("negative byte array length " + len);
            }
            PlainValues.need(p, len, end);
            if (!out.addString(buf, p, len)) {
                throw new CorruptData(PlainValues.notUtf8(out.size));
            }
            p += len;
        }
    }

    private void deltaStrings(byte[] buf, int pos, int end, int n, ValueBuffer out) throws CorruptData {
        long[] prefixes = deltaValues(buf, pos, end, n, false);
        long[] suffixes = deltaValues(buf, deltaEnd, end, n, true);
        int p = deltaEnd;
        int prevLength = 0;
        out.ensure(n);
        for (int i = 0; i < n; i++) {
            long prefix = prefixes[i];
            long suffix = suffixes[i];
            if (prefix < 0 || prefix > prevLength || suffix < 0) {
                throw new CorruptData("bad DELTA_BYTE_ARRAY prefix " + prefix + " / suffix " + suffix);
            }
            PlainValues.need(p, suffix, end);
            int len = (int) (prefix + suffix);
            if (previous.length < len) {
                previous = java.util.Arrays.copyOf(previous, Math.max(len, previous.length * 2));
            }
            System.arraycopy(buf, p, previous, (int) prefix, (int) suffix);
            p += (int) suffix;
            if (!out.addString(previous, 0, len)) {
                throw new CorruptData(PlainValues.notUtf8(out.size));
            }
            prevLength = len;
        }
    }

    private static void byteStreamSplit(byte[] buf, int pos, int end, int n, ValueBuffer out) throws CorruptData {
        ParquetType type = out.type;
        int width = type == ParquetType.INT64 || type == ParquetType.DOUBLE ? 8 : 4;
        PlainValues.need(pos, (long) n * width, end);
        out.ensure(n);
        int s = out.size;
        for (int i = 0; i < n; i++) {
            long v = 0;
            for (int k = 0; k < width; k++) {
                v |= (long) (buf[pos + k * n + i] & 0xFF) << (8 * k);
            }
            switch (type) {
                case INT32 -> out.ints[s + i] = (int) v;
                case INT64 -> out.longs[s + i] = v;
                case FLOAT -> out.floats[s + i] = Float.intBitsToFloat((int) v);
                default -> out.doubles[s + i] = Double.longBitsToDouble(v);
            }
        }
        out.size = s + n;
    }
}
