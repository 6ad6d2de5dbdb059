package dev.mantis.robot.dataset;

import java.nio.file.Path;

/**
 * Where each file of a LeRobot v3.0 dataset lives under its root directory. Files are numbered
 * (chunk, file): a chunk directory holds at most {@code chunksSize} files.
 */
public record DatasetLayout(Path root, int chunksSize) {

    /** The {@code data_path} template of {@code info.json}. */
    public static final String DATA_PATH = "data/chunk-{chunk_index:03d}/file-{file_index:03d}.parquet";
    /** The {@code video_path} template of {@code info.json}. */
    public static final String VIDEO_PATH =
            "videos/{video_key}/chunk-{chunk_index:03d}/file-{file_index:03d}.mp4";

    public DatasetLayout {
        if (chunksSize < 1) {
            throw new IllegalArgumentException("chunks_size must be >= 1, got " + chunksSize);
        }
    }

    /** {@code meta/info.json}. */
    public Path info() {
        return root.resolve("meta/info.json");
    }

    /** {@code meta/stats.json}. */
    public Path stats() {
        return root.resolve("meta/stats.json");
    }

    /** {@code meta/tasks.parquet}. */
    public Path tasks() {
        return root.resolve("meta/tasks.parquet");
    }

    /** The data file (chunk, file). */
    public Path data(FileId id) {
        return root.resolve(String.format("data/chunk-%03d/file-%03d.parquet", id.chunk(), id.file()));
    }

    /** The episodes metadata file (chunk, file). */
    public Path episodes(FileId id) {
        return root.resolve(String.format("meta/episodes/chunk-%03d/file-%03d.parquet", id.chunk(), id.file()));
    }

    /** The video file (chunk, file) of video feature {@code key}. */
    public Path video(String key, FileId id) {
        return root.resolve(String.format("videos/%s/chunk-%03d/file-%03d.mp4", key, id.chunk(), id.file()));
    }

    /** The file after {@code id}: the next file index, or file 0 of the next chunk when this one is full. */
    public FileId next(FileId id) {
        return id.file() + 1 < chunksSize ? new FileId(id.chunk(), id.file() + 1) : new FileId(id.chunk() + 1, 0);
    }

    /** A file's (chunk index, file index). */
    public record FileId(int chunk, int file) {
        /** The first file of a dataset. */
        public static final FileId FIRST = new FileId(0, 0);
    }
}
