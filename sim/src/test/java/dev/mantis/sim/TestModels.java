package dev.mantis.sim;

import dev.mantis.assets.BundledRobots;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.urdf.MeshResolver;
import dev.mantis.robot.urdf.UrdfLoader;
import java.util.List;

/** Bundled robot models for sim tests. */
public final class TestModels {

    private TestModels() {
    }

    /** The bundled robot with this id. */
    public static RobotModel load(String id) {
        return new UrdfLoader(new MeshResolver(List.of())).load(BundledRobots.find(id).orElseThrow().url());
    }
}
