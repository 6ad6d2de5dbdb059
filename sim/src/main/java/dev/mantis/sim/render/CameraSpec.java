package dev.mantis.sim.render;

import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.articulation.Articulation;
import dev.mantis.sim.articulation.SimBody;
import dev.mantis.sim.scene.Scene;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named camera of a task: pinhole intrinsics in pixels (see {@link Camera} for the OpenCV
 * conventions) and where it is, either fixed in the world ({@code link} empty, T_parent_camera =
 * T_world_camera) or mounted on a link of the scene's first robot (T_parent_camera =
 * T_link_camera, e.g. a wrist camera that moves with the hand).
 *
 * @param name camera name, lower-case letters, digits and underscores; the dataset feature is
 *     {@code observation.images.NAME}
 * @param width image width, pixels
 * @param height image height, pixels
 * @param fx focal length along x, pixels
 * @param fy focal length along y, pixels
 * @param cx principal point column, pixels
 * @param cy principal point row, pixels
 * @param link the robot link it is mounted on, or "" for a camera fixed in the world
 * @param T_parent_camera the camera frame in the world (fixed) or in the link frame (mounted)
 */
public record CameraSpec(String name, int width, int height, double fx, double fy, double cx, double cy, String link,
        Transform T_parent_camera) {

    /** Default image side, pixels. */
    public static final int DEFAULT_SIZE = 128;

    public CameraSpec {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("camera name '" + name + "' must be lower-case letters, digits and "
                    + "underscores");
        }
        // the same checks a Camera makes
        new Camera(width, height, fx, fy, cx, cy, Camera.NEAR, Camera.FAR, T_parent_camera);
    }

    /** A camera with square pixels, the principal point at the image centre and vertical field of view {@code fovY} (radians). */
    public static CameraSpec ofFovY(String name, int width, int height, double fovY, String link,
            Transform T_parent_camera) {
        Camera c = Camera.ofFovY(width, height, fovY, T_parent_camera);
        return new CameraSpec(name, width, height, c.fx(), c.fy(), c.cx(), c.cy(), link, T_parent_camera);
    }

    /**
     * The cameras every task has unless its YAML redefines them: {@code front} (across the table,
     * facing the robot), {@code top} (looking straight down at the table) and {@code wrist}
     * (on {@code eeLink}, looking along the tool's z axis past the fingers), all 128x128.
     */
    public static List<CameraSpec> defaults(String eeLink) {
        int s = DEFAULT_SIZE;
        return List.of(
                ofFovY("front", s, s, Math.toRadians(50), "",
                        Camera.lookAt(new Vec3(0.75, 0, 0.55), new Vec3(-0.1, 0, 0.05), new Vec3(0, 0, 1))),
                ofFovY("top", s, s, Math.toRadians(60), "",
                        Camera.lookAt(new Vec3(0, 0, 1.3), new Vec3(0, 0, 0), new Vec3(1, 0, 0))),
                ofFovY("wrist", s, s, Math.toRadians(75), eeLink,
                        Transform.translation(new Vec3(0.06, 0, -0.1))));
    }

    /** Whether it moves with a robot link. */
    public boolean mounted() {
        return !link.isEmpty();
    }

    /** The same camera with another image size, the intrinsics scaled to keep its field of view. */
    public CameraSpec withImageSize(int newWidth, int newHeight) {
        double sx = (double) newWidth / width;
        double sy = (double) newHeight / height;
        return new CameraSpec(name, newWidth, newHeight, fx * sx, fy * sy, (cx + 0.5) * sx - 0.5,
                (cy + 0.5) * sy - 0.5, link, T_parent_camera);
    }

    /**
     * The camera as it is in {@code scene} now (a mounted camera follows its link).
     *
     * @throws IllegalArgumentException if the scene's first robot has no such link
     */
    public Camera camera(Scene scene) {
        return camera(scene, null);
    }

    /**
     * The camera with the scene's first robot at {@code robotDofPositions} (one per degree of
     * freedom of its articulation; null: where it is), see
     * {@link SceneRenderer#render(Scene, Camera, RgbdFrame, Map)}.
     */
    public Camera camera(Scene scene, double[] robotDofPositions) {
        Transform T_world_camera = mounted() ? T_world_link(scene, robotDofPositions).compose(T_parent_camera)
                : T_parent_camera;
        return new Camera(width, height, fx, fy, cx, cy, Camera.NEAR, Camera.FAR, T_world_camera);
    }

    /** Pose of this camera's link on the scene's first robot, from its joint positions. */
    private Transform T_world_link(Scene scene, double[] robotDofPositions) {
        Articulation a = scene.robot(0).articulation();
        for (SimBody body : a.layout().bodies()) {
            Transform T_body_link = body.links().get(link);
            if (T_body_link != null) {
                Transform[] bodies = robotDofPositions == null ? a.T_world_bodies() : a.T_world_bodies(robotDofPositions);
                return bodies[body.index()].compose(T_body_link);
            }
        }
        throw new IllegalArgumentException("camera '" + name + "': robot '" + a.layout().model().name() + "' has no link '"
                + link + "'");
    }

    /**
     * The camera's intrinsics and extrinsics as dataset feature info (info.json): camera.fx, fy,
     * cx, cy (pixels), camera.parent ("world" or the link) and camera.T_parent_camera (4x4,
     * row-major, metres).
     */
    public Map<String, Object> info() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("camera.fx", fx);
        m.put("camera.fy", fy);
        m.put("camera.cx", cx);
        m.put("camera.cy", cy);
        m.put("camera.parent", mounted() ? link : "world");
        List<Double> T = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                T.add(T_parent_camera.rotation(r, c));
            }
            T.add(r == 0 ? T_parent_camera.translation().x() : r == 1 ? T_parent_camera.translation().y()
                    : T_parent_camera.translation().z());
        }
        T.addAll(List.of(0.0, 0.0, 0.0, 1.0));
        m.put("camera.T_parent_camera", T);
        return m;
    }
}
