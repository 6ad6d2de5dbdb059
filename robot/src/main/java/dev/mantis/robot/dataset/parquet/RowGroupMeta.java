package dev.mantis.robot.dataset.parquet;

import java.util.ArrayList;
import java.util.List;

/** The footer's description of one row group (Thrift RowGroup): its column chunks and row count. */
record RowGroupMeta(List<ColumnChunkMeta> columns, long totalByteSize, long numRows, long fileOffset,
        long totalCompressedSize) {

    void write(ThriftCompactWriter w) {
        w.beginListStruct();
        w.beginList(1, ThriftCompactWriter.STRUCT, columns.size());
        for (ColumnChunkMeta c : columns) {
            c.write(w);
        }
        w.i64(2, totalByteSize);
        w.i64(3, numRows);
        w.i64(5, fileOffset);
        w.i64(6, totalCompressedSize);
        w.endStruct();
    }

    static RowGroupMeta read(ThriftCompactReader r) throws CorruptData {
        List<ColumnChunkMeta> columns = new ArrayList<>();
        long byteSize = -1;
        long rows = -1;
        r.beginStruct();
        for (int id; (id = r.nextField()) != 0; ) {
            switch (id) {
                case 1 -> {
                    int n = r.beginList();
                    for (int i = 0; i < n; i++) {
                        columns.add(ColumnChunkMeta.read(r));
                    }
                }
                case 2 -> byteSize = r.i64();
                case 3 -> rows = r.i64();
                default -> r.skipField();
            }
        }
        r.endStruct();
        if (rows < 0) {
            throw new CorruptData("row group without num_rows");
        }
        return new RowGroupMeta(List.copyOf(columns), byteSize, rows, -1, -1);
    }
}
