package dev.mantis.sim.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.scene.ResetNoise;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.scene.TestScenes;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The robot's links are drawn where Bullet has them, each body with its own segmentation id. */
class CameraRobotRenderTest {

    @BeforeAll
    static void needsDisplay() {
        CameraRenderTest.assumeDisplayOrCi();
    }

    @Test
    void robotLinksGetTheirOwnIds() {
        try (Scene arm = Scene.build(TestScenes.armWithCube("pd_joint_pos", 0.05, 0.1, ResetNoise.NONE));
                SceneRenderer r = new SceneRenderer(arm)) {
            Camera camera = Camera.ofFovY(128, 128, Math.toRadians(60),
                    Camera.lookAt(new Vec3(0.6, 0.6, 0.7), new Vec3(-0.4, 0, 0.3), new Vec3(0, 0, 1)));
            RgbdFrame frame = RgbdFrame.of(camera);
            r.render(camera, frame);
            long robotLabels = r.labels().stream().filter(l -> l.startsWith("robot:panda/")).count();
            assertTrue(robotLabels >= 8, "one id per robot body: " + r.labels());
            Set<Integer> seen = new HashSet<>();
            for (int id : frame.mask) {
                seen.add(id);
            }
            long robotSeen = seen.stream().filter(id -> r.labels().get(id).startsWith("robot:")).count();
            assertTrue(robotSeen >= 4, "several robot bodies visible, saw " + seen.stream().map(r.labels()::get)
                    .toList());
        }
    }

}
