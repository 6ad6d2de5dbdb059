package dev.mantis.sim.task;

import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.sim.scene.ArticulatedSpec;
import java.util.List;

/**
 * An articulated object of a task (a bundled URDF: a drawer cabinet, a button) and where it may
 * stand: its base frame uniformly in the x and y ranges (metres, world frame, on the table top),
 * turned by a yaw in the yaw range (radians), kept {@code reach} metres (a circle about its
 * origin holding its footprint) plus a gap from fixtures and other articulated objects.
 *
 * @param urdf the bundled object's id ({@code mantis/objects/ID/ID.urdf})
 */
public record TaskArticulated(String name, String urdf, RobotModel model, List<ArticulatedSpec.Spring> springs,
        double[] x, double[] y, double[] yaw, double reach) {

    public TaskArticulated {
        springs = List.copyOf(springs);
    }

    /** The scene's articulated object at this pose. */
    public ArticulatedSpec spec(Transform T_world_object) {
        return new ArticulatedSpec(name, model, springs, T_world_object);
    }
}
