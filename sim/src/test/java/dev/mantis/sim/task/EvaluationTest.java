package dev.mantis.sim.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mantis.assets.BundledTasks;
import dev.mantis.sim.scene.Scene;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Episode k of a run can be re-run alone, with the same result. */
class EvaluationTest {

    @Test
    void anEpisodeRerunAloneGivesTheSameResult() {
        TaskSpec spec = TaskSpecReader.read(BundledTasks.yaml("pick_place").orElseThrow(), "pick_place.yaml");
        List<EpisodeResult> run = Evaluation.run(List.of(spec), 5, 11, 2, (done, ok, total) -> { });
        Task task = new Task(spec);
        try (Scene scene = Scene.build(task.sceneSpec())) {
            EpisodeResult alone = EpisodeRunner.run(task, scene, 3, EpisodeSeeds.of(11, "pick_place", 3), task::oracle);
            assertEquals(run.get(3), alone);
        }
        assertEquals(List.of(0, 1, 2, 3, 4), run.stream().map(EpisodeResult::episode).toList());
    }
}
