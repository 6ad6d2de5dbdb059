package dev.mantis.sim.scene;

import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.sim.articulation.DriveGains;
import dev.mantis.sim.robot.RobotProfile;

/**
 * A robot in a scene: its description, where its base is mounted (T_world_base), its profile,
 * controller and drive gains.
 */
public record RobotPlacement(String id, RobotModel model, RobotProfile profile, Transform T_world_base,
        String controller, DriveGains gains) {
}
