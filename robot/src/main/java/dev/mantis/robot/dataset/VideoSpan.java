package dev.mantis.robot.dataset;

/**
 * Where one episode's frames of one video feature are: the MP4 file (chunk, file) and the time
 * range within it, seconds.
 */
public record VideoSpan(DatasetLayout.FileId file, double fromTimestamp, double toTimestamp) {
}
