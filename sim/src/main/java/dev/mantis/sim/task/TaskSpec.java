package dev.mantis.sim.task;

import dev.mantis.sim.render.CameraSpec;
import java.util.List;

/**
 * A task as declared in a YAML file under {@code assets/tasks/}: its id, a language instruction,
 * the robot (bundled id) and controller, the horizon in control steps (20 Hz), the objects, the
 * static fixtures, the articulated objects (drawers, buttons), the goal and the cameras the task
 * declares (besides or instead of the default ones, see {@link Task#cameras()}).
 */
public record TaskSpec(String id, String source, String instruction, String robot, String controller, int horizon,
        List<TaskObject> objects, List<TaskFixture> fixtures, List<TaskArticulated> articulated, Goal goal,
        List<CameraSpec> cameras) {

    public TaskSpec {
        objects = List.copyOf(objects);
        fixtures = List.copyOf(fixtures);
        articulated = List.copyOf(articulated);
        cameras = List.copyOf(cameras);
    }

    /** A task that declares no cameras of its own. */
    public TaskSpec(String id, String source, String instruction, String robot, String controller, int horizon,
            List<TaskObject> objects, List<TaskFixture> fixtures, List<TaskArticulated> articulated, Goal goal) {
        this(id, source, instruction, robot, controller, horizon, objects, fixtures, articulated, goal, List.of());
    }

    /** A task without articulated objects. */
    public TaskSpec(String id, String source, String instruction, String robot, String controller, int horizon,
            List<TaskObject> objects, List<TaskFixture> fixtures, Goal goal) {
        this(id, source, instruction, robot, controller, horizon, objects, fixtures, List.of(), goal);
    }

    /** The articulated object with this name. */
    public TaskArticulated articulated(String name) {
        return articulated.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("task '" + id + "' has no articulated object '" + name + "'"));
    }

    /** A task without fixtures. */
    public TaskSpec(String id, String source, String instruction, String robot, String controller, int horizon,
            List<TaskObject> objects, Goal goal) {
        this(id, source, instruction, robot, controller, horizon, objects, List.of(), List.of(), goal);
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
