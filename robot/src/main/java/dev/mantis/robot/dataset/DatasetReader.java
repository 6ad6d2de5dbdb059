package dev.mantis.robot.dataset;

import dev.mantis.robot.dataset.parquet.ColumnValues;
import dev.mantis.robot.dataset.parquet.ParquetColumn;
import dev.mantis.robot.dataset.parquet.ParquetReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a LeRobot v3.0 dataset, written by Mantis or by LeRobot: its info, tasks, episodes
 * table, stats and each episode's numeric frames; {@link #validate()} checks that the files agree
 * with each other. Not thread-safe (it caches the last data file read).
 */
public final class DatasetReader {

    private final DatasetLayout layout;
    private final DatasetInfo info;
    private final List<String> tasks;
    private final List<EpisodeRow> episodes;
    private DatasetLayout.FileId cachedFile;
    private long uncommittedFrames;
    private Map<String, ColumnValues> cachedColumns;
    private long[] cachedIndex;

    private DatasetReader(DatasetLayout layout, DatasetInfo info, List<String> tasks, List<EpisodeRow> episodes) {
        this.layout = layout;
        this.info = info;
        this.tasks = List.copyOf(tasks);
        this.episodes = List.copyOf(episodes);
    }

    /**
     * Opens the dataset in {@code root}.
     *
     * @throws DatasetException (one line naming the file) if info.json, tasks.parquet or the
     *     episodes table is missing or malformed
     */
    public static DatasetReader open(Path root) throws IOException {
        DatasetInfo info = DatasetInfo.read(root.resolve("meta/info.json"));
        DatasetLayout layout = new DatasetLayout(root, Math.max(1, info.chunksSize()));
        if (!Files.exists(layout.tasks())) {
            throw new DatasetException(layout.tasks() + ": not found; every v3.0 dataset has its task list there");
        }
        List<String> tasks = TasksTable.read(layout.tasks());
        List<EpisodeRow> rows = new ArrayList<>();
        Path dir = root.resolve("meta/episodes");
        if (Files.isDirectory(dir)) {
            List<Path> files;
            try (var walk = Files.walk(dir)) {
                files = walk.filter(p -> p.getFileName().toString().matches("file-\\d+\\.parquet")
                        && p.getParent().getFileName().toString().matches("chunk-\\d+")).sorted().toList();
            }
            for (Path f : files) {
                rows.addAll(EpisodesTable.read(f, fileId(f)));
            }
        }
        rows.sort(java.util.Comparator.comparingLong(EpisodeRow::episodeIndex));
        return new DatasetReader(layout, info, tasks, rows);
    }

    private static DatasetLayout.FileId fileId(Path file) {
        String name = file.getFileName().toString();
        String chunk = file.getParent().getFileName().toString();
        return new DatasetLayout.FileId(Integer.parseInt(chunk.substring("chunk-".length())),
                Integer.parseInt(name.substring("file-".length(), name.length() - ".parquet".length())));
    }

    /** The dataset's root directory. */
    public Path root() {
        return layout.root();
    }

    /** The parsed info.json. */
    public DatasetInfo info() {
        return info;
    }

    /** Task strings by task_index. */
    public List<String> tasks() {
        return tasks;
    }

    /** The episodes table, by episode index. */
    public List<EpisodeRow> episodes() {
        return episodes;
    }

    /** stats.json, or an empty map when the dataset has none. */
    public Map<String, FeatureStats> stats() throws DatasetException {
        return Files.exists(layout.stats()) ? StatsFile.read(layout.stats()) : Map.of();
    }

    /** The numeric features of the data files (recorded ones and the LeRobot defaults). */
    public List<DatasetFeature> numericFeatures() {
        return info.features().stream().filter(DatasetFeature::isNumeric).toList();
    }

    /**
     * The frames of episode {@code episode}.
     *
     * @throws DatasetException if its data file lacks a feature or its rows
     */
    public EpisodeFrames episode(int episode) throws IOException {
        if (episode < 0 || episode >= episodes.size()) {
            throw new IllegalArgumentException("episode " + episode + " does not exist; the dataset has "
                    + episodes.size() + " (0.." + (episodes.size() - 1) + ")");
        }
        EpisodeRow row = episodes.get(episode);
        load(row.data());
        Path file = layout.data(row.data());
        int first = -1;
        for (int i = 0; i < cachedIndex.length; i++) {
            if (cachedIndex[i] == row.datasetFromIndex()) {
                first = i;
                break;
            }
        }
        int n = (int) row.length();
        if (first < 0 || first + n > cachedIndex.length || cachedIndex[first + n - 1] != row.datasetToIndex() - 1) {
            throw new DatasetException(file + ": does not hold frames " + row.datasetFromIndex() + ".."
                    + (row.datasetToIndex() - 1) + " of episode " + episode);
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (DatasetFeature f : numericFeatures()) {
            ColumnValues c = cachedColumns.get(f.name());
            if (c == null) {
                continue;
            }
            double[] out = new double[n * f.size()];
            for (int r = 0; r < n; r++) {
                double[] v = Columns.doublesAt(c, first + r);
                if (v.length != f.size()) {
                    throw new DatasetException(file + ": column '" + f.name() + "' row " + (first + r) + " has "
                            + v.length + " elements, info.json says " + f.size());
                }
                System.arraycopy(v, 0, out, r * f.size(), v.length);
            }
            values.put(f.name(), out);
            sizes.put(f.name(), f.size());
        }
        return new EpisodeFrames(row, values, sizes);
    }

    private void load(DatasetLayout.FileId id) throws IOException {
        if (id.equals(cachedFile)) {
            return;
        }
        Path file = layout.data(id);
        if (!Files.exists(file)) {
            throw new DatasetException(file + ": not found, but the episodes table points to it");
        }
        Map<String, ColumnValues> cols = new LinkedHashMap<>();
        try (ParquetReader reader = ParquetReader.open(file)) {
            for (ParquetColumn c : reader.schema().columns()) {
                if (info.feature(c.name()) != null && info.feature(c.name()).isNumeric()) {
                    cols.put(c.name(), reader.read(c.name()));
                }
            }
        }
        ColumnValues index = cols.get("index");
        if (index == null) {
            throw new DatasetException(file + ": has no 'index' column");
        }
        cachedIndex = new long[index.rowCount()];
        for (int i = 0; i < cachedIndex.length; i++) {
            cachedIndex[i] = Columns.longAt(index, i);
        }
        cachedFile = id;
        cachedColumns = cols;
    }

    /**
     * Checks the dataset's files against each other: totals, contiguous episode indices and frame
     * ranges, every data file present with every numeric feature at its shape, a contiguous
     * {@code index}, frame_index and episode_index matching the episodes table, valid task
     * indices, no frames outside any episode, stats for every numeric feature, video files present.
     *
     * @return the problems found, one line each naming the file; empty when the dataset is valid
     */
    public List<String> validate() throws IOException {
        List<String> problems = new ArrayList<>();
        Path infoFile = layout.info();
        if (info.totalEpisodes() != episodes.size()) {
            problems.add(infoFile + ": total_episodes is " + info.totalEpisodes() + " but the episodes table has "
                    + episodes.size());
        }
        if (info.totalTasks() != tasks.size()) {
            problems.add(infoFile + ": total_tasks is " + info.totalTasks() + " but tasks.parquet has " + tasks.size());
        }
        long expectedFrom = 0;
        for (int i = 0; i < episodes.size(); i++) {
            EpisodeRow r = episodes.get(i);
            if (r.episodeIndex() != i) {
                problems.add("episodes table: episode " + i + " is missing (found index " + r.episodeIndex() + ")");
                return problems;
            }
            if (r.datasetFromIndex() != expectedFrom || r.datasetToIndex() - r.datasetFromIndex() != r.length()) {
                problems.add("episodes table: episode " + i + " covers [" + r.datasetFromIndex() + ", "
                        + r.datasetToIndex() + ") with length " + r.length() + "; expected to start at "
                        + expectedFrom);
            }
            expectedFrom = r.datasetToIndex();
            for (String t : r.tasks()) {
                if (!tasks.contains(t)) {
                    problems.add("episodes table: episode " + i + " names task '" + t + "' missing from tasks.parquet");
                }
            }
        }
        if (info.totalFrames() != expectedFrom) {
            problems.add(infoFile + ": total_frames is " + info.totalFrames() + " but the episodes cover "
                    + expectedFrom);
        }
        validateData(problems);
        Map<String, FeatureStats> stats = stats();
        for (DatasetFeature f : numericFeatures()) {
            FeatureStats s = stats.get(f.name());
            if (s == null) {
                problems.add(layout.stats() + ": no statistics for '" + f.name() + "'");
            } else if (s.mean().length != f.size()) {
                problems.add(layout.stats() + ": statistics of '" + f.name() + "' have " + s.mean().length
                        + " elements, the feature " + f.size());
            }
        }
        for (EpisodeRow r : episodes) {
            for (var v : r.videos().entrySet()) {
                if (!Files.exists(layout.video(v.getKey(), v.getValue().file()))) {
                    problems.add(layout.video(v.getKey(), v.getValue().file()) + ": missing (episode "
                            + r.episodeIndex() + ")");
                }
            }
        }
        return problems;
    }

    /**
     * Every frame of video feature {@code key} of episode {@code episode}, decoded to RGB
     * (H x W x 3 bytes each, rows top to bottom), in frame order.
     *
     * @throws DatasetException if the feature is not a video of the dataset
     */
    public List<byte[]> videoFrames(int episode, String key) throws IOException {
        EpisodeRow r = episodes.get(episode);
        VideoSpan span = span(r, key);
        DatasetFeature f = info.feature(key);
        return dev.mantis.robot.dataset.video.VideoDecoder.frames(layout.video(key, span.file()), span.fromTimestamp(),
                (int) r.length(), f.shape().get(1), f.shape().get(0), info.fps());
    }

    /**
     * The frame of video feature {@code key} shown at {@code timestamp} seconds into episode
     * {@code episode} (the frame_index / fps of a frame), decoded to RGB.
     */
    public byte[] videoFrame(int episode, String key, double timestamp) throws IOException {
        EpisodeRow r = episodes.get(episode);
        VideoSpan span = span(r, key);
        DatasetFeature f = info.feature(key);
        return dev.mantis.robot.dataset.video.VideoDecoder.frame(layout.video(key, span.file()),
                span.fromTimestamp() + timestamp, f.shape().get(1), f.shape().get(0), info.fps());
    }

    private VideoSpan span(EpisodeRow r, String key) throws DatasetException {
        DatasetFeature f = info.feature(key);
        VideoSpan span = r.videos().get(key);
        if (f == null || !f.isVideo() || span == null || f.shape().size() != 3) {
            throw new DatasetException(layout.info() + ": '" + key + "' is not a video feature of the dataset; its "
                    + "videos are " + info.features().stream().filter(DatasetFeature::isVideo).map(DatasetFeature::name)
                    .toList());
        }
        return span;
    }

    /**
     * Frames found by {@link #validate()} after the last episode of the episodes table at the end
     * of the last data file: written by a run killed between the renames of one commit. Readers
     * ignore them; {@code mantis collect --resume} removes them.
     */
    public long uncommittedFrames() {
        return uncommittedFrames;
    }

    private static DatasetLayout.FileId lastFile(java.util.Set<DatasetLayout.FileId> files) {
        DatasetLayout.FileId last = null;
        for (DatasetLayout.FileId f : files) {
            last = f;
        }
        return last;
    }

    private void validateData(List<String> problems) throws IOException {
        uncommittedFrames = 0;
        long next = 0;
        int e = 0;
        java.util.Set<DatasetLayout.FileId> seen = new java.util.LinkedHashSet<>();
        episodes.forEach(r -> seen.add(r.data()));
        for (DatasetLayout.FileId id : seen) {
            Path file = layout.data(id);
            if (uncommittedFrames > 0) {
                break;
            }
            try {
                load(id);
            } catch (IOException ex) {
                problems.add(ex.getMessage());
                return;
            }
            for (DatasetFeature f : numericFeatures()) {
                ColumnValues c = cachedColumns.get(f.name());
                if (c == null) {
                    problems.add(file + ": no column '" + f.name() + "'");
                } else if (c.isList() != (f.size() != 1) && f.size() != 1) {
                    problems.add(file + ": column '" + f.name() + "' is not a list but the feature has shape "
                            + f.shape());
                }
            }
            ColumnValues frame = cachedColumns.get("frame_index");
            ColumnValues episode = cachedColumns.get("episode_index");
            ColumnValues task = cachedColumns.get("task_index");
            for (int i = 0; i < cachedIndex.length; i++, next++) {
                if (cachedIndex[i] != next) {
                    problems.add(file + ": row " + i + " has index " + cachedIndex[i] + ", expected " + next);
                    return;
                }
                while (e < episodes.size() && next >= episodes.get(e).datasetToIndex()) {
                    e++;
                }
                if (e >= episodes.size()) {
                    if (id.equals(lastFile(seen))) {
                        // frames written by a commit that was interrupted before its episodes table landed
                        uncommittedFrames = cachedIndex.length - i;
                        next = info.totalFrames();
                        break;
                    }
                    problems.add(file + ": row " + i + " (index " + next + ") belongs to no episode of the episodes "
                            + "table");
                    return;
                }
                EpisodeRow r = episodes.get(e);
                if (episode != null && Columns.longAt(episode, i) != r.episodeIndex()) {
                    problems.add(file + ": row " + i + " has episode_index " + Columns.longAt(episode, i)
                            + ", expected " + r.episodeIndex());
                    return;
                }
                if (frame != null && Columns.longAt(frame, i) != next - r.datasetFromIndex()) {
                    problems.add(file + ": row " + i + " has frame_index " + Columns.longAt(frame, i) + ", expected "
                            + (next - r.datasetFromIndex()));
                    return;
                }
                if (task != null && (Columns.longAt(task, i) < 0 || Columns.longAt(task, i) >= tasks.size())) {
                    problems.add(file + ": row " + i + " has task_index " + Columns.longAt(task, i) + ", but there are "
                            + tasks.size() + " tasks");
                    return;
                }
            }
        }
        if (uncommittedFrames == 0 && next != info.totalFrames()) {
            problems.add(layout.root().resolve("data") + ": holds " + next + " frames, info.json says "
                    + info.totalFrames());
        }
    }
}
