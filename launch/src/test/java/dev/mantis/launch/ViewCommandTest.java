package dev.mantis.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.launch.dataset.ReplayCommand;
import dev.mantis.robot.dataset.DatasetReader;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.render.Camera;
import dev.mantis.sim.view.OrbitCamera;
import dev.mantis.sim.view.RecordedPlayback;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mantis render} and {@code mantis view} as a user runs them. The rendering tests need an X
 * display (.ci/run starts Xvfb): without DISPLAY they skip when CI is unset and fail when it is set.
 */
class ViewCommandTest {

    static void assumeDisplayOrCi() {
        boolean display = System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank();
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
        Assumptions.assumeTrue(display || ci, "skipped: DISPLAY is unset and CI is unset; for these tests run "
                + "scripts/install-deps.sh, then Xvfb :99 -screen 0 1280x1024x24 & and DISPLAY=:99");
    }

    static int rgb(BufferedImage image, double[] uv) {
        return image.getRGB((int) Math.round(uv[0]), (int) Math.round(uv[1])) & 0xffffff;
    }

    static boolean red(int rgb) {
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        return r > g + 80 && r > b + 80;
    }

    @Test
    void renderWritesThePngWithTheCubeAndRobotWhereTheyProject(@TempDir Path dir) throws Exception {
        assumeDisplayOrCi();
        Path png = dir.resolve("pick.png");
        var r = RobotInspectCommandTest.run("render", "--task", "pick_place", "--seed", "0", "--size", "480x360",
                "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote " + png, r.out().strip());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(480, image.getWidth());
        assertEquals(360, image.getHeight());
        // where the cube starts: the same reset the viewer made (eval's episode 0 for seed 0)
        Vec3 cube;
        try (var p = new dev.mantis.sim.view.LivePlayback(dev.mantis.launch.task.TaskSource.task("pick_place"),
                dev.mantis.sim.task.PolicyFactory.ORACLE, "oracle", 0, 0)) {
            cube = p.scene().objectPose("cube").translation();
        }
        Camera camera = OrbitCamera.overview().camera(480, 360);
        assertTrue(red(rgb(image, camera.project(cube))), String.format("red cube at its projection: %06x",
                rgb(image, camera.project(cube))));
        int sky = image.getRGB(475, 5) & 0xffffff;
        int table = rgb(image, camera.project(new Vec3(0.3, 0.3, 0)));
        int robot = rgb(image, camera.project(new Vec3(-0.615, 0, 0.25)));
        assertTrue(robot != sky && robot != table && !red(robot), String.format("robot base %06x, sky %06x, "
                + "table %06x", robot, sky, table));
    }

    @Test
    void datasetEpisodeIsReplayedAndScrubbable(@TempDir Path dir) throws Exception {
        assumeDisplayOrCi();
        Path data = dir.resolve("data");
        var c = RobotInspectCommandTest.run("collect", "--task", "pick_place", "--episodes", "1", "--workers", "1",
                "--out", data.toString());
        assertEquals(0, c.code(), c.err());
        DatasetReader reader = DatasetReader.open(data);
        int length = reader.episodes().get(0).length() > 0 ? (int) reader.episodes().get(0).length() : -1;
        List<Vec3> hand = new ArrayList<>();
        try (RecordedPlayback p = new RecordedPlayback(ReplayCommand.taskSpec(data, "pick_place"), reader.episode(0),
                ReplayCommand.frameBuffer(reader), "data")) {
            assertTrue(p.replay().matches(), p.replay().detail());
            assertEquals(length + 1, p.frames(), "a frame per recorded step and the end");
            while (true) {
                hand.add(hand(p));
                if (!p.advance()) {
                    break;
                }
            }
            assertEquals("success", p.status().ended());
            assertTrue(p.status().success());
            p.seek(5);
            assertEquals(5, p.frame());
            assertEquals(hand.get(5), hand(p), "scrubbing back shows the robot where it was at that frame");
            p.reset();
            assertEquals(hand.get(0), hand(p));
            assertFalse(hand.get(0).equals(hand.get(length)), "the hand moved during the episode");
        }
        Path png = dir.resolve("ep0.png");
        var r = RobotInspectCommandTest.run("render", data.toString(), "--episode", "0", "--frame", "10", "--out",
                png.toString(), "--size", "320x240");
        assertEquals(0, r.code(), r.err());
        assertEquals(320, ImageIO.read(png.toFile()).getWidth());
        var past = RobotInspectCommandTest.run("render", data.toString(), "--frame", "100000", "--out",
                png.toString());
        assertEquals(2, past.code());
        assertEquals("mantis: --frame 100000: the episode ends at frame " + length, past.err().strip());
    }

    static Vec3 hand(RecordedPlayback p) {
        var a = p.scene().robot(0).articulation();
        Transform T = a.T_world_body(a.layout().bodies().size() - 1);
        return T.translation();
    }

    @Test
    void mp4HoldsEveryStepFromTheFrameToTheEpisodesEnd(@TempDir Path dir) throws Exception {
        assumeDisplayOrCi();
        Path mp4 = dir.resolve("reach.mp4");
        var r = RobotInspectCommandTest.run("render", "--task", "reach", "--frame", "10", "--size", "160x120",
                "--out", mp4.toString());
        assertEquals(0, r.code(), r.err());
        int steps = 0;
        try (var p = new dev.mantis.sim.view.LivePlayback(dev.mantis.launch.task.TaskSource.task("reach"),
                dev.mantis.sim.task.PolicyFactory.ORACLE, "oracle", 0, 0)) {
            while (p.advance()) {
                steps++;
            }
        }
        List<byte[]> frames = dev.mantis.robot.dataset.video.VideoDecoder.frames(mp4, 0, 10_000, 160, 120, 20);
        assertEquals(steps + 1 - 10, frames.size(), "frames 10.." + steps + " of the episode");
        assertFalse(java.util.Arrays.equals(frames.get(0), frames.get(frames.size() - 1)), "the arm moves");
    }

    @Test
    void unknownOutputTypeIsOneLine(@TempDir Path dir) {
        var r = RobotInspectCommandTest.run("render", "--task", "reach", "--out", dir.resolve("a.gif").toString());
        assertEquals(2, r.code());
        assertEquals("mantis: " + dir.resolve("a.gif") + ": unknown output type; give FILE.png or FILE.mp4",
                r.err().strip());
    }

    @Test
    void taskOrDatasetExactlyOne() {
        var r = RobotInspectCommandTest.run("render", "--out", "x.png");
        assertEquals(2, r.code());
        assertEquals("mantis: give a task (--task ID) or a dataset (DATASET --episode K), one of the two",
                r.err().strip());
        var size = RobotInspectCommandTest.run("view", "--task", "reach", "--size", "big");
        assertEquals(2, size.code());
        assertEquals("mantis: --size big: give WIDTHxHEIGHT in pixels, 16 to 8192 each, e.g. 1280x720",
                size.err().strip());
    }

    @Test
    void helpOfEachVerbHasAnExample() {
        for (String verb : new String[] {"view", "render"}) {
            var r = RobotInspectCommandTest.run(verb, "--help");
            assertEquals(0, r.code());
            assertTrue(r.out().contains("Examples:") && r.out().contains("  mantis " + verb + " --task hanoi"),
                    r.out());
        }
    }

    @Test
    void noDisplayIsExitTwoWithTheFix() throws Exception {
        // a fresh JVM without DISPLAY: the viewer must refuse in one line, never exit 0 having drawn nothing
        for (String verb : new String[] {"view", "render"}) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), "dev.mantis.launch.Main", verb, "--task",
                    "reach"));
            if (verb.equals("render")) {
                cmd.addAll(List.of("--out", "never.png"));
            }
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().remove("DISPLAY");
            pb.environment().remove("WAYLAND_DISPLAY");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, p.waitFor(), out);
            assertTrue(out.strip().startsWith("mantis: no OpenGL context for the viewer: DISPLAY is unset; start "
                    + "Xvfb"), out);
            assertFalse(Files.exists(Path.of("never.png")));
        }
    }
}
