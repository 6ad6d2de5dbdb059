package dev.mantis.robot.dataset.parquet;

/**
 * Decodes the pages of one column chunk (dictionary page, data pages V1 and V2, any supported codec
 * and encoding) into a {@link ValueBuffer}, turning levels into list offsets and refusing nulls. Keeps
 * scratch buffers between chunks; not thread-safe.
 */
final class ColumnChunkDecoder {

    private final String file;
    private final ColumnLayout layout;
    private final ValueDecoder values = new ValueDecoder();
    private byte[] pageBuffer = new byte[1024];
    private int[] rep = new int[256];
    private int[] def = new int[256];
    /** The body of the page being decoded starts at {@code body[bodyOffset]}. */
    private byte[] body;
    private int bodyOffset;
    /** Rows of the current chunk seen so far. */
    private long chunkRows;
    /** The file-wide index of the current row group's first row. */
    private long firstRow;

    ColumnChunkDecoder(String file, ColumnLayout layout) {
        this.file = file;
        this.layout = layout;
    }

    /** A null value at a file-wide row. */
    private static final class NullValue extends Exception {
        final long row;

        NullValue(long row) {
            super(null, null, false, false);
            this.row = row;
        }
    }

    /**
     * Appends the rows of the chunk in {@code chunk[0, length)} to {@code out}. {@code firstRow} is
     * the file-wide index of the row group's first row, {@code rows} its row count.
     */
    void decode(byte[] chunk, int length, ColumnChunkMeta meta, long firstRow, long rows, int rowGroup,
            ValueBuffer out) throws ParquetException {
        this.firstRow = firstRow;
        chunkRows = 0;
        try {
            decodePages(chunk, length, meta, out);
        } catch (CorruptData e) {
            throw new ParquetException(file, "column " + layout.name() + ", row group " + rowGroup + ": "
                    + e.getMessage());
        } catch (NullValue e) {
            throw new ParquetException(file, "column " + layout.name() + " row " + e.row
                    + " is null; Mantis needs every value");
        }
        if (chunkRows != rows) {
            throw new ParquetException(file, "column " + layout.name() + ", row group " + rowGroup + ": holds "
                    + chunkRows + " rows, the row group " + rows);
        }
    }

    private void decodePages(byte[] chunk, int length, ColumnChunkMeta meta, ValueBuffer out)
            throws CorruptData, NullValue {
        values.setDictionary(null);
        int codec = meta.codec();
        long entries = 0;
        int pos = 0;
        while (entries < meta.numValues()) {
            if (pos >= length) {
                throw new CorruptData("column chunk ends after " + entries + " of its " + meta.numValues()
                        + " values");
            }
            PageHeader h = PageHeader.read(new ThriftCompactReader(chunk, pos, length - pos));
            pos += h.headerSize();
            if (h.compressedSize() > length - pos) {
                throw new CorruptData("page of " + h.compressedSize() + " bytes runs past the column chunk");
            }
            if (meta.totalUncompressedSize() >= 0 && h.uncompressedSize() > meta.totalUncompressedSize()) {
                throw new CorruptData("page of " + h.uncompressedSize() + " bytes is larger than its column chunk ("
                        + meta.totalUncompressedSize() + ")");
            }
            if (h.type() != PageHeader.DICTIONARY_PAGE && h.numValues() > meta.numValues() - entries) {
                throw new CorruptData("page of " + h.numValues() + " values overflows the column chunk's "
                        + meta.numValues());
            }
            int start = pos;
            pos += h.compressedSize();
            switch (h.type()) {
                case PageHeader.DICTIONARY_PAGE -> {
                    if (h.encoding() != Encodings.PLAIN && h.encoding() != Encodings.PLAIN_DICTIONARY) {
                        throw new CorruptData("dictionary page encoded " + Encodings.encodingName(h.encoding()));
                    }
                    if (h.numValues() > 8L * h.uncompressedSize() + 8) {
                        throw new CorruptData("dictionary page of " + h.uncompressedSize() + " bytes declares "
                                + h.numValues() + " values");
                    }
                    inflate(codec, chunk, start, h.compressedSize(), h.uncompressedSize());
                    ValueBuffer dictionary = new ValueBuffer(out.type, false, h.numValues());
                    PlainValues.decode(body, bodyOffset, bodyOffset + h.uncompressedSize(), h.numValues(), dictionary);
                    values.setDictionary(dictionary);
                }
                case PageHeader.DATA_PAGE -> {
                    inflate(codec, chunk, start, h.compressedSize(), h.uncompressedSize());
                    int n = h.numValues();
                    int p = bodyOffset;
                    int end = bodyOffset + h.uncompressedSize();
                    if (layout.maxRep() > 0) {
                        p = levelsV1(h.repLevelEncoding(), body, p, end, layout.maxRep(), rep = grow(rep, n), n);
                    }
                    if (layout.maxDef() > 0) {
                        p = levelsV1(h.defLevelEncoding(), body, p, end, layout.maxDef(), def = grow(def, n), n);
                    }
                    values.decode(h.encoding(), body, p, end, applyLevels(n, out), out);
                    entries += n;
                }
                case PageHeader.DATA_PAGE_V2 -> {
                    int n = h.numValues();
                    int repLength = h.repLevelsLength();
                    int defLength = h.defLevelsLength();
                    if (repLength < 0 || defLength < 0 || (long) repLength + defLength > h.compressedSize()
                            || (long) repLength + defLength > h.uncompressedSize()) {
                        throw new CorruptData("data page V2 level lengths do not fit the page");
                    }
                    if (layout.maxRep() > 0) {
                        RleBitPackedHybrid.decode(chunk, start, start + repLength,
                                RleBitPackedHybrid.bitWidth(layout.maxRep()), rep = grow(rep, n), n);
                    }
                    if (layout.maxDef() > 0) {
                        RleBitPackedHybrid.decode(chunk, start + repLength, start + repLength + defLength,
                                RleBitPackedHybrid.bitWidth(layout.maxDef()), def = grow(def, n), n);
                    }
                    int valuesStart = start + repLength + defLength;
                    int valuesLength = h.uncompressedSize() - repLength - defLength;
                    inflate(h.compressed() ? codec : PageCodec.UNCOMPRESSED, chunk, valuesStart,
                            h.compressedSize() - repLength - defLength, valuesLength);
                    values.decode(h.encoding(), body, bodyOffset, bodyOffset + valuesLength, applyLevels(n, out),
                            out);
                    entries += n;
                }
                default -> {
                    // index pages and unknown page types carry no values
                }
            }
        }
    }

    private static int[] grow(int[] a, int n) {
        return a.length >= n ? a : new int[Math.max(n, a.length * 2)];
    }

    /** Points {@link #body} at the uncompressed page, decompressing into the scratch buffer if needed. */
    private void inflate(int codec, byte[] chunk, int start, int compressedLength, int uncompressedLength)
            throws CorruptData {
        if (uncompressedLength < 0) {
            throw new CorruptData("negative page size");
        }
        if (codec == PageCodec.UNCOMPRESSED) {
            if (compressedLength != uncompressedLength) {
                throw new CorruptData("uncompressed page of " + compressedLength + " bytes declares "
                        + uncompressedLength);
            }
            body = chunk;
            bodyOffset = start;
            return;
        }
        if (pageBuffer.length < uncompressedLength) {
            pageBuffer = new byte[Math.max(uncompressedLength, Math.min(Integer.MAX_VALUE - 8, pageBuffer.length * 2))];
        }
        PageCodec.decompress(codec, chunk, start, compressedLength, pageBuffer, uncompressedLength);
        body = pageBuffer;
        bodyOffset = 0;
    }

    /** Reads V1 levels (RLE with a length prefix, or the old BIT_PACKED); returns the position after them. */
    private static int levelsV1(int encoding, byte[] buf, int p, int end, int max, int[] out, int n)
            throws CorruptData {
        int width = RleBitPackedHybrid.bitWidth(max);
        if (encoding == Encodings.RLE) {
            PlainValues.need(p, 4, end);
            int len = (int) ByteSink.INT.get(buf, p);
            if (len < 0 || len > end - p - 4) {
                throw new CorruptData("levels of " + len + " bytes run past the page");
            }
            RleBitPackedHybrid.decode(buf, p + 4, p + 4 + len, width, out, n);
            return p + 4 + len;
        }
        if (encoding == Encodings.BIT_PACKED) {
            return RleBitPackedHybrid.decodeLegacyBitPacked(buf, p, end, width, out, n);
        }
        throw new CorruptData("levels encoded " + Encodings.encodingName(encoding));
    }

    /**
     * Walks the {@code n} levels of a page: starts list rows, checks for nulls; returns how many values
     * the page's values section holds.
     */
    private int applyLevels(int n, ValueBuffer out) throws CorruptData, NullValue {
        int maxDef = layout.maxDef();
        if (layout.maxRep() == 0) {
            if (maxDef > 0) {
                for (int i = 0; i < n; i++) {
                    if (def[i] < maxDef) {
                        throw new NullValue(firstRow + chunkRows + i);
                    } else if (def[i] > maxDef) {
                        throw new CorruptData("definition level " + def[i] + " above " + maxDef);
                    }
                }
            }
            chunkRows += n;
            return n;
        }
        int emptyList = layout.emptyListDef();
        int count = 0;
        for (int i = 0; i < n; i++) {
            int r = rep[i];
            if (r == 0) {
                out.startRow(out.size + count); // the page's values are added after its levels
                chunkRows++;
            } else if (chunkRows == 0 || r > layout.maxRep()) {
                throw new CorruptData("repetition level " + r + " where a row must start");
            }
            int d = maxDef > 0 ? def[i] : 0;
            if (d == maxDef) {
                count++;
            } else if (d > maxDef) {
                throw new CorruptData("definition level " + d + " above " + maxDef);
            } else if (d != emptyList || r != 0) {
                throw new NullValue(firstRow + chunkRows - 1);
            }
        }
        return count;
    }
}
