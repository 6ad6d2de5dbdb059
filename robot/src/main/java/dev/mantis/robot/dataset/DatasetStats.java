package dev.mantis.robot.dataset;

import dev.mantis.robot.dataset.parquet.ColumnValues;
import dev.mantis.robot.dataset.parquet.ParquetReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Exact dataset-wide statistics, computed from the data files. */
final class DatasetStats {

    private DatasetStats() {
    }

    /**
     * The statistics of every numeric feature over all frames of the data files that
     * {@code rows} use, each feature read and sorted on its own, the features shared out over the
     * machine's cores (memory: one feature's values per core). Each thread opens a data file once
     * and keeps it open for the features it reads next (a footer of many row groups takes longer
     * to parse than a column to read).
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
        Queue<ParquetReader> opened = new ConcurrentLinkedQueue<>();
        ThreadLocal<Map<DatasetLayout.FileId, ParquetReader>> readers = ThreadLocal.withInitial(HashMap::new);
        try {
            List<Future<FeatureStats>> stats = new ArrayList<>();
            for (DatasetFeature f : features) {
                stats.add(pool.submit(() -> feature(layout, files, f, id -> {
                    Map<DatasetLayout.FileId, ParquetReader> mine = readers.get();
                    ParquetReader r = mine.get(id);
                    if (r == null) {
                        r = ParquetReader.open(layout.data(id));
                        opened.add(r);
                        mine.put(id, r);
                    }
                    return r;
                })));
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
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES); // no thread may still read when the files close
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (ParquetReader r : opened) {
                r.close();
            }
        }
    }

    /** Opens (or finds open) the reader of a data file, for the calling thread only. */
    private interface Readers {
        ParquetReader of(DatasetLayout.FileId id) throws IOException;
    }

    /** The statistics of feature {@code f} over all frames of {@code files}. */
    private static FeatureStats feature(DatasetLayout layout, Set<DatasetLayout.FileId> files, DatasetFeature f,
            Readers readers) throws IOException {
        List<double[]> parts = new ArrayList<>();
        int total = 0;
        for (DatasetLayout.FileId id : files) {
            ColumnValues c = readers.of(id).read(f.name());
            parts.add(Columns.allDoubles(c, f.size(), layout.data(id) + ": column '" + f.name() + "'"));
            total += c.rowCount();
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
