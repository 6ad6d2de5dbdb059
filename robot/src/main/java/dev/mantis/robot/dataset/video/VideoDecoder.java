package dev.mantis.robot.dataset.video;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes frames of an MP4 file back to RGB with FFmpeg: a run of frames starting at a timestamp
 * (an episode's frames in a file that holds several episodes), or the one frame shown at a
 * timestamp. Frames are H x W x 3 bytes, rows top to bottom, R G B.
 */
public final class VideoDecoder {

    private VideoDecoder() {
    }

    /**
     * The {@code count} frames from the one shown at {@code from} seconds on (fewer if the file
     * ends first).
     *
     * @param fps the video's frame rate (the seek lands half a frame early, so that rounding of
     *     {@code from} never skips the frame that starts there)
     */
    public static List<byte[]> frames(Path file, double from, int count, int width, int height, int fps)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new VideoException(file + ": no such video file");
        }
        double seek = Math.max(0, from - 0.5 / fps);
        List<String> args = List.of("-ss", String.format(Locale.ROOT, "%.6f", seek), "-i", file.toString(),
                "-frames:v", Integer.toString(count), "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24",
                "pipe:1");
        Ffmpeg.Run run = Ffmpeg.start(args, true);
        run.process().getOutputStream().close();
        List<byte[]> out = new ArrayList<>();
        int size = width * height * 3;
        try (InputStream in = run.process().getInputStream()) {
            while (out.size() < count) {
                byte[] frame = in.readNBytes(size);
                if (frame.length == 0) {
                    break;
                }
                if (frame.length != size) {
                    run.kill();
                    throw new VideoException(file + ": a decoded frame has " + frame.length + " bytes, not the "
                            + size + " of " + width + "x" + height + " RGB; is the size right?");
                }
                out.add(frame);
            }
        }
        run.await("decoding " + file);
        return out;
    }

    /**
     * The frame shown at {@code timestamp} seconds.
     *
     * @throws VideoException if the file ends before it
     */
    public static byte[] frame(Path file, double timestamp, int width, int height, int fps) throws IOException {
        List<byte[]> one = frames(file, timestamp, 1, width, height, fps);
        if (one.isEmpty()) {
            throw new VideoException(file + ": no frame at " + timestamp + " s (the video is shorter)");
        }
        return one.get(0);
    }
}
