package dev.mantis.sim.task;

import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.articulation.DriveGains;
import dev.mantis.sim.render.CameraSpec;
import dev.mantis.sim.robot.SimRobot;
import dev.mantis.sim.scene.FixtureSpec;
import dev.mantis.sim.scene.ObjectSpec;
import dev.mantis.sim.scene.ResetNoise;
import dev.mantis.sim.scene.RobotPlacement;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.scene.SceneSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A task at run time (dm_control's shape): {@link #reset} draws object placements and the goal
 * from a seeded generator, {@link #goalState()} states the goal, {@link #reward} is dense,
 * {@link #success} is the predicate, {@link #oracle} plans a demonstration from privileged state.
 * One instance per worker thread: it holds the current episode's goal.
 */
public final class Task {

    /** Where the robot's base stands: behind the table's centre, facing +x. */
    public static final Transform ROBOT_BASE = Transform.translation(new Vec3(-0.615, 0, 0));
    /** Physics at 240 Hz, control at 20 Hz. */
    public static final double CONTROL_HZ = 20;
    /** Height above an object's centre from which the gripper descends, metres. */
    static final double APPROACH = 0.12;

    private final TaskSpec spec;
    private final TaskRobot robot;
    private final double[] goal;
    private final Map<String, Transform> start = new HashMap<>();
    private final Map<String, Transform> fixtures = new HashMap<>();
    /** Which of an into goal's objects this episode asks for. */
    private int chosen;
    /** Where an articulate goal's joint started this episode, metres or radians. */
    private double jointStart;
    /** Whether a Hanoi rule has been broken this episode (a larger disk rested on a smaller). */
    private boolean ruleBroken;

    /**
     * A task from its spec, loading the bundled robot it names.
     *
     * @throws IllegalArgumentException if the robot is not a bundled one Mantis has a profile for
     */
    public Task(TaskSpec spec) {
        this.spec = spec;
        this.robot = TaskRobot.bundled(spec.robot(), spec.source());
        this.goal = new double[spec.goal().stateSize()];
        for (CameraSpec c : spec.cameras()) {
            if (c.mounted() && robot.model().link(c.link()).isEmpty()) {
                throw new IllegalArgumentException(spec.source() + ": camera '" + c.name() + "' is mounted on link '"
                        + c.link() + "', which robot '" + spec.robot() + "' does not have; use one of "
                        + robot.model().links().stream().map(l -> l.name()).toList());
            }
        }
    }

    /**
     * The task's cameras: the defaults ({@link CameraSpec#defaults}: front, top, and wrist on the
     * robot's end-effector link), each replaced by the task's camera of the same name, then the
     * task's other cameras in file order.
     */
    public List<CameraSpec> cameras() {
        List<CameraSpec> out = new ArrayList<>();
        for (CameraSpec d : CameraSpec.defaults(robot.profile().eeLink())) {
            out.add(spec.cameras().stream().filter(c -> c.name().equals(d.name())).findFirst().orElse(d));
        }
        for (CameraSpec c : spec.cameras()) {
            if (out.stream().noneMatch(o -> o.name().equals(c.name()))) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The named cameras of {@link #cameras()}, in the order asked.
     *
     * @throws IllegalArgumentException naming the cameras there are, for an unknown name
     */
    public List<CameraSpec> cameras(List<String> names) {
        List<CameraSpec> all = cameras();
        List<CameraSpec> out = new ArrayList<>();
        for (String n : names) {
            out.add(all.stream().filter(c -> c.name().equals(n)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("task '" + spec.id() + "' has no camera '" + n + "'; it has "
                            + all.stream().map(CameraSpec::name).toList())));
        }
        return out;
    }

    /** The robot, as this task's scene places it. */
    public TaskRobot robot() {
        return robot;
    }

    /** The spec. */
    public TaskSpec spec() {
        return spec;
    }

    /** The scene this task runs in: its robot on the table, its objects and its fixtures. */
    public SceneSpec sceneSpec() {
        List<ObjectSpec> objects = new ArrayList<>();
        for (TaskObject o : spec.objects()) {
            objects.add(new ObjectSpec(o.name(), o.shape(), o.mass(), o.friction(), 0, o.color(),
                    Transform.translation(new Vec3((o.x()[0] + o.x()[1]) / 2, (o.y()[0] + o.y()[1]) / 2,
                            o.restHeight()))));
        }
        List<FixtureSpec> fixtureSpecs = new ArrayList<>();
        for (TaskFixture f : spec.fixtures()) {
            fixtureSpecs.add(f.spec(Transform.fromXyzRpy(new Vec3((f.x()[0] + f.x()[1]) / 2, (f.y()[0] + f.y()[1]) / 2,
                    0), new Vec3(0, 0, (f.yaw()[0] + f.yaw()[1]) / 2))));
        }
        List<dev.mantis.sim.scene.ArticulatedSpec> articulated = new ArrayList<>();
        for (TaskArticulated a : spec.articulated()) {
            articulated.add(a.spec(Transform.fromXyzRpy(new Vec3((a.x()[0] + a.x()[1]) / 2, (a.y()[0] + a.y()[1]) / 2,
                    0), new Vec3(0, 0, (a.yaw()[0] + a.yaw()[1]) / 2))));
        }
        RobotPlacement placement = new RobotPlacement(spec.robot(), robot.model(), robot.profile(),
                robot.T_world_base(), spec.controller(), DriveGains.DEFAULT);
        return new SceneSpec(robot.physics(), CONTROL_HZ, true, List.of(placement), objects, fixtureSpecs,
                ResetNoise.NONE, articulated);
    }

    /**
     * The instruction of the current episode: the spec's, with {@code {object}} replaced by the
     * name of the object an into goal drew (e.g. "put the {object} block in the bowl").
     */
    public String instruction() {
        if (spec.goal() instanceof Goal.LiftOne l) {
            return spec.instruction().replace("{object}", l.objects().get(chosen));
        }
        return spec.goal() instanceof Goal.Into in ? spec.instruction().replace("{object}", in.objects().get(chosen))
                : spec.instruction();
    }

    /**
     * Starts an episode in {@code scene} (already reset): places every fixture and object at a
     * random pose in its ranges, apart from the others, and draws the goal.
     *
     * @throws PlacementException if no placement satisfies the constraints in 1000 draws
     */
    public void reset(Scene scene, SplittableRandom rng) {
        start.clear();
        fixtures.clear();
        StartPoses.place(spec, scene, rng, fixtures, start);
        drawGoal(scene, rng, true);
    }

    /**
     * Starts an episode in {@code scene} as it is, the way a real cell that cannot move things by
     * itself starts one: every fixture and object stays where the last episode (and any reset
     * routine after it) left it, and only the goal is drawn, relative to those poses. Unlike
     * {@link #reset}, a lift-one goal's object is not moved to its box, and an articulated
     * object's joint is not set to its start range.
     *
     * @throws PlacementException if no goal satisfies the constraints in 1000 draws
     */
    public void restart(Scene scene, SplittableRandom rng) {
        start.clear();
        fixtures.clear();
        for (TaskFixture f : spec.fixtures()) {
            fixtures.put(f.name(), scene.fixturePose(f.name()));
        }
        for (TaskArticulated a : spec.articulated()) {
            fixtures.put(a.name(), scene.articulatedPose(a.name()));
        }
        for (TaskObject o : spec.objects()) {
            start.put(o.name(), scene.objectPose(o.name()));
        }
        drawGoal(scene, rng, false);
    }

    /** Draws the episode's goal from the start poses; {@code place}: also move what the goal places at reset. */
    private void drawGoal(Scene scene, SplittableRandom rng, boolean place) {
        chosen = 0;
        ruleBroken = false;
        if (spec.goal() instanceof Goal.Articulate a) {
            double[] site = place ? ArticulateGoals.reset(spec, a, scene, rng) : ArticulateGoals.site(spec, a, scene);
            System.arraycopy(site, 0, goal, 0, 3);
            jointStart = scene.objectJoint(a.object(), a.joint());
        } else if (spec.goal() instanceof Goal.Into in) {
            chosen = in.objects().size() == 1 ? 0 : rng.nextInt(in.objects().size());
            String moved = in.objects().get(chosen);
            Transform T_world_fixture = fixtures.get(in.fixture());
            double z = in.bottom() + spec.object(moved).restHeight();
            Vec3 site = T_world_fixture.apply(new Vec3(in.dx(), in.dy(), z));
            Vec3 heading = T_world_fixture.apply(new Vec3(in.dx() + HEADING, in.dy(), z));
            Vec3 from = start.get(moved).translation();
            System.arraycopy(new double[] {site.x(), site.y(), site.z(), heading.x(), heading.y(), heading.z(),
                    from.x(), from.y(), from.z()}, 0, goal, 0, 9);
        } else if (spec.goal() instanceof Goal.Hanoi h) {
            double[] last = h.positions().get(h.positions().size() - 1);
            Vec3 at = fixtures.get(h.fixture()).apply(new Vec3(last[0], last[1], 0));
            double bottom = spec.fixture(h.fixture()).surface(last[0], last[1]);
            for (int i = 0; i < h.disks().size(); i++) {
                TaskObject disk = spec.object(h.disks().get(i));
                goal[3 * i] = at.x();
                goal[3 * i + 1] = at.y();
                goal[3 * i + 2] = bottom + disk.restHeight();
                bottom += disk.height();
            }
        } else if (spec.goal() instanceof Goal.Reach r) {
            goal[0] = draw(rng, r.x());
            goal[1] = draw(rng, r.y());
            goal[2] = draw(rng, r.z());
        } else if (spec.goal() instanceof Goal.Place p) {
            drawTarget(rng, p.object(), p.x(), p.y(), p.minDistance());
        } else if (spec.goal() instanceof Goal.Push p) {
            drawTarget(rng, p.object(), p.x(), p.y(), p.minDistance());
        } else if (spec.goal() instanceof Goal.Lift l) {
            Vec3 at = start.get(l.object()).translation();
            setGoal(at.x(), at.y(), at.z() + l.height());
        } else if (spec.goal() instanceof Goal.LiftOne l) {
            chosen = rng.nextInt(l.objects().size());
            String name = l.objects().get(chosen);
            if (place) {
                Transform T_world_object = Transform.fromXyzRpy(new Vec3(draw(rng, l.x()), draw(rng, l.y()),
                        spec.object(name).restHeight()), new Vec3(0, 0, yaw(start.get(name))));
                scene.setObjectPose(name, T_world_object);
                start.put(name, T_world_object);
            }
            Vec3 at = start.get(name).translation();
            setGoal(at.x(), at.y(), at.z() + l.height());
        } else if (spec.goal() instanceof Goal.Stack st) {
            Vec3 base = start.get(st.onto()).translation();
            setGoal(base.x(), base.y(), stackedHeight(st));
        } else {
            drawAnchor(rng, (Goal.Arrange) spec.goal());
        }
    }

    /**
     * Room kept between a target on the table and any object's start, metres, beyond their
     * footprints: the open fingers reach about 5 cm from a block's centre when picking it.
     */
    static final double FINGER_CLEARANCE = 0.04;

    /** An anchor whose table-level targets are clear of every object's start. */
    private void drawAnchor(SplittableRandom rng, Goal.Arrange a) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            double ax = draw(rng, a.x());
            double ay = draw(rng, a.y());
            boolean clear = true;
            for (int i = 0; i < a.targets().size() && clear; i++) {
                Goal.Arrange.Target t = a.targets().get(i);
                TaskObject moved = spec.object(t.object());
                goal[3 * i] = ax + t.dx();
                goal[3 * i + 1] = ay + t.dy();
                goal[3 * i + 2] = t.bottom() + moved.restHeight();
                for (TaskObject other : spec.objects()) {
                    if (other.name().equals(t.object())) {
                        continue; // an object may start where it is to go
                    }
                    Vec3 p = start.get(other.name()).translation();
                    double gap = moved.footprint() + other.footprint() + FINGER_CLEARANCE;
                    clear &= t.bottom() > 0 || Math.hypot(goal[3 * i] - p.x(), goal[3 * i + 1] - p.y()) >= gap;
                }
            }
            if (clear) {
                return;
            }
        }
        throw new PlacementException(spec.source() + ": no anchor whose targets are clear of the objects' start "
                + "poses; widen the goal's or the objects' x/y ranges");
    }

    private void setGoal(double x, double y, double z) {
        goal[0] = x;
        goal[1] = y;
        goal[2] = z;
    }

    /** Centre height of the stacked object resting on the other, metres. */
    private double stackedHeight(Goal.Stack st) {
        return 2 * spec.object(st.onto()).restHeight() + spec.object(st.object()).restHeight();
    }

    /** A resting target for {@code name} in the ranges, at least {@code minDistance} from its start. */
    private void drawTarget(SplittableRandom rng, String name, double[] xs, double[] ys, double minDistance) {
        Vec3 from = start.get(name).translation();
        for (int attempt = 0; attempt < 1000; attempt++) {
            double x = draw(rng, xs);
            double y = draw(rng, ys);
            if (Math.hypot(x - from.x(), y - from.y()) >= minDistance) {
                setGoal(x, y, spec.object(name).restHeight());
                return;
            }
        }
        throw new PlacementException(spec.source() + ": no target at least " + minDistance
                + " m from the object's start; widen the goal's x/y ranges");
    }

    private static double draw(SplittableRandom rng, double[] range) {
        return StartPoses.draw(rng, range);
    }

    /** Distance from an into goal's site to the point that gives the fixture's heading, metres. */
    static final double HEADING = 0.05;

    /** Yaw of an upright pose about world z, radians. */
    static double yaw(Transform T) {
        return Math.atan2(T.rotation(1, 0), T.rotation(0, 0));
    }

    /**
     * Replaces the current episode's goal by {@code goalState} (target points, as
     * {@link #goalState()} gives them), e.g. one from a user's goal set.
     *
     * @throws IllegalArgumentException if it has the wrong number of values or a non-finite one
     */
    public void useGoal(double[] goalState) {
        if (goalState.length != goal.length) {
            throw new IllegalArgumentException("a goal of task '" + spec.id() + "' has " + goal.length
                    + " values (" + spec.goal().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                    + " goal target points, x y z each), not " + goalState.length);
        }
        for (double v : goalState) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a goal of task '" + spec.id() + "' has a non-finite value");
            }
        }
        System.arraycopy(goalState, 0, goal, 0, goal.length);
    }

    /**
     * The goal of the current episode: target points (x, y, z, world frame, metres); see each
     * goal's {@link Goal#stateSize()}.
     */
    public double[] goalState() {
        return goal.clone();
    }

    /**
     * Whether the goal holds in {@code scene} now. Evaluated every control step: for Hanoi it
     * also notes a broken rule, which fails the rest of the episode.
     */
    public boolean success(Scene scene) {
        if (spec.goal() instanceof Goal.Articulate a) {
            return ArticulateGoals.success(a, scene);
        }
        if (spec.goal() instanceof Goal.Into in) {
            return seated(scene, in);
        }
        if (spec.goal() instanceof Goal.Hanoi h) {
            ruleBroken = ruleBroken || HanoiOracle.largerOnSmaller(scene, spec, h);
            for (int i = 0; i < h.disks().size(); i++) {
                if (!near(scene, h.disks().get(i), i, h.tolerance())) {
                    return false;
                }
            }
            return !ruleBroken && released(scene, spec.object(nearestDisk(scene, h)));
        }
        if (spec.goal() instanceof Goal.Reach r) {
            return distance(ee(scene), goal) < r.tolerance();
        }
        if (spec.goal() instanceof Goal.Lift l) {
            return scene.objectPose(l.object()).translation().z() >= goal[2] - 0.01;
        }
        if (spec.goal() instanceof Goal.LiftOne) {
            return scene.objectPose(movedObject()).translation().z() >= goal[2] - 0.01;
        }
        if (spec.goal() instanceof Goal.Push p) {
            Vec3 at = scene.objectPose(p.object()).translation();
            return Math.hypot(at.x() - goal[0], at.y() - goal[1]) < p.tolerance()
                    && Math.abs(at.z() - goal[2]) < 0.005 && at(scene, p.object());
        }
        if (spec.goal() instanceof Goal.Stack st) {
            Vec3 top = scene.objectPose(st.object()).translation();
            Vec3 base = scene.objectPose(st.onto()).translation();
            return Math.hypot(top.x() - base.x(), top.y() - base.y()) < st.tolerance()
                    && Math.abs(top.z() - stackedHeight(st)) < 0.005 && at(scene, st.object()) && released(scene,
                    spec.object(st.object()));
        }
        if (spec.goal() instanceof Goal.Arrange a) {
            for (int i = 0; i < a.targets().size(); i++) {
                if (!near(scene, a.targets().get(i).object(), i, a.tolerance())) {
                    return false;
                }
            }
            return a.targets().stream().allMatch(t -> released(scene, spec.object(t.object())));
        }
        return placed(scene, (Goal.Place) spec.goal());
    }

    /** The disk nearest the tool point: the one the gripper could be holding. */
    private String nearestDisk(Scene scene, Goal.Hanoi h) {
        double[] tool = ee(scene);
        return h.disks().stream().min(java.util.Comparator.comparingDouble(d -> {
            Vec3 p = scene.objectPose(d).translation();
            return distance(tool, new double[] {p.x(), p.y(), p.z()});
        })).orElseThrow();
    }

    /** Whether the into goal's object rests at its site, square to the fixture if asked, released. */
    private boolean seated(Scene scene, Goal.Into in) {
        String name = in.objects().get(chosen);
        TaskObject object = spec.object(name);
        Transform T_world_object = scene.objectPose(name);
        Vec3 local = fixtures.get(in.fixture()).inverse().apply(T_world_object.translation());
        return Math.abs(local.x() - in.dx()) <= in.tolerance()[0] && Math.abs(local.y() - in.dy()) <= in.tolerance()[1]
                && Math.abs(T_world_object.translation().z() - goal[2]) < 0.005
                && Math.abs(IntoOracle.yawError(object, yaw(T_world_object), yaw(fixtures.get(in.fixture()))))
                <= in.yawTolerance()
                && at(scene, name) && released(scene, object);
    }

    /** Whether {@code object} rests at target {@code i} of the goal state. */
    private boolean near(Scene scene, String object, int i, double tolerance) {
        Vec3 at = scene.objectPose(object).translation();
        return Math.hypot(at.x() - goal[3 * i], at.y() - goal[3 * i + 1]) < tolerance
                && Math.abs(at.z() - goal[3 * i + 2]) < 0.005 && at(scene, object);
    }

    private boolean placed(Scene scene, Goal.Place p) {
        Vec3 at = scene.objectPose(p.object()).translation();
        TaskObject object = spec.object(p.object());
        return Math.hypot(at.x() - goal[0], at.y() - goal[1]) < p.tolerance()
                && Math.abs(at.z() - object.restHeight()) < 0.005 && at(scene, p.object()) && released(scene, object);
    }

    /** Whether the object is (nearly) at rest. */
    private static boolean at(Scene scene, String object) {
        return scene.objectVelocity(object).norm() < 0.05;
    }

    /**
     * Whether the gripper has opened wider than the object, or the hand has opened (its grip
     * joints flexed less than {@link #HAND_OPEN} on average): it is not holding the object.
     */
    private boolean released(Scene scene, TaskObject object) {
        double[] state = scene.robot(0).observe().get("observation.state");
        if (robot.hand()) {
            List<String> joints = scene.robot(0).joints().armNames();
            double flexion = 0;
            for (String grip : robot.profile().gripJoints()) {
                flexion += state[joints.indexOf(grip)];
            }
            return flexion / robot.profile().gripJoints().size() < HAND_OPEN;
        }
        return state[scene.robot(0).joints().armCount()] > object.graspWidth() + 0.005;
    }

    /** Mean grip-joint flexion below which a hand holds nothing, radians. */
    static final double HAND_OPEN = 0.3;

    /**
     * Dense reward in [0, 1]: reach: 1 - tanh(5 d) of the end effector's distance to the target;
     * tasks that move an object: the mean of approaching the object and of the object approaching
     * its target; articulate: the mean of approaching the site and of the joint's progress.
     */
    public double reward(Scene scene) {
        double[] ee = ee(scene);
        if (spec.goal() instanceof Goal.Articulate a) {
            return ArticulateGoals.reward(spec, a, scene, ee, jointStart);
        }
        if (spec.goal() instanceof Goal.Arrange || spec.goal() instanceof Goal.Hanoi) {
            List<String> moved = spec.goal() instanceof Goal.Arrange a
                    ? a.targets().stream().map(Goal.Arrange.Target::object).toList() : ((Goal.Hanoi) spec.goal()).disks();
            double total = 0;
            for (int i = 0; i < moved.size(); i++) {
                Vec3 at = scene.objectPose(moved.get(i)).translation();
                total += 1 - Math.tanh(5 * distance(new double[] {at.x(), at.y(), at.z()},
                        java.util.Arrays.copyOfRange(goal, 3 * i, 3 * i + 3)));
            }
            return ruleBroken ? 0 : total / moved.size();
        }
        String moved = movedObject();
        if (moved == null) {
            return 1 - Math.tanh(5 * distance(ee, goal));
        }
        Vec3 at = scene.objectPose(moved).translation();
        double[] object = {at.x(), at.y(), at.z()};
        return 0.5 * (1 - Math.tanh(5 * distance(ee, object))) + 0.5 * (1 - Math.tanh(5 * distance(object, goal)));
    }

    /**
     * The object the goal moves (for into, the one this episode drew), or null for reach,
     * arrange and Hanoi (several objects: see their targets).
     */
    String movedObject() {
        if (spec.goal() instanceof Goal.Into in) {
            return in.objects().get(chosen);
        }
        if (spec.goal() instanceof Goal.Place p) {
            return p.object();
        }
        if (spec.goal() instanceof Goal.Lift l) {
            return l.object();
        }
        if (spec.goal() instanceof Goal.LiftOne l) {
            return l.objects().get(chosen);
        }
        if (spec.goal() instanceof Goal.Push p) {
            return p.object();
        }
        if (spec.goal() instanceof Goal.Stack st) {
            return st.object();
        }
        return null;
    }

    /** An oracle that solves the current episode from privileged state. */
    public Oracle oracle(Scene scene) {
        if (this.robot.hand()) {
            return HandOracle.create(this, scene, goal);
        }
        SimRobot robot = scene.robot(0);
        if (spec.goal() instanceof Goal.Into in) {
            return IntoOracle.create(robot, spec, in, in.objects().get(chosen), fixtures.get(in.fixture()));
        }
        if (spec.goal() instanceof Goal.Hanoi h) {
            return HanoiOracle.create(robot, spec, h, fixtures.get(h.fixture()));
        }
        if (spec.goal() instanceof Goal.Articulate a) {
            return new WaypointOracle(robot, ROBOT_BASE, ArticulateGoals.plan(spec, a, scene));
        }
        List<WaypointOracle.Waypoint> plan = new ArrayList<>();
        if (spec.goal() instanceof Goal.Reach) {
            plan.add(new WaypointOracle.Waypoint(new Vec3(goal[0], goal[1], goal[2]), 0, 0.08, 1000));
        } else if (spec.goal() instanceof Goal.Push p) {
            return new PushOracle(robot, ROBOT_BASE, p.object(), goal, spec.object(p.object()).halfWidth() + PUSHER,
                    PUSH_HEIGHT, scene);
        } else if (spec.goal() instanceof Goal.Arrange a) {
            List<SequenceOracle.Stage> stages = new ArrayList<>();
            for (int i = 0; i < a.targets().size(); i++) {
                String name = a.targets().get(i).object();
                double[] to = java.util.Arrays.copyOfRange(goal, 3 * i, 3 * i + 3);
                stages.add((s, target, yaw) -> pickAndPlace(s.objectPose(name), to, true, 1));
            }
            // then put right, in order, whatever is not where it should be (knocked or dropped)
            for (int retry = 0; retry < a.targets().size(); retry++) {
                stages.add((s, target, yaw) -> {
                    for (int i = 0; i < a.targets().size(); i++) {
                        String name = a.targets().get(i).object();
                        if (!near(s, name, i, a.tolerance())) {
                            return pickAndPlace(s.objectPose(name), java.util.Arrays.copyOfRange(goal, 3 * i, 3 * i + 3),
                                    true, 1);
                        }
                    }
                    double[] T = s.robot(0).eePose();
                    Vec3 here = ROBOT_BASE.apply(new Vec3(T[9], T[10], T[11]));
                    return List.of(new WaypointOracle.Waypoint(here, Math.PI / 2, RELEASE, 1));
                });
            }
            return new SequenceOracle(robot, ROBOT_BASE, stages);
        } else if (spec.goal() instanceof Goal.Lift) {
            plan.addAll(pick(scene.objectPose(movedObject())));
            Vec3 o = scene.objectPose(movedObject()).translation();
            double yaw = graspYaw(scene.objectPose(movedObject()));
            plan.add(new WaypointOracle.Waypoint(new Vec3(o.x(), o.y(), goal[2] + 0.02), yaw, 0, 1000));
        } else {
            plan.addAll(pickAndPlace(scene.objectPose(movedObject()), goal, false, 1000));
        }
        return new WaypointOracle(robot, ROBOT_BASE, plan);
    }

    /** Half the thickness of the closed finger pads along the push, metres. */
    static final double PUSHER = 0.012;
    /** Height of the tool point while pushing, metres (pads just above the table). */
    static final double PUSH_HEIGHT = 0.02;

    /** Yaw of a top grasp across the nearest faces of an object with this pose, radians. */
    static double graspYaw(Transform object) {
        double yaw = Math.atan2(object.rotation(1, 0), object.rotation(0, 0));
        return yaw - Math.PI / 2 * Math.round(yaw / (Math.PI / 2));
    }

    /** Above the object with the gripper open, down, close. */
    private static List<WaypointOracle.Waypoint> pick(Transform object) {
        Vec3 o = object.translation();
        double yaw = graspYaw(object);
        return List.of(new WaypointOracle.Waypoint(new Vec3(o.x(), o.y(), o.z() + APPROACH), yaw, OPEN, 2),
                new WaypointOracle.Waypoint(o, yaw, OPEN, 3),
                new WaypointOracle.Waypoint(o, yaw, 0, 8));
    }

    /**
     * Pick the object, carry it above {@code to} (x, y, centre z), set it down, open just enough to
     * let go, retreat. With {@code squareUp} the hand turns on the way so the object lands square
     * to the world axes with the fingers closing along world x (they then clear neighbours placed
     * in a row along y).
     */
    private List<WaypointOracle.Waypoint> pickAndPlace(Transform object, double[] to, boolean squareUp,
            int finalHold) {
        List<WaypointOracle.Waypoint> plan = new ArrayList<>(pick(object));
        Vec3 o = object.translation();
        double yaw = graspYaw(object);
        double placeYaw = squareUp ? (yaw >= 0 ? Math.PI / 2 : -Math.PI / 2) : yaw;
        double carry = Math.max(o.z(), to[2]) + APPROACH;
        double release = RELEASE;
        plan.add(new WaypointOracle.Waypoint(new Vec3(o.x(), o.y(), carry), yaw, 0, 2));
        plan.add(new WaypointOracle.Waypoint(new Vec3(to[0], to[1], carry), placeYaw, 0, 2));
        Vec3 down = new Vec3(to[0], to[1], to[2] + 0.005);
        plan.add(new WaypointOracle.Waypoint(down, placeYaw, 0, 3));
        plan.add(new WaypointOracle.Waypoint(down, placeYaw, release, 6));
        plan.add(new WaypointOracle.Waypoint(new Vec3(to[0], to[1], to[2] + APPROACH), placeYaw, release,
                finalHold));
        return plan;
    }

    /** Gripper width when letting go of a placed block, metres: enough to release, not to hit neighbours. */
    static final double RELEASE = 0.06;

    /** Gripper width when open, metres. */
    static final double OPEN = 0.08;

    /** End-effector position in the world frame. */
    private double[] ee(Scene scene) {
        double[] T = scene.robot(0).eePose();
        Vec3 p = robot.T_world_base().apply(new Vec3(T[9], T[10], T[11]));
        return new double[] {p.x(), p.y(), p.z()};
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }
}
