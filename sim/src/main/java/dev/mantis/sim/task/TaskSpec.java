package dev.mantis.sim.task;

import java.util.List;

/**
 * A task as declared in a YAML file under {@code assets/tasks/}: its id, a language instruction,
 * the robot (bundled id) and controller, the horizon in control steps (20 Hz), the objects, the
 * static fixtures and the goal.
 */
public record TaskSpec(String id, String source, String instruction, String robot, String controller, int horizon,
        List<TaskObject> objects, List<TaskFixture> fixtures, Goal goal) {

    public TaskSpec {
        objects = List.copyOf(objects);
        fixtures = List.copyOf(fixtures);
    }

    /** A task without fixtures. */
    public TaskSpec(String id, String source, String instruction, String robot, String controller, int horizon,
            List<TaskObject> objects, Goal goal) {
        this(id, source, instruction, robot, controller, horizon, objects, List.of(), goal);
    }

    /** The fixture with this name. */
    public TaskFixture fixture(String name) {
        return fixtures.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("task '" + id + "' has no fixture '" + name + "'"));
    }

    /** The object with this name. */
    public TaskObject object(String name) {
        return objects.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("task '" + id + "' has no object '" + name + "'"));
    }
}
