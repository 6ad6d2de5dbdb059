package dev.mantis.robot.dataset.video;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Joins MP4 files encoded with the same settings into one, without re-encoding (FFmpeg's concat
 * demuxer, stream copy, bit-exact): part k's frames follow part k - 1's, its timestamps shifted by
 * the parts before it. Each part starts with a key frame, so every part stays decodable from its
 * first timestamp on.
 */
public final class VideoConcat {

    private VideoConcat() {
    }

    /** Writes the concatenation of {@code parts} (at least one) to {@code out} (replaced). */
    public static void concat(List<Path> parts, Path out) throws IOException {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate into " + out);
        }
        Path list = Files.createTempFile("mantis-concat", ".txt");
        try {
            StringBuilder b = new StringBuilder();
            for (Path p : parts) {
                b.append("file '").append(p.toAbsolutePath().toString().replace("'", "'\\''")).append("'\n");
            }
            Files.writeString(list, b, StandardCharsets.UTF_8);
            Ffmpeg.run(List.of("-y", "-f", "concat", "-safe", "0", "-i", list.toString(), "-c", "copy",
                    "-fflags", "+bitexact", "-map_metadata", "-1", "-map_chapters", "-1", "-f", "mp4", out.toString()),
                    "joining " + parts.size() + " videos into " + out);
        } finally {
            Files.deleteIfExists(list);
        }
    }
}
