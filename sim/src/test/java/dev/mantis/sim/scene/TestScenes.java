package dev.mantis.sim.scene;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.model.Material;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.TestModels;
import dev.mantis.sim.articulation.DriveGains;
import dev.mantis.sim.physics.PhysicsSettings;
import dev.mantis.sim.robot.RobotProfile;
import java.util.List;

/** Scenes used by several sim tests. */
public final class TestScenes {

    /** Where the arm's base stands on the table. */
    public static final Transform ARM_BASE = Transform.translation(new Vec3(-0.615, 0, 0));

    private TestScenes() {
    }

    /** The 7-DoF arm with its gripper on the table, one cube of edge {@code edge} at the origin. */
    public static SceneSpec armWithCube(String controller, double edge, double mass, ResetNoise noise) {
        RobotPlacement arm = new RobotPlacement("panda", TestModels.load("panda"),
                RobotProfile.bundled("panda").orElseThrow(), ARM_BASE, controller, DriveGains.DEFAULT);
        ObjectSpec cube = new ObjectSpec("cube", new Geometry.Box(new Vec3(edge, edge, edge)), mass, 0.8, 0.0,
                new Material.Rgba(0.9, 0.1, 0.1, 1), Transform.translation(new Vec3(0, 0, edge / 2)));
        return new SceneSpec(PhysicsSettings.DEFAULT, 20, true, List.of(arm), List.of(cube), noise);
    }
}
