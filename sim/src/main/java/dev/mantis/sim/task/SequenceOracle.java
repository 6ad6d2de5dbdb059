package dev.mantis.sim.task;

import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spec.Action;
import dev.mantis.sim.robot.SimRobot;
import dev.mantis.sim.scene.Scene;
import java.util.List;
import java.util.function.Function;

/**
 * Chains waypoint plans, each made from the scene as it is when the previous one finishes (so a
 * later pick sees where earlier moves really left things); the controller target and yaw carry
 * over from plan to plan.
 */
final class SequenceOracle implements Oracle {

    private final SimRobot robot;
    private final Transform T_world_base;
    private final List<Function<Scene, List<WaypointOracle.Waypoint>>> stages;
    private WaypointOracle current;
    private int stage;

    SequenceOracle(SimRobot robot, Transform T_world_base, List<Function<Scene, List<WaypointOracle.Waypoint>>> stages) {
        this.robot = robot;
        this.T_world_base = T_world_base;
        this.stages = List.copyOf(stages);
    }

    @Override
    public Action act(Scene scene) {
        if (current == null) {
            current = new WaypointOracle(robot, T_world_base, stages.get(0).apply(scene));
        }
        while (current.finished() && stage + 1 < stages.size()) {
            stage++;
            current = new WaypointOracle(robot, T_world_base, stages.get(stage).apply(scene),
                    current.controllerTarget(), current.yaw());
        }
        return current.act(scene);
    }
}
