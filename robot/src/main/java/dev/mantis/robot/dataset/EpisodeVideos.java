package dev.mantis.robot.dataset;

import java.nio.file.Path;
import java.util.Map;

/**
 * One episode's videos for {@link DatasetWriter}: per video feature name, a finished MP4 file of
 * exactly the episode's frames (the writer takes it over).
 */
public record EpisodeVideos(Map<String, Path> files) {

    public EpisodeVideos {
        files = Map.copyOf(files);
    }
}
