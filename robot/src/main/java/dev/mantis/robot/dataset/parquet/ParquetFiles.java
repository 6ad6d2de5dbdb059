package dev.mantis.robot.dataset.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes complete Parquet files from encoded row groups. */
public final class ParquetFiles {

    static final String CREATED_BY = "mantis";
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private ParquetFiles() {
    }

    /**
     * Writes "PAR1", the row groups in order, the footer (schema, row count, row groups with absolute
     * offsets, {@code keyValueMetadata} in its iteration order, created_by "mantis"), the footer's
     * length and "PAR1". Every row group must have been encoded for {@code schema}.
     */
    public static void write(OutputStream out, ParquetSchema schema, List<RowGroupBlob> rowGroups,
            Map<String, String> keyValueMetadata) throws IOException {
        List<SchemaElement> elements = schemaElements(schema);
        List<RowGroupMeta> groups = new ArrayList<>(rowGroups.size());
        long offset = MAGIC.length;
        long rows = 0;
        for (int i = 0; i < rowGroups.size(); i++) {
            RowGroupBlob blob = rowGroups.get(i);
            if (!blob.schema().equals(schema)) {
                throw new IllegalArgumentException("row group " + i + " was encoded for another schema ("
                        + blob.schema().columns() + ", not " + schema.columns() + ")");
            }
            groups.add(blob.metaAt(offset));
            offset += blob.byteSize();
            rows += blob.rowCount();
        }
        for (Map.Entry<String, String> kv : keyValueMetadata.entrySet()) {
            if (kv.getKey() == null || kv.getValue() == null) {
                throw new IllegalArgumentException("key-value metadata with a null key or value: " + kv);
            }
        }
        ByteSink footer = new ByteSink(1024);
        new FileMetaData(1, elements, rows, groups, keyValueMetadata, CREATED_BY)
                .write(new ThriftCompactWriter(footer), schema.columns().size());
        out.write(MAGIC);
        for (RowGroupBlob blob : rowGroups) {
            out.write(blob.bytes());
        }
        footer.writeIntLE(footer.size());
        footer.writeBytes(MAGIC, 0, MAGIC.length);
        out.write(footer.array(), 0, footer.size());
        out.flush();
    }

    /**
     * Like {@link #write}, into a temporary file next to {@code file} (named "." + its name + a random
     * part + ".tmp"), forced to disk, then atomically renamed onto {@code file}, replacing it: a crash
     * leaves the old file or the new one, never a torn one. The temporary file is removed on failure.
     */
    public static void writeAtomically(Path file, ParquetSchema schema, List<RowGroupBlob> rowGroups,
            Map<String, String> keyValueMetadata) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                write(out, schema, rowGroups, keyValueMetadata);
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true); // makes the rename itself durable
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a directory; the file's contents are already on disk
        }
    }

    /** The flattened Thrift schema: a root group, then per column a leaf or a 3-level LIST. */
    static List<SchemaElement> schemaElements(ParquetSchema schema) {
        List<SchemaElement> elements = new ArrayList<>();
        elements.add(SchemaElement.group("schema", SchemaElement.REQUIRED, schema.columns().size(), -1, -1));
        for (ParquetColumn c : schema.columns()) {
            int type = Encodings.physical(c.type());
            int converted = c.type() == ParquetType.STRING ? SchemaElement.CONVERTED_UTF8 : -1;
            int logical = c.type() == ParquetType.STRING ? SchemaElement.LOGICAL_STRING : -1;
            if (c.list()) {
                elements.add(SchemaElement.group(c.name(), SchemaElement.REQUIRED, 1, SchemaElement.CONVERTED_LIST,
                        SchemaElement.LOGICAL_LIST));
                elements.add(SchemaElement.group("list", SchemaElement.REPEATED, 1, -1, -1));
                elements.add(SchemaElement.leaf("element", SchemaElement.REQUIRED, type, converted, logical));
            } else {
                elements.add(SchemaElement.leaf(c.name(), SchemaElement.REQUIRED, type, converted, logical));
            }
        }
        return elements;
    }
}
