package dev.mantis.robot.dataset;

import dev.mantis.robot.dataset.parquet.ColumnValues;
import dev.mantis.robot.dataset.parquet.ParquetColumn;
import dev.mantis.robot.dataset.parquet.ParquetReader;
import dev.mantis.robot.dataset.parquet.ParquetSchema;
import dev.mantis.robot.dataset.parquet.ParquetType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of the episodes table ({@code meta/episodes/...parquet}) and the conversion between
 * its rows and {@link EpisodeRow}s.
 */
final class EpisodesTable {

    private static final String STATS = "stats/";
    private static final String VIDEOS = "videos/";

    private EpisodesTable() {
    }

    /** The table's schema for episodes with stats of {@code statFeatures}, the video keys and the extras. */
    static ParquetSchema schema(List<DatasetFeature> statFeatures, List<String> videoKeys,
            List<ParquetColumn> extras) {
        List<ParquetColumn> c = new ArrayList<>();
        c.add(new ParquetColumn("episode_index", ParquetType.INT64, false));
        c.add(new ParquetColumn("tasks", ParquetType.STRING, true));
        c.add(new ParquetColumn("length", ParquetType.INT64, false));
        c.add(new ParquetColumn("data/chunk_index", ParquetType.INT64, false));
        c.add(new ParquetColumn("data/file_index", ParquetType.INT64, false));
        c.add(new ParquetColumn("dataset_from_index", ParquetType.INT64, false));
        c.add(new ParquetColumn("dataset_to_index", ParquetType.INT64, false));
        for (String key : videoKeys) {
            c.add(new ParquetColumn(VIDEOS + key + "/chunk_index", ParquetType.INT64, false));
            c.add(new ParquetColumn(VIDEOS + key + "/file_index", ParquetType.INT64, false));
            c.add(new ParquetColumn(VIDEOS + key + "/from_timestamp", ParquetType.DOUBLE, false));
            c.add(new ParquetColumn(VIDEOS + key + "/to_timestamp", ParquetType.DOUBLE, false));
        }
        c.add(new ParquetColumn("meta/episodes/chunk_index", ParquetType.INT64, false));
        c.add(new ParquetColumn("meta/episodes/file_index", ParquetType.INT64, false));
        for (DatasetFeature f : statFeatures) {
            for (String stat : FeatureStats.NAMES) {
                c.add(new ParquetColumn(STATS + f.name() + "/" + stat,
                        stat.equals("count") ? ParquetType.INT64 : ParquetType.DOUBLE, true));
            }
        }
        c.addAll(extras);
        return new ParquetSchema(c);
    }

    /** The columns holding {@code rows}, in the order of {@code schema}. */
    static List<ColumnValues> columns(ParquetSchema schema, List<EpisodeRow> rows) {
        List<ColumnValues> out = new ArrayList<>();
        for (ParquetColumn col : schema.columns()) {
            out.add(column(col, rows));
        }
        return out;
    }

    private static ColumnValues column(ParquetColumn col, List<EpisodeRow> rows) {
        String name = col.name();
        int n = rows.size();
        switch (name) {
            case "episode_index":
                return longs(rows, EpisodeRow::episodeIndex);
            case "length":
                return longs(rows, EpisodeRow::length);
            case "data/chunk_index":
                return longs(rows, r -> r.data().chunk());
            case "data/file_index":
                return longs(rows, r -> r.data().file());
            case "dataset_from_index":
                return longs(rows, EpisodeRow::datasetFromIndex);
            case "dataset_to_index":
                return longs(rows, EpisodeRow::datasetToIndex);
            case "meta/episodes/chunk_index":
                return longs(rows, r -> r.meta().chunk());
            case "meta/episodes/file_index":
                return longs(rows, r -> r.meta().file());
            case "tasks": {
                List<String> flat = new ArrayList<>();
                int[] offsets = new int[n + 1];
                for (int i = 0; i < n; i++) {
                    flat.addAll(rows.get(i).tasks());
                    offsets[i + 1] = flat.size();
                }
                return ColumnValues.ofStringLists(flat.toArray(String[]::new), offsets);
            }
            default:
                break;
        }
        if (name.startsWith(STATS)) {
            int slash = name.lastIndexOf('/');
            String feature = name.substring(STATS.length(), slash);
            String stat = name.substring(slash + 1);
            double[][] per = new double[n][];
            int total = 0;
            for (int i = 0; i < n; i++) {
                per[i] = rows.get(i).stats().get(feature).get(stat);
                total += per[i].length;
            }
            int[] offsets = new int[n + 1];
            if (col.type() == ParquetType.INT64) {
                long[] flat = new long[total];
                for (int i = 0, k = 0; i < n; i++) {
                    for (double v : per[i]) {
                        flat[k++] = (long) v;
                    }
                    offsets[i + 1] = offsets[i] + per[i].length;
                }
                return ColumnValues.ofLongLists(flat, offsets);
            }
            double[] flat = new double[total];
            for (int i = 0; i < n; i++) {
                System.arraycopy(per[i], 0, flat, offsets[i], per[i].length);
                offsets[i + 1] = offsets[i] + per[i].length;
            }
            return ColumnValues.ofDoubleLists(flat, offsets);
        }
        if (name.startsWith(VIDEOS)) {
            int slash = name.lastIndexOf('/');
            String key = name.substring(VIDEOS.length(), slash);
            String what = name.substring(slash + 1);
            if (what.endsWith("timestamp")) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    VideoSpan s = rows.get(i).videos().get(key);
                    v[i] = what.startsWith("from") ? s.fromTimestamp() : s.toTimestamp();
                }
                return ColumnValues.ofDoubles(v);
            }
            return longs(rows, r -> what.startsWith("chunk") ? r.videos().get(key).file().chunk()
                    : r.videos().get(key).file().file());
        }
        return extra(col, rows);
    }

    private static ColumnValues extra(ParquetColumn col, List<EpisodeRow> rows) {
        int n = rows.size();
        Object[] v = new Object[n];
        for (int i = 0; i < n; i++) {
            v[i] = rows.get(i).extra(col.name());
            if (v[i] == null) {
                throw new IllegalArgumentException("episode " + rows.get(i).episodeIndex() + " has no value for '"
                        + col.name() + "'");
            }
        }
        if (col.list()) {
            int[] offsets = new int[n + 1];
            if (col.type() == ParquetType.INT64) {
                List<long[]> parts = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    parts.add((long[]) v[i]);
                    offsets[i + 1] = offsets[i] + parts.get(i).length;
                }
                long[] flat = new long[offsets[n]];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(parts.get(i), 0, flat, offsets[i], parts.get(i).length);
                }
                return ColumnValues.ofLongLists(flat, offsets);
            }
            List<double[]> parts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                parts.add((double[]) v[i]);
                offsets[i + 1] = offsets[i] + parts.get(i).length;
            }
            double[] flat = new double[offsets[n]];
            for (int i = 0; i < n; i++) {
                System.arraycopy(parts.get(i), 0, flat, offsets[i], parts.get(i).length);
            }
            return ColumnValues.ofDoubleLists(flat, offsets);
        }
        switch (col.type()) {
            case INT64: {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = ((Number) v[i]).longValue();
                }
                return ColumnValues.ofLongs(out);
            }
            case DOUBLE: {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = ((Number) v[i]).doubleValue();
                }
                return ColumnValues.ofDoubles(out);
            }
            case BOOLEAN: {
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (Boolean) v[i];
                }
                return ColumnValues.ofBooleans(out);
            }
            case STRING: {
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (String) v[i];
                }
                return ColumnValues.ofStrings(out);
            }
            default:
                throw new IllegalArgumentException("extra column '" + col.name() + "': type " + col.type()
                        + " is not supported; use INT64, DOUBLE, BOOLEAN, STRING or lists of INT64/DOUBLE");
        }
    }

    private static ColumnValues longs(List<EpisodeRow> rows, java.util.function.ToLongFunction<EpisodeRow> f) {
        long[] v = new long[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsLong(rows.get(i));
        }
        return ColumnValues.ofLongs(v);
    }

    /**
     * Reads the rows of one episodes file, LeRobot's or Mantis's: known columns by name, stats as
     * doubles, every other supported column into {@link EpisodeRow#extras()}.
     */
    static List<EpisodeRow> read(Path file, DatasetLayout.FileId id) throws IOException {
        try (ParquetReader reader = ParquetReader.open(file)) {
            ParquetSchema schema = reader.schema();
            int n = (int) reader.rowCount();
            Map<String, ColumnValues> cols = new LinkedHashMap<>();
            for (ParquetColumn c : schema.columns()) {
                cols.put(c.name(), reader.read(c.name()));
            }
            for (String required : List.of("episode_index", "tasks", "length", "dataset_from_index",
                    "dataset_to_index")) {
                if (!cols.containsKey(required)) {
                    throw new DatasetException(file + ": the episodes table has no '" + required + "' column");
                }
            }
            List<EpisodeRow> rows = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                rows.add(row(file, id, cols, r));
            }
            return rows;
        }
    }

    private static EpisodeRow row(Path file, DatasetLayout.FileId id, Map<String, ColumnValues> cols, int r)
            throws DatasetException {
        ColumnValues tasks = cols.get("tasks");
        List<String> taskList = new ArrayList<>();
        if (tasks.isList() && tasks.type() == ParquetType.STRING) {
            for (int i = tasks.offsets()[r]; i < tasks.offsets()[r + 1]; i++) {
                taskList.add(tasks.strings()[i]);
            }
        } else {
            throw new DatasetException(file + ": column 'tasks' must be a list of strings");
        }
        Map<String, Map<String, double[]>> statParts = new LinkedHashMap<>();
        Map<String, Map<String, Object>> videoParts = new LinkedHashMap<>();
        Map<String, Object> extras = new LinkedHashMap<>();
        for (var e : cols.entrySet()) {
            String name = e.getKey();
            ColumnValues c = e.getValue();
            if (name.startsWith(STATS) && name.lastIndexOf('/') > STATS.length()) {
                int slash = name.lastIndexOf('/');
                statParts.computeIfAbsent(name.substring(STATS.length(), slash), k -> new LinkedHashMap<>())
                        .put(name.substring(slash + 1), Columns.doublesAt(c, r));
            } else if (name.startsWith(VIDEOS) && name.lastIndexOf('/') > VIDEOS.length()) {
                int slash = name.lastIndexOf('/');
                videoParts.computeIfAbsent(name.substring(VIDEOS.length(), slash), k -> new LinkedHashMap<>())
                        .put(name.substring(slash + 1), Columns.doublesAt(c, r)[0]);
            } else if (!isCore(name)) {
                extras.put(name, value(c, r));
            }
        }
        Map<String, FeatureStats> stats = new LinkedHashMap<>();
        for (var e : statParts.entrySet()) {
            FeatureStats s = stats(e.getValue());
            if (s != null) {
                stats.put(e.getKey(), s);
            }
        }
        Map<String, VideoSpan> videos = new LinkedHashMap<>();
        for (var e : videoParts.entrySet()) {
            Map<String, Object> v = e.getValue();
            if (v.keySet().containsAll(List.of("chunk_index", "file_index", "from_timestamp", "to_timestamp"))) {
                videos.put(e.getKey(), new VideoSpan(new DatasetLayout.FileId(((Double) v.get("chunk_index"))
                        .intValue(), ((Double) v.get("file_index")).intValue()), (Double) v.get("from_timestamp"),
                        (Double) v.get("to_timestamp")));
            }
        }
        DatasetLayout.FileId data = new DatasetLayout.FileId(
                cols.containsKey("data/chunk_index") ? (int) Columns.longAt(cols.get("data/chunk_index"), r) : 0,
                cols.containsKey("data/file_index") ? (int) Columns.longAt(cols.get("data/file_index"), r) : 0);
        return new EpisodeRow(Columns.longAt(cols.get("episode_index"), r), taskList,
                Columns.longAt(cols.get("length"), r), data, Columns.longAt(cols.get("dataset_from_index"), r),
                Columns.longAt(cols.get("dataset_to_index"), r), id, stats, videos, extras);
    }

    private static boolean isCore(String name) {
        return List.of("episode_index", "tasks", "length", "data/chunk_index", "data/file_index",
                "dataset_from_index", "dataset_to_index", "meta/episodes/chunk_index", "meta/episodes/file_index")
                .contains(name);
    }

    private static FeatureStats stats(Map<String, double[]> parts) {
        for (String stat : List.of("min", "max", "mean", "std", "count")) {
            if (!parts.containsKey(stat)) {
                return null;
            }
        }
        int dim = parts.get("mean").length;
        double[][] q = new double[FeatureStats.QUANTILES.length][];
        for (int k = 0; k < q.length; k++) {
            double[] v = parts.get(FeatureStats.QUANTILE_NAMES.get(k));
            q[k] = v != null && v.length == dim ? v : new double[dim];
        }
        return new FeatureStats(parts.get("min"), parts.get("max"), parts.get("mean"), parts.get("std"), q,
                (long) parts.get("count")[0]);
    }

    private static Object value(ColumnValues c, int r) {
        if (c.isList()) {
            if (c.type() == ParquetType.INT64) {
                return java.util.Arrays.copyOfRange(c.longs(), c.offsets()[r], c.offsets()[r + 1]);
            }
            if (c.type() == ParquetType.STRING) {
                return List.of(java.util.Arrays.copyOfRange(c.strings(), c.offsets()[r], c.offsets()[r + 1]));
            }
            return Columns.doublesAt(c, r);
        }
        switch (c.type()) {
            case INT64:
                return c.longs()[r];
            case INT32:
                return (long) c.ints()[r];
            case BOOLEAN:
                return c.booleans()[r];
            case STRING:
                return c.strings()[r];
            case FLOAT:
                return (double) c.floats()[r];
            default:
                return c.doubles()[r];
        }
    }
}
