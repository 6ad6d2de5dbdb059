package dev.mantis.sim.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.render.Camera;
import org.junit.jupiter.api.Test;

/** Orbit, zoom and pan of the viewer's camera, without a window. */
class OrbitCameraTest {

    static final double EPS = 1e-9;

    @Test
    void eyeSitsAtDistanceAlongYawAndPitch() {
        OrbitCamera c = new OrbitCamera(new Vec3(1, 2, 3), Math.PI / 2, Math.PI / 6, 2);
        Vec3 eye = c.eye();
        assertEquals(1, eye.x(), EPS);
        assertEquals(2 + 2 * Math.cos(Math.PI / 6), eye.y(), EPS);
        assertEquals(3 + 2 * Math.sin(Math.PI / 6), eye.z(), EPS);
    }

    @Test
    void targetProjectsToTheImageCentreAndUpStaysUp() {
        OrbitCamera c = OrbitCamera.overview();
        c.orbit(123, -45);
        Camera cam = c.camera(640, 480);
        double[] uv = cam.project(c.target());
        assertEquals(319.5, uv[0], 1e-6);
        assertEquals(239.5, uv[1], 1e-6);
        double[] above = cam.project(new Vec3(c.target().x(), c.target().y(), c.target().z() + 0.1));
        assertEquals(319.5, above[0], 1e-6, "a point straight above the target is straight above it in the image");
        assertEquals(true, above[1] < uv[1], "world up is image up");
    }

    @Test
    void dragRightTurnsYawNegativeAndDragDownRaisesTheEye() {
        OrbitCamera c = new OrbitCamera(new Vec3(0, 0, 0), 0, 0.2, 1);
        c.orbit(100, 0);
        assertEquals(-100 * OrbitCamera.RADIANS_PER_PIXEL, c.yaw(), EPS);
        c.orbit(0, 40);
        assertEquals(0.2 + 40 * OrbitCamera.RADIANS_PER_PIXEL, c.pitch(), EPS);
    }

    @Test
    void pitchAndDistanceAreClamped() {
        OrbitCamera c = new OrbitCamera(new Vec3(0, 0, 0), 0, 0, 1);
        c.orbit(0, 1e6);
        assertEquals(OrbitCamera.MAX_PITCH, c.pitch(), EPS);
        c.orbit(0, -1e6);
        assertEquals(OrbitCamera.MIN_PITCH, c.pitch(), EPS);
        c.zoom(1000);
        assertEquals(OrbitCamera.MIN_DISTANCE, c.distance(), EPS);
        c.zoom(-1000);
        assertEquals(OrbitCamera.MAX_DISTANCE, c.distance(), EPS);
    }

    @Test
    void wheelNotchesZoomGeometrically() {
        OrbitCamera c = new OrbitCamera(new Vec3(0, 0, 0), 0, 0, 2);
        c.zoom(2);
        assertEquals(2 / (OrbitCamera.ZOOM_PER_NOTCH * OrbitCamera.ZOOM_PER_NOTCH), c.distance(), EPS);
        c.zoom(-2);
        assertEquals(2, c.distance(), EPS);
    }

    @Test
    void panKeepsThePointUnderTheMouseAtTargetDepth() {
        OrbitCamera c = OrbitCamera.overview();
        Vec3 before = c.target();
        Camera cam0 = c.camera(800, 600);
        c.pan(50, -30, 600);
        Camera cam1 = c.camera(800, 600);
        // the old target moved by the drag in the image
        double[] uv0 = cam0.project(before);
        double[] uv1 = cam1.project(before);
        assertEquals(50, uv1[0] - uv0[0], 1e-6);
        assertEquals(-30, uv1[1] - uv0[1], 1e-6);
        Transform T0 = cam0.T_world_camera();
        Transform T1 = cam1.T_world_camera();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(T0.rotation(i, j), T1.rotation(i, j), EPS, "panning does not turn the camera");
            }
        }
    }
}
