package dev.mantis.sim.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.assets.BundledTasks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated tasks are valid, reproducible, solvable and new. */
class TaskGeneratorTest {

    @Test
    void acceptedTasksReadBackAndGenerationIsReproducible() {
        List<TaskGenerator.Candidate> a = TaskGenerator.generate(8, 5, 2, List.of(), (d, ok, t) -> { });
        List<TaskGenerator.Candidate> b = TaskGenerator.generate(8, 5, 1, List.of(), (d, ok, t) -> { });
        assertEquals(a, b, "same seed, same candidates and verdicts, whatever the workers");
        long accepted = a.stream().filter(TaskGenerator.Candidate::accepted).count();
        assertTrue(accepted >= 4, accepted + " of 8 accepted: " + a.stream().map(TaskGenerator.Candidate::rejection)
                .toList());
        for (TaskGenerator.Candidate c : a) {
            if (c.accepted()) {
                TaskSpec spec = TaskSpecReader.read(c.yaml(), c.id() + ".yaml");
                assertEquals(c.id(), spec.id());
                // the written form is stable: writing what was read gives the same text
                assertEquals(c.yaml(), TaskSpecWriter.write(spec, colours(c.yaml(), spec)));
            }
        }
    }

    @Test
    void aTaskIsADuplicateOfItselfUnderAnotherNameOnly() {
        TaskSpec pick = TaskSpecReader.read(BundledTasks.yaml("pick_place").orElseThrow(), "pick_place.yaml");
        TaskSpec renamed = new TaskSpec("other", "other.yaml", "do it", pick.robot(), pick.controller(),
                pick.horizon(), pick.objects(), pick.goal());
        TaskSpec lift = TaskSpecReader.read(BundledTasks.yaml("lift").orElseThrow(), "lift.yaml");
        assertEquals(TaskGenerator.canonical(pick), TaskGenerator.canonical(renamed));
        assertTrue(!TaskGenerator.canonical(pick).equals(TaskGenerator.canonical(lift)));
    }

    /** The colour names as written in the YAML (the spec holds only their RGBA values). */
    private static java.util.Map<String, String> colours(String yaml, TaskSpec spec) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (TaskObject o : spec.objects()) {
            var m = java.util.regex.Pattern.compile("name: " + o.name() + ",.*?color: (\\w+)").matcher(yaml);
            if (m.find()) {
                out.put(o.name(), m.group(1));
            }
        }
        return out;
    }
}
