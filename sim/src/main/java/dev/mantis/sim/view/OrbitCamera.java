package dev.mantis.sim.view;

import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.render.Camera;

/**
 * The viewer's camera: it looks at a target point from {@code distance} metres, its eye turned by
 * {@code yaw} about the world's vertical (z) axis and raised by {@code pitch} above the target's
 * horizontal plane. Dragging orbits (yaw, pitch), the wheel zooms (distance), dragging with the
 * other button pans (moves the target in the image plane). Mutable; used from one thread.
 */
public final class OrbitCamera {

    /** Orbit per dragged pixel, radians. */
    public static final double RADIANS_PER_PIXEL = 0.005;
    /** Distance factor per wheel notch (in: divide, out: multiply). */
    public static final double ZOOM_PER_NOTCH = 1.1;
    /** Pitch limits, radians: a little below the horizon to almost straight down. */
    public static final double MIN_PITCH = Math.toRadians(-10);
    public static final double MAX_PITCH = Math.toRadians(89);
    /** Distance limits, metres. */
    public static final double MIN_DISTANCE = 0.1;
    public static final double MAX_DISTANCE = 10;
    /** Vertical field of view, radians. */
    public static final double FOV_Y = Math.toRadians(45);

    private Vec3 target;
    private double yaw;
    private double pitch;
    private double distance;

    /** A camera at these coordinates (clamped to the limits). */
    public OrbitCamera(Vec3 target, double yaw, double pitch, double distance) {
        this.target = target;
        this.yaw = yaw;
        this.pitch = clamp(pitch, MIN_PITCH, MAX_PITCH);
        this.distance = clamp(distance, MIN_DISTANCE, MAX_DISTANCE);
    }

    /** The default view of a task scene: the table and the robot from the front right, above. */
    public static OrbitCamera overview() {
        return new OrbitCamera(new Vec3(-0.15, 0, 0.27), Math.toRadians(-40), Math.toRadians(26), 1.6);
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    /**
     * Orbits by a mouse drag of ({@code dx}, {@code dy}) pixels (x right, y down the screen):
     * dragging right turns the scene to the right (the eye moves left), dragging down raises the
     * eye.
     */
    public void orbit(double dx, double dy) {
        yaw -= dx * RADIANS_PER_PIXEL;
        yaw = Math.IEEEremainder(yaw, 2 * Math.PI);
        pitch = clamp(pitch + dy * RADIANS_PER_PIXEL, MIN_PITCH, MAX_PITCH);
    }

    /** Zooms by wheel notches: positive moves in (closer), negative out; clamped to the distance limits. */
    public void zoom(double notches) {
        distance = clamp(distance * Math.pow(ZOOM_PER_NOTCH, -notches), MIN_DISTANCE, MAX_DISTANCE);
    }

    /**
     * Pans by a drag of ({@code dx}, {@code dy}) pixels in an image {@code height} pixels tall:
     * the point under the mouse at the target's depth stays under the mouse.
     */
    public void pan(double dx, double dy, int height) {
        double metresPerPixel = 2 * distance * Math.tan(FOV_Y / 2) / height;
        Transform T = pose();
        // image right is the camera's x axis, image down its y axis (OpenCV frame)
        double ox = -dx * metresPerPixel;
        double oy = -dy * metresPerPixel;
        target = new Vec3(target.x() + ox * T.rotation(0, 0) + oy * T.rotation(0, 1),
                target.y() + ox * T.rotation(1, 0) + oy * T.rotation(1, 1),
                target.z() + ox * T.rotation(2, 0) + oy * T.rotation(2, 1));
    }

    /** The point looked at, world frame, metres. */
    public Vec3 target() {
        return target;
    }

    /** Azimuth of the eye about the target, radians, in [-pi, pi]; 0 puts the eye on the target's +x side. */
    public double yaw() {
        return yaw;
    }

    /** Elevation of the eye above the target, radians. */
    public double pitch() {
        return pitch;
    }

    /** Eye to target, metres. */
    public double distance() {
        return distance;
    }

    /** The eye's position, world frame. */
    public Vec3 eye() {
        double c = Math.cos(pitch);
        return new Vec3(target.x() + distance * c * Math.cos(yaw), target.y() + distance * c * Math.sin(yaw),
                target.z() + distance * Math.sin(pitch));
    }

    /** T_world_camera: the eye looking at the target, world z up in the image (OpenCV camera frame). */
    public Transform pose() {
        return Camera.lookAt(eye(), target, new Vec3(0, 0, 1));
    }

    /** The pinhole camera this view is for an image of {@code width} x {@code height} pixels. */
    public Camera camera(int width, int height) {
        return Camera.ofFovY(width, height, FOV_Y, pose());
    }
}
