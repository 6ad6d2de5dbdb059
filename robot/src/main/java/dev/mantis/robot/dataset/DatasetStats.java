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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Exact dataset-wide statistics, computed from the data files. */
final class DatasetStats {

    private DatasetStats() {
    }

    /**
     * The statistics of every numeric feature over all frames of the data files that
     * {@code rows} use, each feature read and sorted on its own, the features shared out over the
     * machine's cores (memory: one feature's values per core).
     */
    static Map<String, FeatureStats> exact(DatasetLayout layout, List<EpisodeRow> rows,
            List<DatasetFeature> features) throws IOException {
        Set<DatasetLayout.FileId> files = new LinkedHashSet<>();
        rows.forEach(r -> files.add(r.data()));
        int threads = Math.max(1, Math.min(features.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mantis-stats");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FeatureStats>> stats = new ArrayList<>();
            for (DatasetFeature f : features) {
                stats.add(pool.submit(() -> feature(layout, files, f)));
            }
            Map<String, FeatureStats> out = new LinkedHashMap<>();
            for (int i = 0; i < features.size(); i++) {
                out.put(features.get(i).name(), stats.get(i).get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while computing the dataset's statistics", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The statistics of feature {@code f} over all frames of {@code files}. */
    private static FeatureStats feature(DatasetLayout layout, Set<DatasetLayout.FileId> files, DatasetFeature f)
            throws IOException {
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
        return FeatureStats.of(all, total, f.size());
    }
}
