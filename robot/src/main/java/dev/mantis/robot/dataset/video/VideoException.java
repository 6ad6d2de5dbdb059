package dev.mantis.robot.dataset.video;

import java.io.IOException;

/** Encoding or decoding a video failed, or FFmpeg is missing: one line saying what and what to do. */
public final class VideoException extends IOException {

    private static final long serialVersionUID = 1L;

    public VideoException(String message) {
        super(message);
    }
}
