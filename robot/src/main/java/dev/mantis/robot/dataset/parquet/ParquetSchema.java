package dev.mantis.robot.dataset.parquet;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The flat schema of a file: its top-level columns in order, names unique. */
public record ParquetSchema(List<ParquetColumn> columns) {

    /** Copies the list and checks that it is not empty and has no duplicate names. */
    public ParquetSchema {
        columns = List.copyOf(columns);
        Set<String> seen = new HashSet<>();
        for (ParquetColumn c : columns) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("Parquet schema has two columns named '" + c.name() + "'");
            }
        }
    }

    /** A schema of the given columns. */
    public static ParquetSchema of(ParquetColumn... columns) {
        return new ParquetSchema(List.of(columns));
    }

    /** The position of the column named {@code name}, or -1 if there is none. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The column named {@code name}; a {@link ParquetException} naming it and the columns there are if absent. */
    public ParquetColumn column(String name) throws ParquetException {
        int i = indexOf(name);
        if (i < 0) {
            throw new ParquetException("schema", "no column '" + name + "' (columns: " + names() + ")");
        }
        return columns.get(i);
    }

    /** The column names in order, comma separated. */
    String names() {
        StringBuilder b = new StringBuilder();
        for (ParquetColumn c : columns) {
            b.append(b.length() == 0 ? "" : ", ").append(c.name());
        }
        return b.toString();
    }
}
