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
        concat(java.util.Map.of(out, parts));
    }

    /**
     * Writes each output file (replaced) as the concatenation of its parts (at least one each), all
     * with one FFmpeg process.
     */
    public static void concat(java.util.Map<Path, List<Path>> outputs) throws IOException {
        List<Path> lists = new java.util.ArrayList<>();
        try {
            List<String> args = new java.util.ArrayList<>(List.of("-y"));
            for (var e : outputs.entrySet()) {
                if (e.getValue().isEmpty()) {
                    throw new IllegalArgumentException("nothing to concatenate into " + e.getKey());
                }
                Path list = Files.createTempFile("mantis-concat", ".txt");
                lists.add(list);
                StringBuilder b = new StringBuilder();
                for (Path p : e.getValue()) {
                    b.append("file '").append(p.toAbsolutePath().toString().replace("'", "'\\''")).append("'\n");
                }
                Files.writeString(list, b, StandardCharsets.UTF_8);
                args.addAll(List.of("-f", "concat", "-safe", "0", "-i", list.toString()));
            }
            int i = 0;
            for (Path out : outputs.keySet()) {
                args.addAll(List.of("-map", i + ":v", "-c", "copy", "-fflags", "+bitexact", "-map_metadata", "-1",
                        "-map_chapters", "-1", "-f", "mp4", out.toString()));
                i++;
            }
            Ffmpeg.run(args, "joining videos into " + outputs.keySet());
        } finally {
            for (Path l : lists) {
                Files.deleteIfExists(l);
            }
        }
    }
}
