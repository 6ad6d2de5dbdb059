package dev.mantis.sim.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.render.Camera;
import dev.mantis.sim.task.PolicyFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer for real under an X display (Xvfb + Mesa in CI): a window draws a live run with its
 * overlay, and the off-screen view shows the robot, the objects and the goal ghosts where the
 * camera projects them. Without DISPLAY the tests skip when CI is unset and fail when it is set.
 */
class ViewerRenderTest {

    static final int W = 640;
    static final int H = 480;

    /** Keeps the one frame a viewer writes. */
    static final class Keep implements FrameSink {
        int width;
        int height;
        byte[] rgb;

        @Override
        public void write(int w, int h, byte[] pixels) {
            width = w;
            height = h;
            rgb = pixels.clone();
        }

        @Override
        public void close() {
        }

        int[] at(int u, int v) {
            int i = 3 * (v * width + u);
            return new int[] {rgb[i] & 0xff, rgb[i + 1] & 0xff, rgb[i + 2] & 0xff};
        }
    }

    static void assumeDisplayOrCi() {
        boolean display = System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank();
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
        Assumptions.assumeTrue(display || ci, "skipped: DISPLAY is unset and CI is unset; for these tests run "
                + "scripts/install-deps.sh, then Xvfb :99 -screen 0 1280x1024x24 & and DISPLAY=:99");
    }

    /** Pixels of the overlay's text (near white) inside the overlay panel at the top left. */
    static int overlayTextPixels(Keep k) {
        int n = 0;
        for (int v = 0; v < 90; v++) {
            for (int u = 0; u < W / 2; u++) {
                int[] c = k.at(u, v);
                if (c[0] > 220 && c[1] > 220 && c[2] > 220) {
                    n++;
                }
            }
        }
        return n;
    }

    static int colours(Keep k) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < k.rgb.length; i += 3) {
            seen.add((k.rgb[i] & 0xff) << 16 | (k.rgb[i + 1] & 0xff) << 8 | (k.rgb[i + 2] & 0xff));
        }
        return seen.size();
    }

    @Test
    void windowDrawsTheRunWithItsOverlay() {
        assumeDisplayOrCi();
        Keep k = new Keep();
        try (LivePlayback p = new LivePlayback(LivePlaybackTest.task("pick_place"), PolicyFactory.ORACLE, "oracle", 0,
                0)) {
            // running (not paused): the episode steps on jME's thread while the window draws 30 frames
            ViewerApp app = new ViewerApp(p, OrbitCamera.overview(), false, k, 30);
            Viewer.run(app, com.jme3.system.JmeContext.Type.Display, W, H, Viewer.title(p), true);
            assertTrue(p.frame() > 0, "the run advanced while the window was open");
        }
        assertEquals(W, k.width);
        assertEquals(H, k.height);
        assertTrue(colours(k) > 200, "a rendered scene has many colours, got " + colours(k));
        int text = overlayTextPixels(k);
        assertTrue(text > 300, "overlay text pixels in the top left: " + text);
        int[] sky = k.at(W - 5, 5);
        int[] underPanel = k.at(12, 12);
        assertTrue(underPanel[2] < sky[2] - 40, "the overlay panel darkens the sky: " + underPanel[2] + " vs " + sky[2]);
    }

    @Test
    void offscreenViewShowsObjectGhostAndRobotWhereTheyProject(@TempDir Path dir) throws Exception {
        assumeDisplayOrCi();
        Keep k = new Keep();
        OrbitCamera orbit = OrbitCamera.overview();
        Vec3 cube;
        Vec3 ghost;
        try (LivePlayback p = new LivePlayback(LivePlaybackTest.task("pick_place"), PolicyFactory.ORACLE, "oracle", 0,
                0)) {
            cube = p.scene().objectPose("cube").translation();
            ghost = p.goal().scene().objectPose("cube").translation();
            Viewer.render(p, orbit, W, H, k);
            Path png = dir.resolve("view.png");
            Viewer.render(p, orbit, W, H, new PngSink(png)); // a second context in the same process, after the first
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
            assertEquals(W, image.getWidth());
            assertEquals(H, image.getHeight());
            int[] c = k.at(W / 2, H / 2);
            assertEquals((c[0] << 16) | (c[1] << 8) | c[2], image.getRGB(W / 2, H / 2) & 0xffffff,
                    "the PNG holds the rendered pixels");
        }
        assertTrue(Math.hypot(ghost.x() - cube.x(), ghost.y() - cube.y()) > 0.1, "the goal is away from the start: " + cube + " " + ghost);
        Camera camera = orbit.camera(W, H);
        int[] atCube = at(k, camera.project(cube));
        assertTrue(atCube[0] > atCube[1] + 80 && atCube[0] > atCube[2] + 80, "the red cube: " + rgb(atCube));
        int[] atGhost = at(k, camera.project(ghost));
        int[] table = at(k, camera.project(new Vec3(ghost.x(), ghost.y() + 0.15, 0)));
        assertTrue(atGhost[0] - atGhost[1] > table[0] - table[1] + 20,
                "the translucent red ghost over the table: " + rgb(atGhost) + " vs table " + rgb(table));
        int[] robot = at(k, camera.project(new Vec3(-0.615, 0, 0.25)));
        int[] sky = k.at(W - 5, 5);
        assertTrue(Math.abs(robot[2] - sky[2]) + Math.abs(robot[0] - sky[0]) > 40
                && Math.abs(robot[0] - table[0]) + Math.abs(robot[2] - table[2]) > 40,
                "the robot's base link: " + rgb(robot) + " (sky " + rgb(sky) + ", table " + rgb(table) + ")");
    }

    @Test
    void sinksByExtension() throws Exception {
        assertTrue(FrameSinks.open(Path.of("a.PNG")) instanceof PngSink);
        try (FrameSink mp4 = FrameSinks.open(Path.of("out/run.mp4"))) {
            assertTrue(mp4 instanceof Mp4Sink && mp4.wholeEpisode());
            var e = assertThrows(IllegalArgumentException.class, () -> mp4.write(161, 120, new byte[3 * 161 * 120]));
            assertEquals("out/run.mp4: an MP4 needs an even width and height, got 161x120; give --size with even "
                    + "numbers", e.getMessage());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> FrameSinks.open(Path.of("run.gif")));
        assertEquals("run.gif: unknown output type; give FILE.png or FILE.mp4", e.getMessage());
    }

    static int[] at(Keep k, double[] uv) {
        return k.at((int) Math.round(uv[0]), (int) Math.round(uv[1]));
    }

    static String rgb(int[] c) {
        return c[0] + "," + c[1] + "," + c[2];
    }
}
