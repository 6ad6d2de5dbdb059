package dev.mantis.sim.view;

import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.Goal;
import dev.mantis.sim.task.PlacementException;
import dev.mantis.sim.task.SolvedConfiguration;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A second scene of a task held in the goal configuration of an episode ({@link
 * SolvedConfiguration}), for drawing the goal as ghosts: the episode's scene is never touched, so
 * showing the goal cannot change what is simulated.
 */
public final class GoalScene implements AutoCloseable {

    private final Task task;
    private final Scene scene;
    private final Set<String> moved = new HashSet<>();
    private final boolean robotGoal;
    private boolean shown;

    /** A goal scene for {@code spec}'s task (builds its own simulator). */
    public GoalScene(TaskSpec spec) {
        this.task = new Task(spec);
        this.scene = Scene.build(task.sceneSpec());
        Goal goal = spec.goal();
        // goals about where the robot is: its solved pose is drawn too
        this.robotGoal = goal instanceof Goal.Reach || goal instanceof Goal.Lift || goal instanceof Goal.Articulate;
    }

    /**
     * Puts the scene in the goal configuration of the episode seeded {@code seed} (reset as
     * {@link dev.mantis.sim.task.EpisodeStepper} resets it, then solved).
     *
     * @return false when the episode's objects cannot be placed (nothing to show)
     */
    public boolean show(long seed) {
        scene.reset(seed);
        try {
            task.reset(scene, new SplittableRandom(seed));
        } catch (PlacementException e) {
            shown = false;
            return false;
        }
        SolvedConfiguration solved = SolvedConfiguration.of(task, scene);
        solved.apply(scene);
        moved.clear();
        moved.addAll(solved.T_world_objects().keySet());
        solved.objectJoints().forEach(j -> moved.add(j.object()));
        shown = true;
        return true;
    }

    /** The scene in the goal configuration. */
    public Scene scene() {
        return scene;
    }

    /** Whether the last {@link #show} found a goal configuration. */
    public boolean shown() {
        return shown;
    }

    /**
     * Whether the body labelled {@code label} (a {@link dev.mantis.sim.render.SceneRenderer}
     * label: "object:NAME", "robot:ID/LINK", ...) is drawn as a ghost: the objects the goal moves,
     * and the robot when the goal is about the robot (reach, lift, articulate).
     */
    public boolean ghosts(String label) {
        if (label.startsWith("robot:")) {
            return robotGoal;
        }
        int colon = label.indexOf(':');
        if (colon < 0) {
            return false; // floor, table
        }
        int slash = label.indexOf('/', colon);
        return moved.contains(label.substring(colon + 1, slash < 0 ? label.length() : slash));
    }

    @Override
    public void close() {
        scene.close();
    }
}
