package dev.mantis.robot.dataset.video;

import java.util.Locale;

/** The video codecs Mantis encodes episodes with, through FFmpeg. */
public enum VideoCodec {
    /** AV1 with SVT-AV1 (LeRobot's default); presets 0 (slow, small) to 13 (fast). */
    AV1("av1", "libsvtav1", "12", 30),
    /** H.264 with x264; presets ultrafast ... veryslow. */
    H264("h264", "libx264", "medium", 23);

    private final String id;
    private final String encoder;
    private final String defaultPreset;
    private final int defaultCrf;

    VideoCodec(String id, String encoder, String defaultPreset, int defaultCrf) {
        this.id = id;
        this.encoder = encoder;
        this.defaultPreset = defaultPreset;
        this.defaultCrf = defaultCrf;
    }

    /** The codec's name in info.json ({@code video.codec}) and on the command line: av1 or h264. */
    public String id() {
        return id;
    }

    /** The FFmpeg encoder. */
    public String encoder() {
        return encoder;
    }

    /** The preset used unless one is given. */
    public String defaultPreset() {
        return defaultPreset;
    }

    /** The constant rate factor used unless one is given. */
    public int defaultCrf() {
        return defaultCrf;
    }

    /**
     * The codec named {@code name} (av1 or h264, any case).
     *
     * @throws IllegalArgumentException naming the codecs there are
     */
    public static VideoCodec of(String name) {
        for (VideoCodec c : values()) {
            if (c.id.equals(name.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown video codec '" + name + "'; use av1 or h264");
    }
}
