package dev.mantis.sim.task;

import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws where an episode starts: each fixture's pose (apart from the other fixtures), then each
 * object's, on the table apart from the other objects and with finger room from every fixture,
 * or resting on the fixture or earlier object it names.
 */
final class StartPoses {

    /** Gap kept between the footprints of objects on the table, metres. */
    static final double GAP = 0.02;

    private StartPoses() {
    }

    /**
     * Places the fixtures and objects of {@code spec} in {@code scene}, recording their poses.
     *
     * @throws PlacementException if something cannot be placed apart from the rest in 1000 draws
     */
    static void place(TaskSpec spec, Scene scene, SplittableRandom rng, Map<String, Transform> fixtures,
            Map<String, Transform> objects) {
        List<TaskFixture> placedFixtures = new ArrayList<>();
        for (TaskFixture f : spec.fixtures()) {
            Vec3 p = null;
            for (int attempt = 0; attempt < 1000 && p == null; attempt++) {
                Vec3 candidate = new Vec3(draw(rng, f.x()), draw(rng, f.y()), 0);
                if (placedFixtures.stream().allMatch(other -> planar(candidate, fixtures.get(other.name()))
                        >= f.reach() + other.reach() + GAP)) {
                    p = candidate;
                }
            }
            if (p == null) {
                throw new PlacementException(spec.source() + ": cannot place fixture '" + f.name()
                        + "' apart from the others; widen its x/y ranges");
            }
            Transform pose = Transform.fromXyzRpy(p, new Vec3(0, 0, draw(rng, f.yaw())));
            scene.setFixturePose(f.name(), pose);
            fixtures.put(f.name(), pose);
            placedFixtures.add(f);
        }
        List<Transform> occupied = new ArrayList<>();
        List<Double> reaches = new ArrayList<>();
        for (TaskFixture f : placedFixtures) {
            occupied.add(fixtures.get(f.name()));
            reaches.add(f.reach());
        }
        for (TaskArticulated a : spec.articulated()) {
            Transform pose = apart(spec, a, rng, occupied, reaches);
            scene.setArticulatedPose(a.name(), pose);
            fixtures.put(a.name(), pose);
            occupied.add(pose);
            reaches.add(a.reach());
        }
        List<TaskObject> placed = new ArrayList<>();
        for (TaskObject o : spec.objects()) {
            Transform pose = o.onTable() ? onTable(spec, o, rng, placed, objects, fixtures)
                    : resting(spec, o, rng, fixtures, objects);
            scene.setObjectPose(o.name(), pose);
            objects.put(o.name(), pose);
            placed.add(o);
        }
    }

    /** A pose for {@code a} in its ranges, apart from the fixtures and articulated objects placed so far. */
    private static Transform apart(TaskSpec spec, TaskArticulated a, SplittableRandom rng, List<Transform> occupied,
            List<Double> reaches) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            Vec3 candidate = new Vec3(draw(rng, a.x()), draw(rng, a.y()), 0);
            boolean clear = true;
            for (int i = 0; i < occupied.size() && clear; i++) {
                clear = planar(candidate, occupied.get(i)) >= a.reach() + reaches.get(i) + GAP;
            }
            if (clear) {
                return Transform.fromXyzRpy(candidate, new Vec3(0, 0, draw(rng, a.yaw())));
            }
        }
        throw new PlacementException(spec.source() + ": cannot place articulated object '" + a.name()
                + "' apart from the fixtures; widen its x/y ranges");
    }

    private static Transform onTable(TaskSpec spec, TaskObject o, SplittableRandom rng, List<TaskObject> placed,
            Map<String, Transform> objects, Map<String, Transform> fixtures) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            Vec3 candidate = new Vec3(draw(rng, o.x()), draw(rng, o.y()), o.restHeight());
            if (clear(candidate, o, placed, objects) && clearOfFixtures(candidate, o, spec, fixtures)) {
                return Transform.fromXyzRpy(candidate, new Vec3(0, 0, draw(rng, o.yaw())));
            }
        }
        throw new PlacementException(spec.source() + ": cannot place object '" + o.name()
                + "' apart from the others; widen its x/y ranges");
    }

    /** On the fixture or object it names, its x, y and yaw ranges in that thing's frame. */
    private static Transform resting(TaskSpec spec, TaskObject o, SplittableRandom rng, Map<String, Transform> fixtures,
            Map<String, Transform> objects) {
        double x = draw(rng, o.x());
        double y = draw(rng, o.y());
        double yaw = draw(rng, o.yaw());
        Transform base;
        double top;
        if (fixtures.containsKey(o.on())) {
            base = fixtures.get(o.on());
            top = spec.fixture(o.on()).surface(x, y);
        } else {
            base = objects.get(o.on());
            top = spec.object(o.on()).height() / 2;
        }
        return base.compose(Transform.fromXyzRpy(new Vec3(x, y, top + o.restHeight()), new Vec3(0, 0, yaw)));
    }

    private static boolean clear(Vec3 p, TaskObject o, List<TaskObject> placed, Map<String, Transform> poses) {
        for (TaskObject other : placed) {
            if (planar(p, poses.get(other.name())) < o.footprint() + other.footprint() + GAP) {
                return false;
            }
        }
        return true;
    }

    /** Whether the open fingers can reach round an object at {@code p} without touching a fixture. */
    private static boolean clearOfFixtures(Vec3 p, TaskObject o, TaskSpec spec, Map<String, Transform> fixtures) {
        for (TaskFixture f : spec.fixtures()) {
            Vec3 local = fixtures.get(f.name()).inverse().apply(p);
            if (f.distance(local.x(), local.y()) < o.footprint() + Task.FINGER_CLEARANCE) {
                return false;
            }
        }
        for (TaskArticulated a : spec.articulated()) {
            if (planar(p, fixtures.get(a.name())) < a.reach() + o.footprint() + Task.FINGER_CLEARANCE) {
                return false;
            }
        }
        return true;
    }

    private static double planar(Vec3 p, Transform other) {
        Vec3 q = other.translation();
        return Math.hypot(p.x() - q.x(), p.y() - q.y());
    }

    /** A uniform draw from a [min, max] range. */
    static double draw(SplittableRandom rng, double[] range) {
        return range[0] + (range[1] - range[0]) * rng.nextDouble();
    }
}
