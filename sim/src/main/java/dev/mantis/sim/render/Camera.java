package dev.mantis.sim.render;

import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;

/**
 * A pinhole camera: intrinsics in pixels and its pose in the world.
 *
 * <p>Camera frame, OpenCV convention: x to the right of the image, y down the image, z forward
 * along the optical axis. A point p_camera = (x, y, z) with z &gt; 0 projects to pixel
 * (u, v) = (fx x / z + cx, fy y / z + cy), where u is the column and v the row, and integer
 * (u, v) is the centre of pixel [v][u] (the image spans u in [-0.5, width - 0.5]).
 *
 * @param width image width, pixels, &gt; 0
 * @param height image height, pixels, &gt; 0
 * @param fx focal length along x, pixels
 * @param fy focal length along y, pixels
 * @param cx principal point column, pixels
 * @param cy principal point row, pixels
 * @param near near clipping distance along the optical axis, metres (&gt; 0)
 * @param far far clipping distance, metres (&gt; near); farther surfaces are background
 * @param T_world_camera pose of the camera frame in the world
 */
public record Camera(int width, int height, double fx, double fy, double cx, double cy, double near, double far,
        Transform T_world_camera) {

    /** Default near clipping distance, metres. */
    public static final double NEAR = 0.01;
    /** Default far clipping distance, metres. */
    public static final double FAR = 10.0;

    public Camera {
        if (width <= 0 || height <= 0 || width > 8192 || height > 8192) {
            throw new IllegalArgumentException("camera image size must be 1..8192 pixels, got " + width + "x" + height);
        }
        if (!(fx > 0) || !(fy > 0) || !Double.isFinite(fx) || !Double.isFinite(fy)) {
            throw new IllegalArgumentException("camera focal lengths must be positive finite pixels, got fx=" + fx
                    + " fy=" + fy);
        }
        if (!Double.isFinite(cx) || !Double.isFinite(cy)) {
            throw new IllegalArgumentException("camera principal point must be finite, got " + cx + ", " + cy);
        }
        if (!(near > 0) || !(far > near) || !Double.isFinite(far)) {
            throw new IllegalArgumentException("camera clipping needs 0 < near < far < inf, got near=" + near
                    + " far=" + far);
        }
        if (!T_world_camera.translation().isFinite()) {
            throw new IllegalArgumentException("camera pose must be finite: " + T_world_camera);
        }
    }

    /**
     * A camera with square pixels and the principal point at the image centre.
     *
     * @param fovY vertical field of view, radians, in (0, pi)
     */
    public static Camera ofFovY(int width, int height, double fovY, Transform T_world_camera) {
        if (!(fovY > 0 && fovY < Math.PI)) {
            throw new IllegalArgumentException("vertical field of view must be in (0, pi) radians, got " + fovY);
        }
        double f = height / 2.0 / Math.tan(fovY / 2);
        return new Camera(width, height, f, f, (width - 1) / 2.0, (height - 1) / 2.0, NEAR, FAR, T_world_camera);
    }

    /**
     * The pose T_world_camera of a camera at {@code eye} looking at {@code target}, with the world
     * direction {@code up} pointing up in the image (it must not be parallel to the view direction).
     */
    public static Transform lookAt(Vec3 eye, Vec3 target, Vec3 up) {
        double[] z = normalize(target.x() - eye.x(), target.y() - eye.y(), target.z() - eye.z());
        // x (image right) = z cross up; y (image down) = z cross x
        double[] x = normalize(z[1] * up.z() - z[2] * up.y(), z[2] * up.x() - z[0] * up.z(),
                z[0] * up.y() - z[1] * up.x());
        double[] y = {z[1] * x[2] - z[2] * x[1], z[2] * x[0] - z[0] * x[2], z[0] * x[1] - z[1] * x[0]};
        return Transform.of(new double[] {x[0], y[0], z[0], x[1], y[1], z[1], x[2], y[2], z[2]}, eye);
    }

    private static double[] normalize(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        if (!(n > 1e-12)) {
            throw new IllegalArgumentException("camera lookAt: eye equals target, or up is parallel to the view "
                    + "direction");
        }
        return new double[] {x / n, y / n, z / n};
    }

    /** Vertical field of view, radians. */
    public double fovY() {
        return 2 * Math.atan(height / 2.0 / fy);
    }

    /** Same intrinsics at another pose. */
    public Camera withPose(Transform T_world_camera) {
        return new Camera(width, height, fx, fy, cx, cy, near, far, T_world_camera);
    }

    /**
     * Projects a world point to pixel coordinates (u, v), or null when it is behind the camera.
     */
    public double[] project(Vec3 p_world) {
        Vec3 p = T_world_camera.inverse().apply(p_world);
        if (!(p.z() > 0)) {
            return null;
        }
        return new double[] {fx * p.x() / p.z() + cx, fy * p.y() / p.z() + cy};
    }
}
