package dev.mantis.sim.record;

import dev.mantis.robot.dataset.video.VideoSettings;
import dev.mantis.sim.render.CameraSpec;
import dev.mantis.sim.task.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Which task cameras a collection records and how: each camera named in {@code names} becomes the
 * video features {@code observation.images.NAME} (a frame per recorded frame) and
 * {@code observation.goal.images.NAME} (the task's goal rendered once per episode, repeated on
 * every frame), at the task's image size or {@code width} x {@code height}.
 *
 * @param names camera names (see {@link Task#cameras()}); empty: no cameras
 * @param width image width, pixels, or 0 for the cameras' own sizes
 * @param height image height, pixels, or 0 for the cameras' own sizes
 * @param settings how the videos are encoded
 * @param observer told every rendered image (for tests and previews); {@link FrameObserver#NONE}
 */
public record RecordedCameras(List<String> names, int width, int height, VideoSettings settings,
        FrameObserver observer) {

    /** The feature name prefix of camera images. */
    public static final String IMAGES = "observation.images.";
    /** The feature name prefix of goal images. */
    public static final String GOAL_IMAGES = "observation.goal.images.";
    /** No cameras. */
    public static final RecordedCameras NONE = new RecordedCameras(List.of(), 0, 0, VideoSettings.DEFAULT,
            FrameObserver.NONE);

    /** Sees each image a collection renders, on the worker thread that rendered it. */
    public interface FrameObserver {
        /** Sees nothing. */
        FrameObserver NONE = (job, feature, frame, rgb) -> { };

        /**
         * Image {@code frame} (0-based) of video feature {@code feature} of run episode {@code job}:
         * H x W x 3 RGB bytes, valid only during the call.
         */
        void frame(int job, String feature, int frame, byte[] rgb);
    }

    public RecordedCameras {
        names = List.copyOf(names);
        if ((width == 0) != (height == 0) || width < 0 || height < 0) {
            throw new IllegalArgumentException("image size " + width + "x" + height + " must be positive (or 0x0 for "
                    + "the cameras' own)");
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("cameras " + names + " name one camera twice");
        }
    }

    /** Whether any camera is recorded. */
    public boolean any() {
        return !names.isEmpty();
    }

    /**
     * The recorded cameras of {@code task}, resized as asked.
     *
     * @throws IllegalArgumentException for a camera the task does not have
     */
    public List<CameraSpec> of(Task task) {
        List<CameraSpec> out = new ArrayList<>();
        for (CameraSpec c : task.cameras(names)) {
            out.add(width == 0 ? c : c.withImageSize(width, height));
        }
        return out;
    }

    /** The video feature names, in dataset order: every camera's images, then every camera's goal images. */
    public List<String> features() {
        List<String> out = new ArrayList<>();
        names.forEach(n -> out.add(IMAGES + n));
        names.forEach(n -> out.add(GOAL_IMAGES + n));
        return out;
    }
}
