package dev.mantis.robot.dataset;

import dev.mantis.robot.dataset.parquet.ColumnValues;
import dev.mantis.robot.dataset.parquet.ParquetColumn;
import dev.mantis.robot.dataset.parquet.ParquetCompression;
import dev.mantis.robot.dataset.parquet.ParquetEncoder;
import dev.mantis.robot.dataset.parquet.ParquetFiles;
import dev.mantis.robot.dataset.parquet.ParquetSchema;
import dev.mantis.robot.dataset.parquet.RowGroupBlob;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Writes a LeRobot v3.0 dataset, episode by episode, so that the directory is a readable dataset
 * holding only whole episodes at every moment, even if the process is killed.
 *
 * <p>Each episode becomes one row group of the current data file and one row of the episodes
 * table. A commit writes the current data file, the current episodes file, tasks, stats and
 * info.json in full to hidden temporary files, then renames them into place one right after the
 * other (data first, info.json last); readers treat frames past the episodes table's last
 * episode as an uncommitted tail. Commits happen after
 * an episode once the bytes added since the last one reach an eighth of the current data file
 * (so rewriting costs at most about eight times the data) and at least
 * {@link #MIN_COMMIT_INTERVAL} has passed since the last one (a fast simulated collection would
 * otherwise spend much of its writing time rewriting small files; an episode in real time takes
 * longer than that anyway), after the first episode of each file, at every file change and at
 * {@link #close()}. A kill loses at most the uncommitted episodes; {@link #resume} continues from
 * the last commit and yields the same files as a run that was never interrupted.
 *
 * <p>Videos ({@link #writeEpisode(EpisodeBuffer, String, EpisodeVideos, Map)}): each episode
 * brings one finished MP4 per video feature (a {@link dev.mantis.robot.dataset.video.VideoEncoder}
 * output). The writer keeps it as a part of the feature's current video file, under
 * {@code meta/mantis/video-parts/}, and a commit joins the file's parts (no re-encoding) into
 * {@code videos/KEY/chunk-XXX/file-XXX.mp4}, staged and renamed with the other files (videos
 * first). An episode's frames lie at [from_timestamp, to_timestamp) of its file; parts of episodes
 * not committed yet only ever follow the committed ones, so they never change the committed
 * episodes' frames, and resume rebuilds each file from the committed parts alone. A file takes no
 * more episodes past the spec's video file size. {@link #close()} deletes the parts once the
 * files are final.
 *
 * <p>Episodes come as {@link EpisodeBuffer}s, which the writer encodes, or already encoded by
 * {@link #newEncoder()}s on the threads that recorded them ({@link EncodedEpisode}); then the
 * writer only encodes the index columns and joins the row group. The files are the same bytes.
 *
 * <p>{@link #close()} replaces the running statistics (whose quantiles are count-weighted
 * averages of the episodes') by exact ones computed from every frame. Not thread-safe.
 */
public final class DatasetWriter implements Closeable {

    /** The least time between two commits that follow episodes of the same, non-empty data file. */
    public static final Duration MIN_COMMIT_INTERVAL = Duration.ofSeconds(1);

    private final DatasetLayout layout;
    private final DatasetSpec spec;
    private final List<DatasetFeature> dataFeatures;
    private final ParquetSchema dataSchema;
    private final ParquetEncoder dataEncoder;
    /** Encodes the frames handed over as {@link EpisodeBuffer}s. */
    private final EpisodeEncoder frameEncoder;
    /** Encodes the index columns ({@link DatasetSpec#DEFAULT_FEATURES}) of each episode. */
    private final ParquetEncoder indexEncoder;
    private final ParquetSchema metaSchema;
    private final ParquetEncoder metaEncoder;
    private final Map<String, Integer> tasks = new LinkedHashMap<>();
    private final List<EpisodeRow> rows = new ArrayList<>();
    private long totalFrames;
    private DatasetLayout.FileId dataFile = DatasetLayout.FileId.FIRST;
    private final List<RowGroupBlob> dataBlobs = new ArrayList<>();
    private long dataBytes;
    private long committedDataBytes;
    private DatasetLayout.FileId metaFile = DatasetLayout.FileId.FIRST;
    private int metaFirstRow;
    private long metaBytes;
    private boolean dirty;
    private boolean closed;
    private LongSupplier nanoClock = System::nanoTime;
    private long lastCommitNanos;
    /** Per video feature, its current file and parts, in spec order. */
    private final Map<String, VideoTrack> tracks = new LinkedHashMap<>();

    /** The current video file of one video feature and the episode parts it is joined from. */
    private static final class VideoTrack {
        DatasetLayout.FileId file = DatasetLayout.FileId.FIRST;
        final List<Path> parts = new ArrayList<>();
        /** Parts not yet forced to disk. */
        final List<Path> unsynced = new ArrayList<>();
        long bytes;
        long frames;
        boolean dirty;
    }

    private DatasetWriter(Path root, DatasetSpec spec) {
        this.layout = new DatasetLayout(root, spec.chunksSize());
        this.spec = spec;
        List<DatasetFeature> data = new ArrayList<>(spec.frameFeatures());
        data.addAll(DatasetSpec.DEFAULT_FEATURES);
        this.dataFeatures = List.copyOf(data);
        this.dataSchema = new ParquetSchema(dataFeatures.stream().map(DatasetFeature::column).toList());
        this.dataEncoder = new ParquetEncoder(dataSchema, ParquetCompression.SNAPPY);
        this.frameEncoder = new EpisodeEncoder(spec.frameFeatures());
        this.indexEncoder = new ParquetEncoder(EpisodeEncoder.schema(DatasetSpec.DEFAULT_FEATURES),
                ParquetCompression.SNAPPY);
        this.metaSchema = EpisodesTable.schema(dataFeatures, spec.videoFeatures().stream().map(DatasetFeature::name)
                .toList(), spec.episodeColumns());
        this.metaEncoder = new ParquetEncoder(metaSchema, ParquetCompression.SNAPPY);
        for (DatasetFeature f : spec.videoFeatures()) {
            tracks.put(f.name(), new VideoTrack());
        }
    }

    /** The directory holding the parts of video feature {@code key}'s file {@code id}. */
    private Path partsDir(String key, DatasetLayout.FileId id) {
        return layout.root().resolve(String.format("meta/mantis/video-parts/%s/chunk-%03d/file-%03d", key, id.chunk(),
                id.file()));
    }

    private Path part(String key, DatasetLayout.FileId id, long episode) {
        return partsDir(key, id).resolve(String.format("episode-%06d.mp4", episode));
    }

    /**
     * A directory on the dataset's file system for encoding episode videos into before they are
     * handed to {@link #writeEpisode(EpisodeBuffer, String, EpisodeVideos, Map)} (so that handing
     * them over is a rename); {@link #resume} empties it.
     */
    public Path videoScratch() throws IOException {
        Path dir = layout.root().resolve("meta/mantis/video-parts/.incoming");
        Files.createDirectories(dir);
        return dir;
    }

    /**
     * Appends an episode with its videos: per video feature of the spec, a finished MP4 of exactly
     * the episode's frames, encoded with the settings the feature's info names (the writer takes
     * the file over). See {@link #writeEpisode(EpisodeBuffer, String, Map, Map)}.
     *
     * @return the episode's row
     */
    public EpisodeRow writeEpisode(EpisodeBuffer frames, String task, EpisodeVideos videos, Map<String, Object> extras)
            throws IOException {
        checkOpen();
        return writeEpisode(frameEncoder.encode(frames), task, videos, extras);
    }

    /**
     * {@link #writeEpisode(EpisodeBuffer, String, EpisodeVideos, Map)} with frames an encoder of
     * this dataset ({@link #newEncoder()}) encoded.
     *
     * @return the episode's row
     */
    public EpisodeRow writeEpisode(EncodedEpisode frames, String task, EpisodeVideos videos,
            Map<String, Object> extras) throws IOException {
        checkOpen();
        if (!videos.files().keySet().equals(tracks.keySet())) {
            throw new IllegalArgumentException("episode videos " + videos.files().keySet() + " must be exactly "
                    + tracks.keySet());
        }
        int n = frames.length();
        long episode = rows.size();
        Map<String, VideoSpan> spans = new LinkedHashMap<>();
        for (var e : tracks.entrySet()) {
            VideoTrack t = e.getValue();
            Path segment = videos.files().get(e.getKey());
            long size = Files.size(segment);
            if (!t.parts.isEmpty() && t.bytes + size > spec.videoFileBytes()) {
                commit();
                deleteTree(partsDir(e.getKey(), t.file));
                t.file = layout.next(t.file);
                t.parts.clear();
                t.unsynced.clear();
                t.bytes = 0;
                t.frames = 0;
            }
            Path target = part(e.getKey(), t.file, episode);
            Files.createDirectories(target.getParent());
            Files.move(segment, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            spans.put(e.getKey(), new VideoSpan(t.file, (double) t.frames / spec.fps(),
                    (double) (t.frames + n) / spec.fps()));
            t.parts.add(target);
            t.unsynced.add(target);
            t.bytes += size;
            t.frames += n;
            t.dirty = true;
        }
        return writeEpisode(frames, task, spans, extras);
    }

    /**
     * Starts a new dataset in {@code root}, which must not exist or be empty.
     *
     * @throws DatasetException if {@code root} already holds files
     */
    public static DatasetWriter create(Path root, DatasetSpec spec) throws IOException {
        if (Files.isDirectory(root)) {
            try (var entries = Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    throw new DatasetException(root + ": already holds files; continue it with --resume or choose "
                            + "another output directory");
                }
            }
        } else if (Files.exists(root)) {
            throw new DatasetException(root + ": exists and is not a directory; choose another output directory");
        }
        Files.createDirectories(root);
        return new DatasetWriter(root, spec);
    }

    /**
     * Continues the dataset in {@code root} from its last commit (a new one if there is none):
     * episodes written after that commit, half-written files and temporary files are dropped, and
     * the next episode gets the next index.
     *
     * @throws DatasetException if {@code root} holds a dataset recorded with another robot type, fps
     *     or features, or one whose files are inconsistent
     */
    public static DatasetWriter resume(Path root, DatasetSpec spec) throws IOException {
        DatasetWriter w = new DatasetWriter(root, spec);
        if (!Files.exists(w.layout.info())) {
            w.deleteStrayFiles(0);
            Files.createDirectories(root);
            return w;
        }
        DatasetInfo info = DatasetInfo.read(w.layout.info());
        DatasetInfo expected = w.info();
        if (!info.robotType().equals(expected.robotType()) || info.fps() != expected.fps()
                || !info.features().equals(expected.features())) {
            throw new DatasetException(w.layout.info() + ": was recorded with robot '" + info.robotType() + "' at "
                    + info.fps() + " fps and features " + names(info.features()) + "; this run records '"
                    + expected.robotType() + "' at " + expected.fps() + " fps and " + names(expected.features())
                    + "; resume with the same settings or choose another output directory");
        }
        for (DatasetLayout.FileId id = DatasetLayout.FileId.FIRST; Files.exists(w.layout.episodes(id));
                id = w.layout.next(id)) {
            w.rows.addAll(EpisodesTable.read(w.layout.episodes(id), id));
        }
        for (int i = 0; i < w.rows.size(); i++) {
            EpisodeRow r = w.rows.get(i);
            if (r.episodeIndex() != i || r.datasetFromIndex() != w.totalFrames || r.tasks().size() != 1) {
                throw new DatasetException(w.layout.episodes(r.meta()) + ": episode row " + i + " is not the "
                        + "continuation Mantis wrote (index " + r.episodeIndex() + ", from " + r.datasetFromIndex()
                        + "); the dataset cannot be resumed");
            }
            w.tasks.putIfAbsent(r.tasks().get(0), w.tasks.size());
            w.totalFrames = r.datasetToIndex();
        }
        if (!w.rows.isEmpty()) {
            EpisodeRow last = w.rows.get(w.rows.size() - 1);
            w.dataFile = last.data();
            w.metaFile = last.meta();
            w.metaFirstRow = (int) w.rows.stream().filter(r -> !r.meta().equals(last.meta())).count();
            for (EpisodeRow r : w.rows.subList(w.metaFirstRow, w.rows.size())) {
                w.metaBytes += w.rowBytes(r);
            }
            w.reloadDataFile();
        }
        w.reloadVideoTracks();
        w.deleteStrayFiles(w.rows.size());
        w.dirty = true;
        w.commit();
        return w;
    }

    /** The dataset's spec. */
    public DatasetSpec spec() {
        return spec;
    }

    /** Episodes written so far (committed or not). */
    public int episodeCount() {
        return rows.size();
    }

    /** Frames written so far. */
    public long frameCount() {
        return totalFrames;
    }

    /** The rows of the episodes written so far, in index order. */
    public List<EpisodeRow> episodes() {
        return List.copyOf(rows);
    }

    /** A buffer for this dataset's frames. */
    public EpisodeBuffer newBuffer() {
        return new EpisodeBuffer(spec.frameFeatures());
    }

    /**
     * An encoder of this dataset's frames for a thread that records episodes, so that the episodes'
     * encoding runs there and not on the thread that writes them ({@link EpisodeEncoder}).
     */
    public EpisodeEncoder newEncoder() {
        return new EpisodeEncoder(spec.frameFeatures());
    }

    /** {@link #writeEpisode(EpisodeBuffer, String, Map, Map)} for a dataset without videos. */
    public EpisodeRow writeEpisode(EpisodeBuffer frames, String task, Map<String, Object> extras)
            throws IOException {
        return writeEpisode(frames, task, Map.of(), extras);
    }

    /** {@link #writeEpisode(EpisodeBuffer, String, Map)} with frames an encoder of this dataset encoded. */
    public EpisodeRow writeEpisode(EncodedEpisode frames, String task, Map<String, Object> extras)
            throws IOException {
        return writeEpisode(frames, task, Map.of(), extras);
    }

    /**
     * Appends an episode: its frames, its task string, where its video frames were written (one
     * span per video feature) and a value for each extra episode column of the spec.
     *
     * @return the episode's row
     */
    public EpisodeRow writeEpisode(EpisodeBuffer frames, String task, Map<String, VideoSpan> videos,
            Map<String, Object> extras) throws IOException {
        checkOpen();
        return writeEpisode(frameEncoder.encode(frames), task, videos, extras);
    }

    private EpisodeRow writeEpisode(EncodedEpisode frames, String task, Map<String, VideoSpan> videos,
            Map<String, Object> extras) throws IOException {
        checkOpen();
        int n = frames.length();
        if (!frames.features().equals(spec.frameFeatures())) {
            throw new IllegalArgumentException("the episode was encoded for other features than the dataset's; use "
                    + "newEncoder()");
        }
        Set<String> columns = new java.util.HashSet<>();
        spec.episodeColumns().forEach(c -> columns.add(c.name()));
        if (!extras.keySet().equals(columns)) {
            throw new IllegalArgumentException("episode extras " + extras.keySet() + " must be exactly " + columns);
        }
        Set<String> videoKeys = new java.util.HashSet<>();
        spec.videoFeatures().forEach(f -> videoKeys.add(f.name()));
        if (!videos.keySet().equals(videoKeys)) {
            throw new IllegalArgumentException("video spans " + videos.keySet() + " must be exactly " + videoKeys);
        }
        int taskIndex = tasks.computeIfAbsent(task, t -> tasks.size());
        long episode = rows.size();
        long from = totalFrames;
        Map<String, double[]> defaults = defaults(n, episode, from, taskIndex);
        List<ColumnValues> indexColumns = new ArrayList<>();
        Map<String, FeatureStats> stats = new LinkedHashMap<>(frames.stats());
        for (DatasetFeature f : DatasetSpec.DEFAULT_FEATURES) {
            double[] values = defaults.get(f.name());
            indexColumns.add(EpisodeEncoder.column(f, values, n));
            stats.put(f.name(), FeatureStats.of(values, n, f.size()));
        }
        RowGroupBlob blob = RowGroupBlob.join(dataSchema, frames.columns(), indexEncoder.encode(indexColumns));
        long size = rowBytes(new EpisodeRow(episode, List.of(task), n, dataFile, from, from + n, metaFile, stats,
                videos, extras));
        if (metaFirstRow < rows.size() && metaBytes + size > spec.dataFileBytes()) {
            commit();
            metaFile = layout.next(metaFile);
            metaFirstRow = rows.size();
            metaBytes = 0;
        }
        if (!dataBlobs.isEmpty() && dataBytes + blob.byteSize() > spec.dataFileBytes()) {
            commit();
            dataFile = layout.next(dataFile);
            dataBlobs.clear();
            dataBytes = 0;
            committedDataBytes = 0;
        }
        dataBlobs.add(blob);
        dataBytes += blob.byteSize();
        EpisodeRow row = new EpisodeRow(episode, List.of(task), n, dataFile, from, from + n, metaFile, stats, videos,
                extras);
        metaBytes += size;
        rows.add(row);
        totalFrames += n;
        dirty = true;
        if ((dataBytes - committedDataBytes) * 8 >= committedDataBytes && (committedDataBytes == 0
                || nanoClock.getAsLong() - lastCommitNanos >= MIN_COMMIT_INTERVAL.toNanos())) {
            commit();
        }
        return row;
    }

    /**
     * Makes everything written so far durable: the current data file, the current episodes file,
     * tasks, running stats and info.json, in that order.
     */
    public void commit() throws IOException {
        if (!dirty) {
            return;
        }
        try (StagedFiles commit = new StagedFiles()) {
            Map<Path, List<Path>> joins = new LinkedHashMap<>();
            Map<Path, Path> targets = new LinkedHashMap<>();
            for (var e : tracks.entrySet()) {
                VideoTrack t = e.getValue();
                if (!t.dirty || t.parts.isEmpty()) {
                    continue;
                }
                for (Path p : t.unsynced) {
                    try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(p,
                            java.nio.file.StandardOpenOption.WRITE)) {
                        c.force(true);
                    }
                }
                Path target = layout.video(e.getKey(), t.file);
                Files.createDirectories(target.getParent());
                Path joined = target.resolveSibling("." + target.getFileName() + ".join");
                joins.put(joined, List.copyOf(t.parts));
                targets.put(joined, target);
            }
            try {
                if (!joins.isEmpty()) {
                    dev.mantis.robot.dataset.video.VideoConcat.concat(joins);
                }
                for (var e : targets.entrySet()) {
                    Path joined = e.getKey();
                    commit.stage(e.getValue(), out -> Files.copy(joined, out));
                }
            } finally {
                for (Path joined : joins.keySet()) {
                    Files.deleteIfExists(joined);
                }
            }
            if (!dataBlobs.isEmpty()) {
                List<RowGroupBlob> blobs = List.copyOf(dataBlobs);
                commit.stage(layout.data(dataFile), out -> ParquetFiles.write(out, dataSchema, blobs, Map.of()));
            }
            if (metaFirstRow < rows.size()) {
                List<EpisodeRow> current = rows.subList(metaFirstRow, rows.size());
                RowGroupBlob meta = metaEncoder.encode(EpisodesTable.columns(metaSchema, current));
                commit.stage(layout.episodes(metaFile), out -> ParquetFiles.write(out, metaSchema, List.of(meta),
                        Map.of()));
            }
            List<String> taskList = List.copyOf(tasks.keySet());
            commit.stage(layout.tasks(), out -> TasksTable.write(out, taskList));
            byte[] stats = StatsFile.bytes(runningStats());
            commit.stage(layout.stats(), out -> out.write(stats));
            byte[] info = info().toJson();
            commit.stage(layout.info(), out -> out.write(info));
            commit.publish();
        }
        committedDataBytes = dataBytes;
        lastCommitNanos = nanoClock.getAsLong();
        dirty = false;
        for (VideoTrack t : tracks.values()) {
            t.unsynced.clear();
            t.dirty = false;
        }
    }

    /** Replaces the clock that spaces commits ({@link System#nanoTime} by default); for tests. */
    void nanoClock(LongSupplier clock) {
        this.nanoClock = clock;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the dataset writer is closed");
        }
    }

    /** Commits, then rewrites stats.json with exact statistics of every frame. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        commit();
        closed = true;
        if (!rows.isEmpty()) {
            AtomicFiles.write(layout.stats(), StatsFile.bytes(DatasetStats.exact(layout, rows, dataFeatures)));
        }
        if (!tracks.isEmpty()) {
            deleteTree(layout.root().resolve("meta/mantis/video-parts"));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The info.json this writer's current state gives. */
    DatasetInfo info() {
        List<DatasetFeature> all = new ArrayList<>(spec.features());
        all.addAll(DatasetSpec.DEFAULT_FEATURES);
        return new DatasetInfo(DatasetInfo.CODEBASE_VERSION, spec.robotType(), spec.fps(), all, rows.size(),
                totalFrames, tasks.size(), spec.chunksSize(), spec.dataFileBytes() >> 20, spec.videoFileBytes() >> 20,
                DatasetLayout.DATA_PATH, spec.videoFeatures().isEmpty() ? null : DatasetLayout.VIDEO_PATH);
    }

    private Map<String, FeatureStats> runningStats() {
        Map<String, FeatureStats> out = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        for (DatasetFeature f : dataFeatures) {
            List<FeatureStats> parts = new ArrayList<>(rows.size());
            for (EpisodeRow r : rows) {
                parts.add(r.stats().get(f.name()));
            }
            out.put(f.name(), FeatureStats.aggregate(parts));
        }
        return out;
    }

    private Map<String, double[]> defaults(int n, long episode, long from, int taskIndex) {
        double[] timestamp = new double[n];
        double[] frame = new double[n];
        double[] episodeIndex = new double[n];
        double[] index = new double[n];
        double[] task = new double[n];
        for (int i = 0; i < n; i++) {
            timestamp[i] = (float) ((double) i / spec.fps());
            frame[i] = i;
            episodeIndex[i] = episode;
            index[i] = from + i;
            task[i] = taskIndex;
        }
        return Map.of("timestamp", timestamp, "frame_index", frame, "episode_index", episodeIndex, "index", index,
                "task_index", task);
    }

    /** A deterministic estimate of a row's size in the episodes file, bytes. */
    private long rowBytes(EpisodeRow r) {
        long bytes = 64;
        for (FeatureStats s : r.stats().values()) {
            bytes += 8L * (4 + FeatureStats.QUANTILES.length) * s.mean().length + 8;
        }
        for (Object v : r.extras().values()) {
            bytes += v instanceof double[] d ? 8L * d.length : v instanceof long[] l ? 8L * l.length
                    : v instanceof String s ? s.length() : 8;
        }
        return bytes + 32L * r.videos().size() + r.tasks().stream().mapToLong(String::length).sum();
    }

    /**
     * Finds each video feature's current file and its parts from the committed episodes. A file
     * whose parts are gone (the writer was closed) takes no more episodes: the next one starts a
     * new file.
     */
    private void reloadVideoTracks() throws IOException {
        for (var e : tracks.entrySet()) {
            String key = e.getKey();
            VideoTrack t = e.getValue();
            List<EpisodeRow> with = rows.stream().filter(r -> r.videos().containsKey(key)).toList();
            if (with.isEmpty()) {
                continue;
            }
            DatasetLayout.FileId last = with.get(with.size() - 1).videos().get(key).file();
            List<EpisodeRow> inFile = with.stream().filter(r -> r.videos().get(key).file().equals(last)).toList();
            boolean complete = inFile.stream().allMatch(r -> Files.isRegularFile(part(key, last, r.episodeIndex())));
            if (complete) {
                t.file = last;
                for (EpisodeRow r : inFile) {
                    Path p = part(key, last, r.episodeIndex());
                    t.parts.add(p);
                    t.bytes += Files.size(p);
                    t.frames += r.length();
                }
                t.dirty = true;
            } else {
                t.file = layout.next(last);
            }
        }
    }

    /** Deletes video files and parts that no committed episode uses, and unfinished encodes. */
    private void deleteStrayVideos() throws IOException {
        Path partsRoot = layout.root().resolve("meta/mantis/video-parts");
        for (var e : tracks.entrySet()) {
            String key = e.getKey();
            VideoTrack t = e.getValue();
            java.util.Set<Path> keep = new java.util.HashSet<>(t.parts);
            Path keyParts = partsRoot.resolve(key);
            if (Files.isDirectory(keyParts)) {
                try (var walk = Files.walk(keyParts)) {
                    for (Path p : walk.filter(Files::isRegularFile).toList()) {
                        if (!keep.contains(p)) {
                            Files.delete(p);
                        }
                    }
                }
            }
            // files past the current one, and the current one if no committed episode is in it yet
            DatasetLayout.FileId id = t.parts.isEmpty() ? t.file : layout.next(t.file);
            for (int misses = 0; misses < 2; id = layout.next(id)) {
                misses = Files.deleteIfExists(layout.video(key, id)) ? 0 : misses + 1;
            }
            Path dir = layout.root().resolve("videos").resolve(key);
            if (Files.isDirectory(dir)) {
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.filter(p -> p.getFileName().toString().startsWith(".")
                            && Files.isRegularFile(p)).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
        deleteTree(partsRoot.resolve(".incoming"));
    }

    /** Loads the committed row groups of the current data file that belong to committed episodes. */
    private void reloadDataFile() throws IOException {
        Path file = layout.data(dataFile);
        List<EpisodeRow> inFile = rows.stream().filter(r -> r.data().equals(dataFile)).toList();
        try (var reader = dev.mantis.robot.dataset.parquet.ParquetReader.open(file)) {
            if (reader.rowGroupCount() < inFile.size()) {
                throw new DatasetException(file + ": holds " + reader.rowGroupCount() + " episodes but the episodes "
                        + "table lists " + inFile.size() + "; the dataset cannot be resumed");
            }
            for (int g = 0; g < inFile.size(); g++) {
                List<ColumnValues> cols = new ArrayList<>();
                for (ParquetColumn c : dataSchema.columns()) {
                    cols.add(reader.read(c.name(), g));
                }
                RowGroupBlob blob = dataEncoder.encode(cols);
                if (blob.rowCount() != inFile.get(g).length()) {
                    throw new DatasetException(file + ": row group " + g + " has " + blob.rowCount() + " frames, the "
                            + "episodes table says " + inFile.get(g).length() + "; the dataset cannot be resumed");
                }
                dataBlobs.add(blob);
                dataBytes += blob.byteSize();
            }
        }
        committedDataBytes = dataBytes;
    }

    /** Deletes temporary files, and data and episodes files past the ones the first {@code kept} episodes use. */
    private void deleteStrayFiles(int kept) throws IOException {
        DatasetLayout.FileId lastData = kept == 0 ? null : rows.get(kept - 1).data();
        DatasetLayout.FileId lastMeta = kept == 0 ? null : rows.get(kept - 1).meta();
        deletePast(lastData, true);
        deletePast(lastMeta, false);
        deleteStrayVideos();
        for (Path dir : List.of(layout.root().resolve("data"), layout.root().resolve("meta"))) {
            if (Files.isDirectory(dir)) {
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.filter(p -> p.getFileName().toString().startsWith(".")
                            && Files.isRegularFile(p)).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    private void deletePast(DatasetLayout.FileId last, boolean data) throws IOException {
        DatasetLayout.FileId id = last == null ? DatasetLayout.FileId.FIRST : layout.next(last);
        for (int misses = 0; misses < 2; id = layout.next(id)) {
            Path p = data ? layout.data(id) : layout.episodes(id);
            if (Files.deleteIfExists(p)) {
                misses = 0;
            } else {
                misses++;
            }
        }
    }

    private static List<String> names(List<DatasetFeature> features) {
        return features.stream().map(f -> f.name() + " " + f.dtype() + f.shape()).toList();
    }
}
