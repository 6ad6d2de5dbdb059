package dev.mantis.robot.dataset;

import dev.mantis.robot.dataset.parquet.ColumnValues;
import dev.mantis.robot.dataset.parquet.ParquetColumn;
import dev.mantis.robot.dataset.parquet.ParquetCompression;
import dev.mantis.robot.dataset.parquet.ParquetEncoder;
import dev.mantis.robot.dataset.parquet.ParquetFiles;
import dev.mantis.robot.dataset.parquet.ParquetReader;
import dev.mantis.robot.dataset.parquet.ParquetSchema;
import dev.mantis.robot.dataset.parquet.ParquetType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code meta/tasks.parquet}: the task strings and their task_index, laid out as pandas writes a
 * DataFrame indexed by task (column {@code task_index}, the index as {@code __index_level_0__},
 * and the "pandas" metadata that makes {@code pd.read_parquet} restore the index).
 */
final class TasksTable {

    private static final String INDEX = "__index_level_0__";
    private static final ParquetSchema SCHEMA = new ParquetSchema(List.of(
            new ParquetColumn("task_index", ParquetType.INT64, false),
            new ParquetColumn(INDEX, ParquetType.STRING, false)));
    private static final String PANDAS = "{\"index_columns\": [\"" + INDEX + "\"], \"column_indexes\": [{\"name\": "
            + "null, \"field_name\": null, \"pandas_type\": \"unicode\", \"numpy_type\": \"object\", \"metadata\": "
            + "{\"encoding\": \"UTF-8\"}}], \"columns\": [{\"name\": \"task_index\", \"field_name\": \"task_index\", "
            + "\"pandas_type\": \"int64\", \"numpy_type\": \"int64\", \"metadata\": null}, {\"name\": null, "
            + "\"field_name\": \"" + INDEX + "\", \"pandas_type\": \"unicode\", \"numpy_type\": \"object\", "
            + "\"metadata\": null}], \"creator\": {\"library\": \"mantis\", \"version\": \"0.1\"}, "
            + "\"pandas_version\": \"2.2.3\"}";

    private TasksTable() {
    }

    /** Writes the tasks as a Parquet file to {@code out}, task_index = position in the list. */
    static void write(java.io.OutputStream out, List<String> tasks) throws IOException {
        long[] index = new long[tasks.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        var blob = new ParquetEncoder(SCHEMA, ParquetCompression.SNAPPY).encode(List.of(ColumnValues.ofLongs(index),
                ColumnValues.ofStrings(tasks.toArray(String[]::new))));
        ParquetFiles.write(out, SCHEMA, List.of(blob), Map.of("pandas", PANDAS));
    }

    /**
     * Reads the tasks, ordered by task_index: the string column is {@code task} or the pandas
     * index column.
     *
     * @throws DatasetException if the file lacks either column or the indices are not 0..n-1
     */
    static List<String> read(Path file) throws IOException {
        try (ParquetReader r = ParquetReader.open(file)) {
            ParquetSchema s = r.schema();
            String textColumn = s.indexOf("task") >= 0 ? "task" : s.indexOf(INDEX) >= 0 ? INDEX : null;
            if (textColumn == null || s.indexOf("task_index") < 0) {
                throw new DatasetException(file + ": needs a 'task_index' column and the task strings (as 'task' or "
                        + "the pandas index)");
            }
            String[] text = r.read(textColumn).strings();
            ColumnValues idx = r.read("task_index");
            String[] ordered = new String[text.length];
            for (int i = 0; i < text.length; i++) {
                long k = Columns.longAt(idx, i);
                if (k < 0 || k >= text.length || ordered[(int) k] != null) {
                    throw new DatasetException(file + ": task_index values must be 0.." + (text.length - 1)
                            + ", each once; found " + k);
                }
                ordered[(int) k] = text[i];
            }
            return new ArrayList<>(List.of(ordered));
        }
    }
}
