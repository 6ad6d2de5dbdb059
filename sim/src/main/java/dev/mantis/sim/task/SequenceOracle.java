package dev.mantis.sim.task;

import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.robot.spec.Action;
import dev.mantis.sim.robot.SimRobot;
import dev.mantis.sim.scene.Scene;
import java.util.List;

/**
 * Chains waypoint plans, each made from the scene as it is when the previous one finishes (so a
 * later pick sees where earlier moves really left things, and a later move can correct for where
 * the held object really sits in the hand); the controller target and yaw carry over from plan to
 * plan.
 */
final class SequenceOracle implements Oracle {

    /** One plan of the chain. */
    interface Stage {
        /**
         * The waypoints to follow next.
         *
         * @param scene the scene now
         * @param p_world_target where the controller's target position is now (world frame)
         * @param yaw the yaw turned so far, as {@link WaypointOracle.Waypoint#yaw()} counts it
         */
        List<WaypointOracle.Waypoint> plan(Scene scene, Vec3 p_world_target, double yaw);
    }

    private final SimRobot robot;
    private final Transform T_world_base;
    private final List<Stage> stages;
    private WaypointOracle current;
    private int stage;

    SequenceOracle(SimRobot robot, Transform T_world_base, List<Stage> stages) {
        this.robot = robot;
        this.T_world_base = T_world_base;
        this.stages = List.copyOf(stages);
    }

    @Override
    public Action act(Scene scene) {
        if (current == null) {
            double[] target = robot.eePose();
            current = new WaypointOracle(robot, T_world_base, plan(0, scene, target, 0), target, 0);
        }
        while (current.finished() && stage + 1 < stages.size()) {
            stage++;
            current = new WaypointOracle(robot, T_world_base, plan(stage, scene, current.controllerTarget(),
                    current.yaw()), current.controllerTarget(), current.yaw());
        }
        return current.act(scene);
    }

    private List<WaypointOracle.Waypoint> plan(int i, Scene scene, double[] target, double yaw) {
        return stages.get(i).plan(scene, T_world_base.apply(new Vec3(target[9], target[10], target[11])), yaw);
    }
}
