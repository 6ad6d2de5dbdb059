package dev.mantis.robot.kinematics;

import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.urdf.MeshResolver;
import dev.mantis.robot.urdf.UrdfLoader;
import java.util.List;
import java.util.Random;

/** Test access to the robots bundled in mantis-assets. */
final class TestRobots {

    private TestRobots() {
    }

    static RobotModel load(String id) {
        var entry = dev.mantis.assets.BundledRobots.find(id).orElseThrow();
        return new UrdfLoader(new MeshResolver(List.of())).load(entry.url());
    }

    /** A uniformly random configuration within the limits (continuous joints in [-pi, pi]). */
    static double[] randomConfiguration(KinematicTree tree, Random rng) {
        double[] q = new double[tree.dof()];
        for (int v = 0; v < q.length; v++) {
            double lo = Double.isFinite(tree.lower(v)) ? tree.lower(v) : -Math.PI;
            double hi = Double.isFinite(tree.upper(v)) ? tree.upper(v) : Math.PI;
            q[v] = lo + (hi - lo) * rng.nextDouble();
        }
        return q;
    }
}
