package dev.mantis.sim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.assets.BundledTasks;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;
import dev.mantis.sim.task.TaskSpecException;
import dev.mantis.sim.task.TaskSpecReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Task cameras: declared in YAML, defaults on every core task, mounted cameras following their
 * link, articulated objects and fixtures drawn. One renderer draws every scene.
 */
class TaskCamerasTest {

    private static final String HEAD = "id: a\nrobot: panda\nhorizon: 5\nobjects: []\n"
            + "goal: {type: reach, x: 0, y: 0, z: 0.1, tolerance: 0.01}\ncameras:\n";

    private static Task task(String id) {
        return new Task(TaskSpecReader.read(BundledTasks.yaml(id).orElseThrow(), id + ".yaml"));
    }

    @Test
    void yamlCamerasReplaceAndAddToTheDefaults() {
        TaskSpec spec = TaskSpecReader.read(HEAD
                + "  - {name: front, position: [1, 0, 0.5], look_at: [0, 0, 0], fov: 40, size: [64, 48]}\n"
                + "  - {name: side, position: [0, 1, 0.5], rpy: [-2.0, 0, 3.14], intrinsics: [50, 50, 31.5, 23.5],"
                + " size: [64, 48]}\n"
                + "  - {name: palm, link: panda_hand, position: [0, 0, 0.05]}\n", "t.yaml");
        Task task = new Task(spec);
        assertEquals(List.of("front", "top", "wrist", "side", "palm"), task.cameras().stream()
                .map(CameraSpec::name).toList());
        CameraSpec front = task.cameras().get(0);
        assertEquals(64, front.width());
        assertEquals(48, front.height());
        assertEquals(Math.toRadians(40), 2 * Math.atan(24 / front.fy()), 1e-12);
        assertEquals(50, task.cameras(List.of("side")).get(0).fx());
        assertTrue(task.cameras(List.of("palm")).get(0).mounted());
        CameraSpec scaled = front.withImageSize(128, 96);
        assertEquals(2 * front.fx(), scaled.fx(), 1e-12);
        assertEquals(63.5, scaled.cx(), 1e-12);
        var e = assertThrows(IllegalArgumentException.class, () -> task.cameras(List.of("back")));
        assertEquals("task 'a' has no camera 'back'; it has [front, top, wrist, side, palm]", e.getMessage());
    }

    @Test
    void badCamerasNameFileAndLine() {
        assertEquals("t.yaml:7: cameras[0]: a fixed camera needs look_at or rpy to say where it looks",
                assertThrows(TaskSpecException.class, () -> TaskSpecReader.read(HEAD
                        + "  - {name: front, position: [1, 0, 0.5]}\n", "t.yaml")).getMessage());
        assertEquals("t.yaml:7: cameras[0].fov: 200.0 degrees is outside (0, 180); give the vertical field of view "
                + "in degrees", assertThrows(TaskSpecException.class, () -> TaskSpecReader.read(HEAD
                        + "  - {name: front, position: [1, 0, 0.5], look_at: [0, 0, 0], fov: 200}\n", "t.yaml"))
                .getMessage());
        assertEquals("t.yaml:8: cameras[1]: a second camera named 'x'; names must be unique",
                assertThrows(TaskSpecException.class, () -> TaskSpecReader.read(HEAD
                        + "  - {name: x, position: [1, 0, 0.5], look_at: [0, 0, 0]}\n"
                        + "  - {name: x, position: [1, 0, 0.5], look_at: [0, 0, 0]}\n", "t.yaml")).getMessage());
        var e = assertThrows(IllegalArgumentException.class, () -> new Task(TaskSpecReader.read(HEAD
                + "  - {name: cam, link: elbow, position: [0, 0, 0]}\n", "t.yaml")));
        assertTrue(e.getMessage().startsWith("t.yaml: camera 'cam' is mounted on link 'elbow', which robot 'panda' "
                + "does not have; use one of [panda_link0"), e.getMessage());
    }

    @Test
    void everyCoreSceneRendersFromEveryDefaultCamera() {
        CameraRenderTest.assumeDisplayOrCi();
        List<String> ids = BundledTasks.suite("core").orElseThrow();
        try (SceneRenderer renderer = new SceneRenderer()) {
            for (String id : ids) {
                Task task = task(id);
                try (Scene scene = Scene.build(task.sceneSpec())) {
                    scene.reset(1);
                    task.reset(scene, new SplittableRandom(1));
                    List<String> labels = renderer.labels(scene);
                    for (CameraSpec spec : task.cameras()) {
                        RgbdFrame frame = new RgbdFrame(spec.width(), spec.height());
                        renderer.render(scene, spec.camera(scene), frame);
                        Set<String> seen = new HashSet<>();
                        for (int m : frame.mask) {
                            seen.add(labels.get(m));
                        }
                        String where = id + "/" + spec.name() + " saw " + seen;
                        assertTrue(seen.contains("table"), where);
                        if (spec.name().equals("front")) {
                            // everything the physics has is drawn: the robot, every object, fixture and
                            // articulated object
                            for (String label : labels) {
                                if (label.startsWith("object:") || label.startsWith("fixture:")
                                        || label.startsWith("articulated:")) {
                                    assertTrue(seen.contains(label) || seenFromTop(renderer, scene, task, label),
                                            where + " misses " + label);
                                }
                            }
                            assertTrue(seen.stream().anyMatch(l -> l.startsWith("robot:")), where);
                        }
                        if (spec.name().equals("wrist")) {
                            assertTrue(seen.contains("robot:panda/panda_leftfinger")
                                    || seen.contains("robot:panda/panda_rightfinger"), "the wrist camera sees a "
                                    + "finger: " + where);
                        }
                    }
                }
            }
        }
    }

    /** Whether the top camera sees {@code label} (small objects hidden from the front, e.g. in a bowl). */
    private static boolean seenFromTop(SceneRenderer renderer, Scene scene, Task task, String label) {
        CameraSpec top = task.cameras(List.of("top")).get(0);
        RgbdFrame frame = new RgbdFrame(top.width(), top.height());
        renderer.render(scene, top.camera(scene), frame);
        int id = renderer.labels(scene).indexOf(label);
        for (int m : frame.mask) {
            if (m == id) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theWristCameraMovesWithTheHand() {
        CameraRenderTest.assumeDisplayOrCi();
        Task task = task("reach");
        try (Scene scene = Scene.build(task.sceneSpec())) {
            scene.reset(1);
            CameraSpec wrist = task.cameras(List.of("wrist")).get(0);
            Camera before = wrist.camera(scene);
            double[] q = scene.robot(0).restPositions();
            q[0] += 0.5;
            scene.robot(0).resetTo(q, 0.04);
            Camera after = wrist.camera(scene);
            Vec3 a = before.T_world_camera().translation();
            Vec3 b = after.T_world_camera().translation();
            double moved = new Vec3(a.x() - b.x(), a.y() - b.y(), a.z() - b.z()).norm();
            assertTrue(moved > 0.1, "the wrist camera moved " + moved + " m");
        }
    }
}
