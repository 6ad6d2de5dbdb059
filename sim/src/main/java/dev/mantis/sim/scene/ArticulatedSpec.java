package dev.mantis.sim.scene;

import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.spatial.Transform;
import java.util.List;

/**
 * An articulated object of a scene (a drawer cabinet, a door, a button): a URDF model simulated
 * as a fixed-base multibody whose joints are passive (URDF damping and friction, position limits
 * as mechanical stops, optional return springs). It collides with robots and objects.
 *
 * @param name unique among the scene's objects, fixtures and articulated objects
 * @param model the object's URDF model; its root link is the fixed base
 * @param springs return springs of some joints
 * @param pose T_world_object at reset: the root link frame in the world
 */
public record ArticulatedSpec(String name, RobotModel model, List<Spring> springs, Transform pose) {

    /**
     * A linear return spring on one joint: force (N, or N·m) {@code stiffness * (rest - q)}.
     *
     * @param stiffness N/m or N·m/rad
     * @param rest joint value (m or rad) where the spring is relaxed; beyond a limit, it preloads the joint
     */
    public record Spring(String joint, double stiffness, double rest) {
    }

    public ArticulatedSpec {
        springs = List.copyOf(springs);
        for (Spring s : springs) {
            if (model.joint(s.joint()).isEmpty()) {
                throw new IllegalArgumentException("articulated object '" + name + "': spring on joint '" + s.joint()
                        + "', which " + model.source() + " does not have");
            }
            if (!(s.stiffness() >= 0) || !Double.isFinite(s.stiffness() + s.rest())) {
                throw new IllegalArgumentException("articulated object '" + name + "': spring on '" + s.joint()
                        + "' needs a finite stiffness >= 0 and rest");
            }
        }
    }

    /** The same object at another pose. */
    public ArticulatedSpec at(Transform T_world_object) {
        return new ArticulatedSpec(name, model, springs, T_world_object);
    }
}
