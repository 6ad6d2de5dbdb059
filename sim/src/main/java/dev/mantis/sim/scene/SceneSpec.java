package dev.mantis.sim.scene;

import dev.mantis.sim.physics.PhysicsSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a scene is built from: physics settings, the control rate, whether there is a table
 * (a static 1.2 x 1.6 x 0.05 m box whose top is the plane z = 0; the floor is at z = -0.8), the
 * robots, the free objects and the static fixtures.
 *
 * @param controlHz control steps per simulated second; the physics rate must be a multiple
 * @param fixtures static bodies (bowls, corners, pockets, zone markers); names unique among
 *     objects and fixtures
 * @param resetNoise seeded perturbation applied by {@link Scene#reset(long)} (objects only)
 * @param articulated articulated objects (drawers, buttons): fixed-base multibodies with passive joints
 */
public record SceneSpec(PhysicsSettings physics, double controlHz, boolean table, List<RobotPlacement> robots,
        List<ObjectSpec> objects, List<FixtureSpec> fixtures, ResetNoise resetNoise,
        List<ArticulatedSpec> articulated) {

    /** Height of the table top, metres. */
    public static final double TABLE_TOP = 0.0;
    /** Height of the floor, metres. */
    public static final double FLOOR = -0.8;

    public SceneSpec {
        robots = List.copyOf(robots);
        objects = List.copyOf(objects);
        fixtures = List.copyOf(fixtures);
        articulated = List.copyOf(articulated);
        double ratio = physics.physicsHz() / controlHz;
        if (!(controlHz > 0) || Math.abs(ratio - Math.rint(ratio)) > 1e-9 || ratio < 1) {
            throw new IllegalArgumentException("physics rate " + physics.physicsHz() + " Hz must be a whole multiple "
                    + "of the control rate " + controlHz + " Hz");
        }
        Set<String> names = new HashSet<>();
        for (ObjectSpec o : objects) {
            if (!names.add(o.name())) {
                throw new IllegalArgumentException("two objects are named '" + o.name() + "'");
            }
        }
        for (FixtureSpec f : fixtures) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("the name '" + f.name() + "' is given to two objects or fixtures");
            }
        }
        for (ArticulatedSpec a : articulated) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("the name '" + a.name() + "' is given to two objects, fixtures or "
                        + "articulated objects");
            }
        }
    }

    /** A scene without articulated objects. */
    public SceneSpec(PhysicsSettings physics, double controlHz, boolean table, List<RobotPlacement> robots,
            List<ObjectSpec> objects, List<FixtureSpec> fixtures, ResetNoise resetNoise) {
        this(physics, controlHz, table, robots, objects, fixtures, resetNoise, List.of());
    }

    /** A scene without fixtures. */
    public SceneSpec(PhysicsSettings physics, double controlHz, boolean table, List<RobotPlacement> robots,
            List<ObjectSpec> objects, ResetNoise resetNoise) {
        this(physics, controlHz, table, robots, objects, List.of(), resetNoise);
    }

    /** Physics steps per control step. */
    public int substeps() {
        return (int) Math.rint(physics.physicsHz() / controlHz);
    }
}
