package dev.mantis.robot.dataset.parquet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Parquet footer (Thrift FileMetaData): the flattened schema, row count, row groups, key-value
 * metadata and the writer's name. A missing key-value value reads as "".
 */
record FileMetaData(int version, List<SchemaElement> schema, long numRows, List<RowGroupMeta> rowGroups,
        Map<String, String> keyValueMetadata, String createdBy) {

    /** Writes the footer; {@code leafColumns} TYPE_ORDER column orders are declared for the statistics. */
    void write(ThriftCompactWriter w, int leafColumns) {
        w.i32(1, version);
        w.beginList(2, ThriftCompactWriter.STRUCT, schema.size());
        for (SchemaElement e : schema) {
            e.write(w);
        }
        w.i64(3, numRows);
        w.beginList(4, ThriftCompactWriter.STRUCT, rowGroups.size());
        for (RowGroupMeta g : rowGroups) {
            g.write(w);
        }
        if (!keyValueMetadata.isEmpty()) {
            w.beginList(5, ThriftCompactWriter.STRUCT, keyValueMetadata.size());
            for (Map.Entry<String, String> kv : keyValueMetadata.entrySet()) {
                w.beginListStruct();
                w.string(1, kv.getKey());
                w.string(2, kv.getValue());
                w.endStruct();
            }
        }
        w.string(6, createdBy);
        w.beginList(7, ThriftCompactWriter.STRUCT, leafColumns);
        for (int i = 0; i < leafColumns; i++) {
            w.beginListStruct();
            w.beginStruct(1); // TYPE_ORDER
            w.endStruct();
            w.endStruct();
        }
        w.end();
    }

    static FileMetaData read(ThriftCompactReader r) throws CorruptData {
        int version = -1;
        List<SchemaElement> schema = new ArrayList<>();
        long numRows = -1;
        List<RowGroupMeta> rowGroups = new ArrayList<>();
        Map<String, String> kv = new LinkedHashMap<>();
        String createdBy = "";
        r.beginStruct();
        for (int id; (id = r.nextField()) != 0; ) {
            switch (id) {
                case 1 -> version = r.i32();
                case 2 -> {
                    int n = r.beginList();
                    for (int i = 0; i < n; i++) {
                        schema.add(SchemaElement.read(r));
                    }
                }
                case 3 -> numRows = r.i64();
                case 4 -> {
                    int n = r.beginList();
                    for (int i = 0; i < n; i++) {
                        rowGroups.add(RowGroupMeta.read(r));
                    }
                }
                case 5 -> {
                    int n = r.beginList();
                    for (int i = 0; i < n; i++) {
                        readKeyValue(r, kv);
                    }
                }
                case 6 -> createdBy = r.string();
                case 8 -> throw new CorruptData("encrypted file");
                default -> r.skipField();
            }
        }
        r.endStruct();
        if (schema.isEmpty() || numRows < 0) {
            throw new CorruptData("footer without schema or num_rows");
        }
        return new FileMetaData(version, List.copyOf(schema), numRows, List.copyOf(rowGroups),
                Collections.unmodifiableMap(kv), createdBy);
    }

    private static void readKeyValue(ThriftCompactReader r, Map<String, String> kv) throws CorruptData {
        String key = null;
        String value = "";
        r.beginStruct();
        for (int id; (id = r.nextField()) != 0; ) {
            if (id == 1) {
                key = r.string();
            } else if (id == 2) {
                value = r.string();
            } else {
                r.skipField();
            }
        }
        r.endStruct();
        if (key == null) {
            throw new CorruptData("key-value metadata entry without a key");
        }
        kv.put(key, value);
    }
}
