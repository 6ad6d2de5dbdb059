package dev.mantis.sim.record;

import dev.mantis.robot.dataset.EpisodeVideos;
import dev.mantis.robot.dataset.video.VideoEncoder;
import dev.mantis.robot.safety.SafetyEvent;
import dev.mantis.robot.spec.Action;
import dev.mantis.sim.articulation.Articulation;
import dev.mantis.sim.render.CameraSpec;
import dev.mantis.sim.render.RgbdFrame;
import dev.mantis.sim.render.SceneRenderer;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.scene.SceneState;
import dev.mantis.sim.task.SolvedConfiguration;
import dev.mantis.sim.task.StepRecorder;
import dev.mantis.sim.task.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a task's episodes like the {@link FrameRecorder} it wraps, and renders the recorded
 * cameras before every step into MP4 files (one per video feature, see {@link RecordedCameras}):
 * each camera's image of the scene, and its image of the episode's goal (the scene in its
 * {@link SolvedConfiguration}: objects at their goal poses, the robot and articulated objects drawn
 * at their solved joint positions), rendered once after the reset and repeated on every frame.
 * Rendering reads the scene and leaves it as it was (the goal's object poses are set and restored),
 * so the recorded numbers are those of a run without cameras. One per worker and task.
 */
public final class CameraRecorder implements StepRecorder {

    private final FrameRecorder frames;
    private final Task task;
    private final SceneRenderer renderer;
    private final RecordedCameras recorded;
    private final List<CameraSpec> cameras;
    private final RgbdFrame[] images;
    private final byte[][] goals;
    /** The episode's encoder (one FFmpeg process for every video feature), or null between episodes. */
    private VideoEncoder encoder;
    private final Path[] files;
    /** The frames of every video feature for one step, in {@link #features} order. */
    private final byte[][] stepFrames;
    private final List<String> features;
    private int job;
    private int frame;

    /**
     * Records into {@code frames}, rendering {@code recorded}'s cameras of {@code task} with
     * {@code renderer}.
     */
    public CameraRecorder(FrameRecorder frames, Task task, SceneRenderer renderer, RecordedCameras recorded) {
        this.frames = frames;
        this.task = task;
        this.renderer = renderer;
        this.recorded = recorded;
        this.cameras = recorded.of(task);
        this.images = new RgbdFrame[cameras.size()];
        this.goals = new byte[cameras.size()][];
        for (int i = 0; i < images.length; i++) {
            images[i] = new RgbdFrame(cameras.get(i).width(), cameras.get(i).height());
        }
        this.features = recorded.features();
        this.files = new Path[features.size()];
        this.stepFrames = new byte[features.size()][];
    }

    /** The wrapped recorder. */
    public FrameRecorder frames() {
        return frames;
    }

    /**
     * Starts the next episode's videos: run episode {@code job}, encoded into files in {@code dir}
     * (on the dataset's file system, see {@link dev.mantis.robot.dataset.DatasetWriter#videoScratch()}).
     */
    public void start(int job, Path dir) throws IOException {
        abandon();
        this.job = job;
        this.frame = 0;
        List<VideoEncoder.Output> outputs = new java.util.ArrayList<>();
        for (int k = 0; k < features.size(); k++) {
            CameraSpec c = cameras.get(k % cameras.size());
            files[k] = dir.resolve("episode-" + job + "-" + features.get(k) + ".mp4");
            outputs.add(new VideoEncoder.Output(files[k], c.width(), c.height()));
        }
        encoder = VideoEncoder.start(outputs, (int) Task.CONTROL_HZ, recorded.settings());
    }

    /** Ends the episode's videos and hands the files over; null if no frame was recorded. */
    public EpisodeVideos finish() throws IOException {
        if (frame == 0) {
            abandon();
            return null;
        }
        encoder.finish();
        encoder = null;
        Map<String, Path> out = new LinkedHashMap<>();
        for (int k = 0; k < features.size(); k++) {
            out.put(features.get(k), files[k]);
        }
        return new EpisodeVideos(out);
    }

    /** Stops unfinished encodes and deletes their files. */
    public void abandon() throws IOException {
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
    }

    @Override
    public void begin(Scene scene) {
        frames.begin(scene);
        SolvedConfiguration solved = SolvedConfiguration.of(task, scene);
        Map<Articulation, double[]> goalJoints = new IdentityHashMap<>();
        double[] robot = scene.robot(0).dofPositionsAt(solved.armPositions(), solved.gripperWidth());
        goalJoints.put(scene.robot(0).articulation(), robot);
        for (SolvedConfiguration.ObjectJoint j : solved.objectJoints()) {
            Articulation a = scene.articulatedBody(j.object());
            double[] p = goalJoints.computeIfAbsent(a, k -> {
                double[] now = new double[k.dof()];
                for (int i = 0; i < now.length; i++) {
                    now[i] = k.position(i);
                }
                return now;
            });
            for (int i = 0; i < a.dof(); i++) {
                if (a.joint(i).name().equals(j.joint())) {
                    p[i] = j.position();
                }
            }
        }
        SceneState saved = scene.snapshot();
        try {
            solved.T_world_objects().forEach(scene::setObjectPose);
            for (int i = 0; i < cameras.size(); i++) {
                renderer.render(scene, cameras.get(i).camera(scene, robot), images[i], goalJoints);
                goals[i] = images[i].rgb.clone();
            }
        } finally {
            scene.restore(saved);
        }
    }

    @Override
    public void before(Scene scene, int step) {
        frames.before(scene, step);
        try {
            int n = cameras.size();
            for (int i = 0; i < n; i++) {
                renderer.render(scene, cameras.get(i).camera(scene), images[i]);
                stepFrames[i] = images[i].rgb;
                stepFrames[n + i] = goals[i];
            }
            for (int k = 0; k < stepFrames.length; k++) {
                recorded.observer().frame(job, features.get(k), frame, stepFrames[k]);
            }
            encoder.write(stepFrames);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        frame++;
    }

    @Override
    public Action choose(Scene scene, Action proposed) {
        return frames.choose(scene, proposed);
    }

    @Override
    public void safety(List<SafetyEvent> events) {
        frames.safety(events);
    }

    @Override
    public void after(Action applied, double reward, boolean done, boolean success) {
        frames.after(applied, reward, done, success);
    }
}
