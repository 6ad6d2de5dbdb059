package dev.mantis.robot.dataset.video;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How camera streams are encoded: codec, constant rate factor (lower is better quality and
 * bigger files), encoder preset and GOP size (frames between key frames; small GOPs make seeking
 * to a frame cheap). Pixels are always yuv420p. Encoding is bit-exact: the same frames and
 * settings give the same bytes.
 */
public record VideoSettings(VideoCodec codec, int crf, String preset, int gop) {

    /** AV1 (SVT-AV1), crf 30, preset 12 (the fastest), a key frame every 2 frames (LeRobot's crf and GOP). */
    public static final VideoSettings DEFAULT = of(VideoCodec.AV1);

    /** The pixel format every video has. */
    public static final String PIX_FMT = "yuv420p";

    public VideoSettings {
        int maxCrf = codec == VideoCodec.AV1 ? 63 : 51;
        if (crf < 0 || crf > maxCrf) {
            throw new IllegalArgumentException("crf " + crf + " is outside 0.." + maxCrf + " for " + codec.id());
        }
        if (gop < 1) {
            throw new IllegalArgumentException("GOP size " + gop + " must be >= 1 frame");
        }
        if (codec == VideoCodec.AV1 && !preset.matches("[0-9]|1[0-3]")) {
            throw new IllegalArgumentException("SVT-AV1 preset '" + preset + "' must be 0..13");
        }
        if (codec == VideoCodec.H264 && !preset.matches("ultrafast|superfast|veryfast|faster|fast|medium|slow|slower"
                + "|veryslow|placebo")) {
            throw new IllegalArgumentException("x264 preset '" + preset + "' must be one of ultrafast, superfast, "
                    + "veryfast, faster, fast, medium, slow, slower, veryslow");
        }
    }

    /** The codec's default crf and preset, GOP 2. */
    public static VideoSettings of(VideoCodec codec) {
        return new VideoSettings(codec, codec.defaultCrf(), codec.defaultPreset(), 2);
    }

    /**
     * The {@code info} of a video feature in info.json, as LeRobot writes it: video.height,
     * video.width, video.codec, video.pix_fmt, video.is_depth_map, video.fps, video.channels,
     * has_audio; and Mantis's video.crf, video.preset, video.g.
     */
    public Map<String, Object> featureInfo(int width, int height, int fps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("video.height", height);
        m.put("video.width", width);
        m.put("video.codec", codec.id());
        m.put("video.pix_fmt", PIX_FMT);
        m.put("video.is_depth_map", false);
        m.put("video.fps", fps);
        m.put("video.channels", 3);
        m.put("has_audio", false);
        m.put("video.crf", crf);
        m.put("video.preset", preset);
        m.put("video.g", gop);
        return m;
    }
}
