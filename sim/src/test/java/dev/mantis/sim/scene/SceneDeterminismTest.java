package dev.mantis.sim.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same scene, seed and actions give the same trajectory, bit for bit; restore continues it. */
class SceneDeterminismTest {

    private static final int STEPS = 1000;

    @Test
    void sameSeedAndActionsGiveABitIdenticalTrajectory() {
        try (Scene a = Scene.build(Trajectories.spec()); Scene b = Scene.build(Trajectories.spec())) {
            long first = Trajectories.run(a, 7, STEPS);
            assertEquals(first, Trajectories.run(b, 7, STEPS), "a second scene");
            assertEquals(first, Trajectories.run(a, 7, STEPS), "the same scene after reset");
            assertNotEquals(first, Trajectories.run(a, 8, STEPS), "another seed differs");
        }
    }

    @Test
    void aFreshJvmComputesTheSameTrajectory() throws IOException, InterruptedException {
        String expected;
        try (Scene scene = Scene.build(Trajectories.spec())) {
            expected = Long.toHexString(Trajectories.run(scene, 7, STEPS));
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Trajectories.class.getName(), "7", Integer.toString(STEPS))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        assertEquals(expected, out.lines().reduce((x, y) -> y).orElse(""));
    }

    @Test
    void restoringMidEpisodeContinuesTheOriginalTrajectory() {
        try (Scene scene = Scene.build(Trajectories.spec())) {
            scene.reset(3);
            for (int i = 0; i < 150; i++) {
                scene.robot(0).act(Trajectories.action(scene.robot(0), 3, i));
                scene.step();
            }
            SceneState saved = scene.snapshot();
            SceneState[] original = new SceneState[100];
            for (int i = 0; i < 100; i++) {
                scene.robot(0).act(Trajectories.action(scene.robot(0), 3, 150 + i));
                scene.step();
                original[i] = scene.snapshot();
            }
            scene.restore(saved);
            assertEquals(saved.time(), scene.time(), 1e-12);
            double worst = 0;
            for (int i = 0; i < 100; i++) {
                scene.robot(0).act(Trajectories.action(scene.robot(0), 3, 150 + i));
                scene.step();
                worst = Math.max(worst, difference(original[i], scene.snapshot()));
            }
            assertTrue(worst < 1e-6, "largest difference after restore: " + worst);
        }
    }

    private static double difference(SceneState a, SceneState b) {
        double worst = 0;
        for (int r = 0; r < a.robotPositions().length; r++) {
            for (int i = 0; i < a.robotPositions()[r].length; i++) {
                worst = Math.max(worst, Math.abs(a.robotPositions()[r][i] - b.robotPositions()[r][i]));
            }
        }
        for (int o = 0; o < a.objects().length; o++) {
            for (int i = 0; i < 7; i++) {
                worst = Math.max(worst, Math.abs(a.objects()[o][i] - b.objects()[o][i]));
            }
        }
        return worst;
    }
}
