package dev.mantis.robot.dataset;

import dev.mantis.robot.dataset.parquet.ColumnValues;
import dev.mantis.robot.dataset.parquet.ParquetReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Exact dataset-wide statistics, computed from the data files. */
final class DatasetStats {

    private DatasetStats() {
    }

    /**
     * The statistics of every numeric feature over all frames of the data files that
     * {@code rows} use, each feature read and sorted on its own (memory: one feature's values).
     */
    static Map<String, FeatureStats> exact(DatasetLayout layout, List<EpisodeRow> rows,
            List<DatasetFeature> features) throws IOException {
        Set<DatasetLayout.FileId> files = new LinkedHashSet<>();
        rows.forEach(r -> files.add(r.data()));
        Map<String, FeatureStats> out = new LinkedHashMap<>();
        for (DatasetFeature f : features) {
            List<double[]> parts = new ArrayList<>();
            int total = 0;
            for (DatasetLayout.FileId id : files) {
                try (ParquetReader reader = ParquetReader.open(layout.data(id))) {
                    ColumnValues c = reader.read(f.name());
                    double[] v = Columns.allDoubles(c, f.size(), layout.data(id) + ": column '" + f.name() + "'");
                    parts.add(v);
                    total += c.rowCount();
                }
            }
            double[] all = new double[total * f.size()];
            int at = 0;
            for (double[] p : parts) {
                System.arraycopy(p, 0, all, at, p.length);
                at += p.length;
            }
            out.put(f.name(), FeatureStats.of(all, total, f.size()));
        }
        return out;
    }
}
