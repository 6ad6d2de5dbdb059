package dev.mantis.sim.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.assets.BundledTasks;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.scene.Scene;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tasks with fixtures: their files round-trip; the into and hanoi predicates mean what they say. */
class FixtureTaskTest {

    @ParameterizedTest
    @ValueSource(strings = {"block_in_bowl", "align_corner", "insertion", "place_in_zone", "hanoi", "peg_in_hole"})
    void writtenAndReadBackGivesTheSameSpec(String id) {
        TaskSpec spec = spec(id);
        String yaml = TaskSpecWriter.write(spec, colours(spec));
        TaskSpec back = TaskSpecReader.read(yaml, id + ".yaml");
        assertEquals(yaml, TaskSpecWriter.write(back, colours(back)), "the written form is stable");
        assertEquals(spec.fixtures().size(), back.fixtures().size());
        for (int i = 0; i < spec.fixtures().size(); i++) {
            TaskFixture a = spec.fixtures().get(i);
            TaskFixture b = back.fixtures().get(i);
            assertEquals(a.name(), b.name());
            assertEquals(a.parts(), b.parts(), a.name() + " parts");
            assertEquals(a.friction(), b.friction());
            assertArrayEquals(a.x(), b.x());
            assertArrayEquals(a.y(), b.y());
            assertArrayEquals(a.yaw(), b.yaw());
        }
        for (int i = 0; i < spec.objects().size(); i++) {
            assertEquals(spec.objects().get(i).on(), back.objects().get(i).on());
            assertEquals(spec.objects().get(i).shape(), back.objects().get(i).shape());
        }
    }

    @Test
    void aBoxCountsAsInTheCornerOnlyTouchingBothWallsAndSquareToThem() {
        Task task = new Task(spec("align_corner"));
        try (Scene scene = start(task, 0)) {
            Transform corner = scene.fixturePose("corner");
            assertTrue(settled(task, scene, corner, 0.025, 0.025, 0), "touching both walls, square");
            assertTrue(settled(task, scene, corner, 0.027, 0.026, Math.PI / 2), "2 mm off, a quarter turn round");
            assertFalse(settled(task, scene, corner, 0.025, 0.03, 0), "5 mm off one wall");
            // turned 0.1 rad, as close in as its corners let it be: 2.4 mm off each wall
            assertFalse(settled(task, scene, corner, 0.0274, 0.0274, 0.1), "turned 0.1 rad");
        }
    }

    @Test
    void aBlockIsInTheBowlOnlyOnItsFloorWhollyInside() {
        Task task = new Task(spec("block_in_bowl"));
        try (Scene scene = start(task, 0)) {
            String block = askedFor(task, scene);
            Transform bowl = scene.fixturePose("bowl");
            assertTrue(settle(task, scene, block, bowl.compose(Transform.translation(new Vec3(0.03, -0.04, 0.026)))),
                    "on the floor, off centre");
            assertFalse(settle(task, scene, block, bowl.compose(Transform.translation(new Vec3(0.15, 0, 0.02)))),
                    "on the table beside the bowl");
        }
    }

    @Test
    void eachEpisodeAsksForABlockOfOneColourAndSaysWhich() {
        Task task = new Task(spec("block_in_bowl"));
        Set<String> asked = new HashSet<>();
        try (Scene scene = Scene.build(task.sceneSpec())) {
            for (int k = 0; k < 20; k++) {
                long seed = EpisodeSeeds.of(0, "block_in_bowl", k);
                scene.reset(seed);
                task.reset(scene, new SplittableRandom(seed));
                String block = askedFor(task, scene);
                assertEquals("put the " + block + " block in the bowl", task.instruction());
                asked.add(block);
            }
        }
        assertEquals(4, asked.size(), "every colour is drawn in 20 episodes: " + asked);
    }

    @Test
    void thePlanMovesSevenTimesAndNeverPutsALargerDiskOnASmaller() {
        List<int[]> moves = new ArrayList<>();
        HanoiOracle.plan(3, 3, 0, 2, 1, moves);
        assertEquals(7, moves.size());
        List<List<Integer>> stacks = List.of(new ArrayList<>(List.of(0, 1, 2)), new ArrayList<>(), new ArrayList<>());
        for (int[] m : moves) {
            List<Integer> from = stacks.get(m[1]);
            List<Integer> to = stacks.get(m[2]);
            assertEquals(m[0], from.remove(from.size() - 1), "the moved disk is on top");
            assertTrue(to.isEmpty() || to.get(to.size() - 1) < m[0], "onto a larger disk or an empty place");
            to.add(m[0]);
        }
        assertEquals(List.of(0, 1, 2), stacks.get(2));
    }

    @Test
    void aLargerDiskSetOnASmallerFailsTheRestOfTheEpisode() {
        Task task = new Task(spec("hanoi"));
        try (Scene scene = start(task, 0)) {
            double[] g = task.goalState();
            Transform pads = scene.fixturePose("pads");
            // large on small, on the middle pad
            Vec3 middle = pads.apply(new Vec3(0, 0, 0));
            scene.setObjectPose("small", Transform.translation(new Vec3(middle.x(), middle.y(), 0.018)));
            scene.setObjectPose("large", Transform.translation(new Vec3(middle.x(), middle.y(), 0.048)));
            scene.setObjectPose("medium", Transform.translation(new Vec3(g[3], g[4], g[5] - 0.03)));
            assertFalse(settle(task, scene));
            // then all three stacked in order on the last pad
            for (int i = 0; i < 3; i++) {
                scene.setObjectPose(List.of("large", "medium", "small").get(i),
                        Transform.translation(new Vec3(g[3 * i], g[3 * i + 1], g[3 * i + 2])));
            }
            assertFalse(settle(task, scene), "a broken rule stays broken");
        }
        try (Scene scene = start(task, 0)) {
            double[] g = task.goalState();
            for (int i = 0; i < 3; i++) {
                scene.setObjectPose(List.of("large", "medium", "small").get(i),
                        Transform.translation(new Vec3(g[3 * i], g[3 * i + 1], g[3 * i + 2])));
            }
            assertTrue(settle(task, scene), "stacked in order on the last pad, the rules kept");
        }
    }

    /** The block whose start the goal's third point is. */
    private static String askedFor(Task task, Scene scene) {
        double[] g = task.goalState();
        return List.of("red", "green", "blue", "yellow").stream().filter(b -> {
            Vec3 p = scene.objectPose(b).translation();
            return Math.abs(p.x() - g[6]) < 1e-9 && Math.abs(p.y() - g[7]) < 1e-9;
        }).findFirst().orElseThrow();
    }

    private static TaskSpec spec(String id) {
        return TaskSpecReader.read(BundledTasks.yaml(id).orElseThrow(), id + ".yaml");
    }

    private static Scene start(Task task, int k) {
        Scene scene = Scene.build(task.sceneSpec());
        long seed = EpisodeSeeds.of(0, task.spec().id(), k);
        scene.reset(seed);
        task.reset(scene, new SplittableRandom(seed));
        return scene;
    }

    /** The box at (x, y) in the corner's frame, turned by {@code yaw}; whether it succeeds once at rest. */
    private static boolean settled(Task task, Scene scene, Transform corner, double x, double y, double yaw) {
        return settle(task, scene, "box", corner.compose(Transform.fromXyzRpy(new Vec3(x, y, 0.025),
                new Vec3(0, 0, yaw))));
    }

    private static boolean settle(Task task, Scene scene, String object, Transform pose) {
        scene.setObjectPose(object, pose);
        return settle(task, scene);
    }

    /** Steps the scene for half a second; whether the task then succeeds. */
    private static boolean settle(Task task, Scene scene) {
        boolean success = false;
        for (int i = 0; i < 10; i++) {
            scene.step();
            success = task.success(scene);
        }
        return success;
    }

    private static Map<String, String> colours(TaskSpec spec) {
        Map<String, String> out = new HashMap<>();
        spec.objects().forEach(o -> out.put(o.name(), TaskSpecReader.colourName(o.color())));
        return out;
    }
}
