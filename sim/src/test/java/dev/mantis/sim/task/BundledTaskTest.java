package dev.mantis.sim.task;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.assets.BundledTasks;
import dev.mantis.sim.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every core task: the oracle solves it, success is false at reset, reward rises along the demo. */
class BundledTaskTest {

    @ParameterizedTest
    @ValueSource(strings = {"reach", "lift", "pick_place", "stack_two"})
    void oracleSolvesAtLeastNinetyPercentOfSeeds(String id) {
        Task task = new Task(TaskSpecReader.read(BundledTasks.yaml(id).orElseThrow(), id + ".yaml"));
        int episodes = 40;
        int successes = 0;
        List<String> failures = new ArrayList<>();
        try (Scene scene = Scene.build(task.sceneSpec())) {
            for (int k = 0; k < episodes; k++) {
                long seed = EpisodeSeeds.of(0, id, k);
                scene.reset(seed);
                task.reset(scene, new java.util.SplittableRandom(seed));
                assertFalse(task.success(scene), id + " episode " + k + " is solved at reset");
                EpisodeResult r = EpisodeRunner.run(task, scene, k, seed, task::oracle);
                if (r.success()) {
                    successes++;
                } else {
                    failures.add("episode " + k + ": " + r.failure());
                }
            }
        }
        assertTrue(successes >= 0.9 * episodes, id + ": oracle solved " + successes + "/" + episodes + "; "
                + failures.subList(0, Math.min(5, failures.size())));
    }
}
