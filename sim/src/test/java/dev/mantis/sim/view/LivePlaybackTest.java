package dev.mantis.sim.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.assets.BundledTasks;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.Evaluation;
import dev.mantis.sim.task.PolicyFactory;
import dev.mantis.sim.task.TaskSpec;
import dev.mantis.sim.task.TaskSpecReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A live run in the viewer is the episode {@code mantis eval} runs, whatever the frame rate. */
class LivePlaybackTest {

    static TaskSpec task(String id) {
        return TaskSpecReader.read(BundledTasks.yaml(id).orElseThrow(), id);
    }

    /** Runs the playback to its end with the clock fed {@code dts} (seconds, cycled). */
    static EpisodeResult play(LivePlayback p, double[] dts) {
        PlaybackClock clock = new PlaybackClock(p.framesPerSecond());
        clock.faster();
        clock.faster(); // 4x
        for (int i = 0; p.result() == null; i++) {
            int n = clock.advance(dts[i % dts.length]);
            for (int k = 0; k < n && p.advance(); k++) {
                // as ViewerApp does
            }
        }
        return p.result();
    }

    @Test
    void sameEpisodeAsEvalForTheSeedAtAnyFrameRate() {
        TaskSpec spec = task("push");
        List<EpisodeResult> eval = Evaluation.run(List.of(spec), 2, 7, 1, PolicyFactory.ORACLE, (d, s, t) -> { });
        try (LivePlayback smooth = new LivePlayback(spec, PolicyFactory.ORACLE, "oracle", 7, 0);
                LivePlayback ragged = new LivePlayback(spec, PolicyFactory.ORACLE, "oracle", 7, 0)) {
            EpisodeResult a = play(smooth, new double[] {1.0 / 60});
            EpisodeResult b = play(ragged, new double[] {0.3, 0.001, 0.05, 0.0, 0.7});
            for (EpisodeResult r : List.of(a, b)) {
                assertEquals(eval.get(0).seed(), r.seed());
                assertEquals(eval.get(0).steps(), r.steps());
                assertEquals(eval.get(0).success(), r.success());
                assertEquals(Double.doubleToLongBits(eval.get(0).reward()), Double.doubleToLongBits(r.reward()),
                        "reward bit for bit");
            }
            ViewStatus s = smooth.status();
            assertEquals(eval.get(0).steps(), s.step());
            assertEquals(eval.get(0).reward(), s.reward(), 1e-9);
            assertEquals(eval.get(0).success(), s.success());
            assertFalse(smooth.advance(), "a finished episode does not advance");

            smooth.reset(); // the next seed: eval's episode 1
            assertEquals(1, smooth.status().episode());
            assertEquals(0, smooth.frame());
            EpisodeResult next = play(smooth, new double[] {0.1});
            assertEquals(eval.get(1).seed(), next.seed());
            assertEquals(eval.get(1).steps(), next.steps());
            assertEquals(Double.doubleToLongBits(eval.get(1).reward()), Double.doubleToLongBits(next.reward()));
        }
    }

    @Test
    void robotIsDrawnWhereARestorePutsItNotWhereTheLastStepLeftIt() {
        try (LivePlayback p = new LivePlayback(task("push"), PolicyFactory.ORACLE, "oracle", 0, 0)) {
            var arm = p.scene().robot(0).articulation();
            int hand = arm.layout().bodies().size() - 1;
            var start = p.scene().snapshot();
            var T_world_hand0 = arm.T_world_body(hand);
            assertEquals(0.333, arm.T_world_body(1).translation().z(), 1e-9,
                    "link 1 sits 0.333 m above the base right after the reset, before any step");
            p.seek(20);
            var T_world_hand20 = arm.T_world_body(hand);
            assertTrue(T_world_hand20.translation().x() != T_world_hand0.translation().x(), "the hand moved");
            p.scene().restore(start);
            assertEquals(T_world_hand0, arm.T_world_body(hand), "after restore, no step: the restored pose");
        }
    }

    @Test
    void goalGhostsAreTheMovedObjectsAndTheRobotForRobotGoals() {
        try (LivePlayback push = new LivePlayback(task("push"), PolicyFactory.ORACLE, "oracle", 0, 0)) {
            GoalScene g = push.goal();
            assertTrue(g.shown());
            String moved = g.scene().spec().objects().get(0).name();
            assertTrue(g.ghosts("object:" + moved));
            assertFalse(g.ghosts("table"));
            assertFalse(g.ghosts("robot:panda/panda_link0"), "push is about the object, not the robot");
            // the ghost is at the goal, the real object is not (yet)
            assertTrue(g.scene().objectPose(moved).translation().x() != push.scene().objectPose(moved).translation().x());
        }
        try (LivePlayback reach = new LivePlayback(task("reach"), PolicyFactory.ORACLE, "oracle", 0, 0)) {
            assertTrue(reach.goal().ghosts("robot:panda/panda_link0"));
        }
    }
}
