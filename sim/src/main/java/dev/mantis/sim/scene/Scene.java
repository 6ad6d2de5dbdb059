package dev.mantis.sim.scene;

import com.jme3.bullet.collision.shapes.BoxCollisionShape;
import com.jme3.bullet.objects.PhysicsRigidBody;
import com.jme3.math.Vector3f;
import com.simsilica.mathd.Quatd;
import com.simsilica.mathd.Vec3d;
import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.spatial.Rotations;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.articulation.Articulation;
import dev.mantis.sim.articulation.BodyLayout;
import dev.mantis.sim.physics.JmeConversions;
import dev.mantis.sim.physics.PhysicsWorld;
import dev.mantis.sim.physics.Shapes;
import dev.mantis.sim.robot.SimRobot;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A simulated scene built once from a {@link SceneSpec}: a Bullet world with the floor, an
 * optional table, static fixtures, articulated objects (drawers, buttons), robots and free
 * objects. {@link #step()} advances one control period; {@link #reset(long)} puts it in a seeded
 * initial state; {@link #snapshot()} and {@link #restore} save and load the full dynamic state. Divergence (NaN, infinite or exploding
 * state) is detected after every physics step. Not thread-safe; one scene per thread.
 */
public final class Scene implements AutoCloseable {

    /** Torsional friction of objects per unit of their friction coefficient, metres (a contact patch radius). */
    static final double SPINNING_FRICTION = 0.005;

    /** Speeds above this (m/s or rad/s) count as an explosion. */
    public static final double MAX_SPEED = 100;
    /** Positions farther than this from the origin (m) count as an explosion. */
    public static final double MAX_DISTANCE = 50;

    private final SceneSpec spec;
    private final PhysicsWorld world;
    private final List<SimRobot> robots = new ArrayList<>();
    private final List<PhysicsRigidBody> objects = new ArrayList<>();
    private final List<PhysicsRigidBody> fixtures = new ArrayList<>();
    private final ArticulatedObjects articulated;
    private final List<String> warnings = new ArrayList<>();
    private final int substeps;
    private final double dt;
    private long physicsSteps;
    private StepStatus status = StepStatus.OK;
    private String divergence = "";
    private final Vec3d scratchP = new Vec3d();
    private final Vec3d scratchV = new Vec3d();
    private final Vec3d scratchW = new Vec3d();

    private Scene(SceneSpec spec) {
        this.spec = spec;
        this.world = new PhysicsWorld(spec.physics());
        this.substeps = spec.substeps();
        this.dt = spec.physics().dt();
        try {
            addStatics();
            for (FixtureSpec f : spec.fixtures()) {
                fixtures.add(fixtureBody(f));
            }
            articulated = new ArticulatedObjects(world, spec.articulated(), warnings);
            for (RobotPlacement p : spec.robots()) {
                BodyLayout layout = BodyLayout.of(p.model());
                layout.warnings().forEach(w -> warnings.add("robot '" + p.id() + "': " + w));
                Articulation articulation = new Articulation(world, layout, p.T_world_base());
                robots.add(new SimRobot(p.id(), articulation, p.profile(), p.controller(), p.gains(), this::time));
            }
            for (ObjectSpec o : spec.objects()) {
                PhysicsRigidBody body = new PhysicsRigidBody(Shapes.primitive(o.shape()), (float) o.mass());
                body.setFriction((float) o.friction());
                body.setRestitution((float) o.restitution());
                // torsional friction about the contact normal: point contacts alone let a pinched
                // object pivot between the fingers
                body.setSpinningFriction((float) (SPINNING_FRICTION * o.friction()));
                body.setEnableSleep(false);
                body.setCollisionGroup(PhysicsWorld.GROUP_WORLD);
                body.setCollideWithGroups(PhysicsWorld.GROUP_WORLD | PhysicsWorld.GROUP_ROBOT);
                world.add(body);
                objects.add(body);
            }
        } catch (RuntimeException e) {
            world.close();
            throw e;
        }
    }

    /** Builds a scene (in its reset state for seed 0). */
    public static Scene build(SceneSpec spec) {
        Scene scene = new Scene(spec);
        scene.reset(0);
        return scene;
    }

    private void addStatics() {
        // the floor is a thick slab rather than an infinite plane: its bounding box does not overlap
        // everything above it, so the broadphase does not pair it with every object on the table
        addStaticBox(10, 10, 0.5, SceneSpec.FLOOR - 0.5);
        if (spec.table()) {
            addStaticBox(0.6, 0.8, 0.025, SceneSpec.TABLE_TOP - 0.025);
        }
    }

    /** A static box with these half extents (m), centred at (0, 0, z), friction 1. */
    private void addStaticBox(double halfX, double halfY, double halfZ, double z) {
        BoxCollisionShape shape = new BoxCollisionShape((float) halfX, (float) halfY, (float) halfZ);
        shape.setMargin(Shapes.MARGIN);
        PhysicsRigidBody body = new PhysicsRigidBody(shape, PhysicsRigidBody.massForStatic);
        body.setPhysicsLocation(new Vector3f(0, 0, (float) z));
        body.setFriction(1.0f);
        world.add(body);
    }

    /** A static body of the fixture's parts at its spec pose, added to the world. */
    private PhysicsRigidBody fixtureBody(FixtureSpec f) {
        List<Geometry> shapes = new ArrayList<>();
        List<Transform> poses = new ArrayList<>();
        for (FixturePart part : f.parts()) {
            shapes.add(part.shape());
            poses.add(part.T_fixture_part());
        }
        PhysicsRigidBody body = new PhysicsRigidBody(Shapes.compound(shapes, poses, Transform.IDENTITY),
                PhysicsRigidBody.massForStatic);
        body.setFriction((float) f.friction());
        body.setRestitution(0);
        body.setCollisionGroup(PhysicsWorld.GROUP_WORLD);
        body.setCollideWithGroups(PhysicsWorld.GROUP_WORLD | PhysicsWorld.GROUP_ROBOT);
        body.setPhysicsLocationDp(new Vec3d(f.pose().translation().x(), f.pose().translation().y(),
                f.pose().translation().z()));
        double[] q = quaternion(f.pose());
        body.setPhysicsRotationDp(new Quatd(q[0], q[1], q[2], q[3]));
        world.add(body);
        return body;
    }

    /** Findings while building that did not stop it (e.g. a massless link simulated with a small mass). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The spec this scene was built from. */
    public SceneSpec spec() {
        return spec;
    }

    /** Robot number {@code i}, in spec order. */
    public SimRobot robot(int i) {
        return robots.get(i);
    }

    /** The robots, in spec order. */
    public List<SimRobot> robots() {
        return List.copyOf(robots);
    }

    /** Simulated seconds since the last reset. */
    public double time() {
        return physicsSteps * dt;
    }

    /** Whether the scene diverged since the last reset. */
    public StepStatus status() {
        return status;
    }

    /** What diverged, empty while the status is OK. */
    public String divergence() {
        return divergence;
    }

    /**
     * Puts the scene in the initial state for {@code seed}: robots at rest (plus the spec's joint
     * noise), fixtures at their spec poses, articulated objects at their spec poses with their
     * joints at 0 (clamped into their limits), objects at their spec poses (plus the spec's placement
     * noise), all at rest, time 0. Clears a divergence. The same seed always gives the same state.
     */
    public void reset(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < fixtures.size(); i++) {
            Transform pose = spec.fixtures().get(i).pose();
            placeFixture(i, pose.translation().toArray(), quaternion(pose));
        }
        articulated.reset();
        ResetNoise noise = spec.resetNoise();
        for (SimRobot r : robots) {
            double[] rest = r.restPositions();
            for (int k = 0; k < rest.length; k++) {
                rest[k] += noise.joint() * (2 * rng.nextDouble() - 1);
            }
            r.resetTo(rest, r.joints().hasGripper() ? Double.POSITIVE_INFINITY : 0);
        }
        for (int i = 0; i < objects.size(); i++) {
            Transform pose = spec.objects().get(i).pose();
            if (noise.objectXy() > 0 || noise.objectYaw() > 0) {
                Vec3 p = pose.translation();
                Transform jitter = Transform.fromXyzRpy(new Vec3(noise.objectXy() * (2 * rng.nextDouble() - 1),
                        noise.objectXy() * (2 * rng.nextDouble() - 1), 0),
                        new Vec3(0, 0, noise.objectYaw() * (2 * rng.nextDouble() - 1)));
                // rotate about the object's own vertical axis, shift in the world plane
                pose = Transform.translation(p).compose(jitter).compose(Transform.translation(p).inverse())
                        .compose(pose);
            }
            setObjectState(i, pose.translation().toArray(), quaternion(pose), new double[3], new double[3]);
            // re-adding drops contact caches that may hold non-finite values after a divergence
            world.space().removeCollisionObject(objects.get(i));
            world.add(objects.get(i));
        }
        physicsSteps = 0;
        status = StepStatus.OK;
        divergence = "";
    }

    /** Advances one control period ({@code physicsHz / controlHz} physics steps). */
    public StepStatus step() {
        for (int s = 0; s < substeps && status == StepStatus.OK; s++) {
            stepPhysics();
        }
        return status;
    }

    /** Advances one physics step; does nothing once the scene has diverged. */
    public StepStatus stepPhysics() {
        if (status != StepStatus.OK) {
            return status;
        }
        for (SimRobot r : robots) {
            r.beforePhysicsStep(dt);
        }
        articulated.beforePhysicsStep(dt);
        world.step();
        physicsSteps++;
        checkDivergence();
        return status;
    }

    private void checkDivergence() {
        for (int r = 0; r < robots.size(); r++) {
            Articulation a = robots.get(r).articulation();
            for (int i = 0; i < a.dof(); i++) {
                double q = a.position(i);
                double v = a.velocity(i);
                if (!Double.isFinite(q) || !Double.isFinite(v) || Math.abs(v) > MAX_SPEED) {
                    diverge("robot '" + robots.get(r).robotType() + "' joint '" + a.joint(i).name() + "' position "
                            + q + ", velocity " + v);
                    return;
                }
            }
        }
        String joint = articulated.divergence(MAX_SPEED);
        if (joint != null) {
            diverge(joint);
            return;
        }
        Vec3d p = scratchP;
        Vec3d v = scratchV;
        Vec3d w = scratchW;
        for (int i = 0; i < objects.size(); i++) {
            PhysicsRigidBody b = objects.get(i);
            b.getPhysicsLocationDp(p);
            b.getLinearVelocityDp(v);
            b.getAngularVelocityDp(w);
            double speed = Math.max(v.length(), w.length());
            if (!Double.isFinite(p.x + p.y + p.z) || p.length() > MAX_DISTANCE || !(speed <= MAX_SPEED)) {
                diverge("object '" + spec.objects().get(i).name() + "' at " + p + " moving at " + speed);
                return;
            }
        }
    }

    private void diverge(String what) {
        status = StepStatus.DIVERGED;
        divergence = what + " at t = " + time() + " s";
    }

    /** The pose T_world_object of the named object. */
    public Transform objectPose(String name) {
        PhysicsRigidBody b = objects.get(objectIndex(name));
        Vec3d p = b.getPhysicsLocationDp(null);
        Quatd q = b.getPhysicsRotationDp(null);
        double[] r = new double[9];
        Rotations.fromQuaternion(q.x, q.y, q.z, q.w, r, 0);
        return Transform.of(r, new Vec3(p.x, p.y, p.z));
    }

    /** The pose T_world_fixture of the named fixture. */
    public Transform fixturePose(String name) {
        PhysicsRigidBody b = fixtures.get(fixtureIndex(name));
        Vec3d p = b.getPhysicsLocationDp(null);
        Quatd q = b.getPhysicsRotationDp(null);
        double[] r = new double[9];
        Rotations.fromQuaternion(q.x, q.y, q.z, q.w, r, 0);
        return Transform.of(r, new Vec3(p.x, p.y, p.z));
    }

    /**
     * Moves the named fixture to {@code T_world_fixture}: for setting up an episode (after
     * {@link #reset}), not during one; physics never moves a fixture.
     */
    public void setFixturePose(String name, Transform T_world_fixture) {
        if (!T_world_fixture.translation().isFinite()) {
            throw new IllegalArgumentException("fixture '" + name + "': pose must be finite");
        }
        placeFixture(fixtureIndex(name), T_world_fixture.translation().toArray(), quaternion(T_world_fixture));
    }

    /**
     * Places fixture {@code i} at position {@code p} with quaternion {@code q} (x y z w),
     * re-adding it so the broadphase and contact caches start afresh.
     */
    private void placeFixture(int i, double[] p, double[] q) {
        PhysicsRigidBody b = fixtures.get(i);
        world.space().removeCollisionObject(b);
        b.setPhysicsLocationDp(new Vec3d(p[0], p[1], p[2]));
        b.setPhysicsRotationDp(new Quatd(q[0], q[1], q[2], q[3]));
        world.add(b);
    }

    private int fixtureIndex(String name) {
        return indexOf(spec.fixtures(), FixtureSpec::name, name, "fixture");
    }

    /** Position of the item named {@code name}, or an error naming the {@code kind} and listing the names. */
    private static <T> int indexOf(List<T> items, java.util.function.Function<T, String> nameOf, String name,
            String kind) {
        for (int i = 0; i < items.size(); i++) {
            if (nameOf.apply(items.get(i)).equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + kind + " '" + name + "' in the scene; " + kind + "s: "
                + items.stream().map(nameOf).toList());
    }

    /**
     * The named articulated object's multibody, for reading its link poses (drawing it); set its
     * pose and joints through the scene.
     */
    public Articulation articulatedBody(String name) {
        return articulated.body(name);
    }

    /** The pose T_world_object of the named articulated object's base (its URDF root link). */
    public Transform articulatedPose(String name) {
        return articulated.pose(name);
    }

    /**
     * Moves the named articulated object's base to {@code T_world_object}: for setting up an
     * episode (after {@link #reset}), not during one.
     */
    public void setArticulatedPose(String name, Transform T_world_object) {
        if (!T_world_object.translation().isFinite()) {
            throw new IllegalArgumentException("articulated object '" + name + "': pose must be finite");
        }
        articulated.setPose(name, T_world_object);
    }

    /** Position of joint {@code joint} of the named articulated object, metres or radians. */
    public double objectJoint(String name, String joint) {
        return articulated.position(name, joint);
    }

    /** Velocity of joint {@code joint} of the named articulated object, m/s or rad/s. */
    public double objectJointVelocity(String name, String joint) {
        return articulated.velocity(name, joint);
    }

    /**
     * Sets joint {@code joint} of the named articulated object to {@code position} (clamped into
     * its limits), at rest: for setting up an episode (a drawer that starts open).
     */
    public void setObjectJoint(String name, String joint, double position) {
        articulated.setPosition(name, joint, position);
    }

    /** Linear velocity of the named object, m/s, world frame. */
    public Vec3 objectVelocity(String name) {
        Vec3d v = objects.get(objectIndex(name)).getLinearVelocityDp(null);
        return new Vec3(v.x, v.y, v.z);
    }

    /** Teleports the named object to {@code T_world_object}, at rest. */
    public void setObjectPose(String name, Transform T_world_object) {
        if (!T_world_object.translation().isFinite()) {
            throw new IllegalArgumentException("object '" + name + "': pose must be finite");
        }
        setObjectState(objectIndex(name), T_world_object.translation().toArray(), quaternion(T_world_object),
                new double[3], new double[3]);
    }

    /** Applies an impulse (N·s, world frame) at the named object's centre. */
    public void applyImpulse(String name, Vec3 impulse) {
        if (!impulse.isFinite()) {
            throw new IllegalArgumentException("impulse on object '" + name + "' must be finite, got " + impulse);
        }
        PhysicsRigidBody b = objects.get(objectIndex(name));
        b.applyCentralImpulse(JmeConversions.vector(impulse));
    }

    private int objectIndex(String name) {
        return indexOf(spec.objects(), ObjectSpec::name, name, "object");
    }

    private static double[] quaternion(Transform t) {
        double[] q = new double[4];
        Rotations.toQuaternion(t.rotationRowMajor(), 0, q);
        return q;
    }

    private void setObjectState(int i, double[] p, double[] q, double[] v, double[] w) {
        PhysicsRigidBody b = objects.get(i);
        b.setPhysicsLocationDp(new Vec3d(p[0], p[1], p[2]));
        b.setPhysicsRotationDp(new Quatd(q[0], q[1], q[2], q[3]));
        b.setLinearVelocityDp(new Vec3d(v[0], v[1], v[2]));
        b.setAngularVelocityDp(new Vec3d(w[0], w[1], w[2]));
        b.activate();
    }

    private double[] snapshotFixture(int i) {
        Vec3d p = fixtures.get(i).getPhysicsLocationDp(null);
        Quatd rot = fixtures.get(i).getPhysicsRotationDp(null);
        return new double[] {p.x, p.y, p.z, rot.x, rot.y, rot.z, rot.w};
    }

    /** The full dynamic state now. */
    public SceneState snapshot() {
        int n = robots.size();
        double[][] q = new double[n][];
        double[][] v = new double[n][];
        double[][] targets = new double[n][];
        for (int r = 0; r < n; r++) {
            Articulation a = robots.get(r).articulation();
            q[r] = new double[a.dof()];
            v[r] = new double[a.dof()];
            targets[r] = new double[a.dof()];
            for (int i = 0; i < a.dof(); i++) {
                q[r][i] = a.position(i);
                v[r][i] = a.velocity(i);
                targets[r][i] = robots.get(r).drives().targetPosition(i);
            }
        }
        double[][] o = new double[objects.size()][];
        double[][] rotations = new double[objects.size()][];
        for (int i = 0; i < objects.size(); i++) {
            o[i] = snapshotObject(i);
            rotations[i] = new double[9];
            JmeConversions.rotation(objects.get(i), rotations[i], 0);
        }
        double[][] f = new double[fixtures.size()][];
        for (int i = 0; i < fixtures.size(); i++) {
            f[i] = snapshotFixture(i);
        }
        return new SceneState(time(), q, v, targets, o, f, rotations, articulated.snapshot());
    }

    private double[] snapshotObject(int i) {
        PhysicsRigidBody b = objects.get(i);
        Vec3d p = b.getPhysicsLocationDp(null);
        Quatd rot = b.getPhysicsRotationDp(null);
        Vec3d lin = b.getLinearVelocityDp(null);
        Vec3d ang = b.getAngularVelocityDp(null);
        return new double[] {p.x, p.y, p.z, rot.x, rot.y, rot.z, rot.w, lin.x, lin.y, lin.z, ang.x, ang.y, ang.z};
    }

    /**
     * Loads a state taken from this scene with {@link #snapshot()}. Only what differs from the
     * state is set (a robot whose joint positions, velocities and targets all match is left alone,
     * its controller too; an object's rotation is set from its exact matrix), so restoring after
     * moving only some objects (a goal observation) continues the episode bit for bit. A robot
     * that did change is restored at Bullet's float precision of joint positions.
     */
    public void restore(SceneState state) {
        if (state.robotPositions().length != robots.size() || state.objects().length != objects.size()
                || state.fixtures().length != fixtures.size() || state.articulated().length != articulated.size()) {
            throw new IllegalArgumentException("the state was taken from another scene (" + state.robotPositions().length
                    + " robots, " + state.objects().length + " objects, " + state.fixtures().length + " fixtures; this "
                    + "scene has " + robots.size() + ", " + objects.size() + " and " + fixtures.size() + ")");
        }
        for (int i = 0; i < fixtures.size(); i++) {
            double[] f = state.fixtures()[i];
            // only where it differs: restoring within an episode leaves the world as it was
            if (!java.util.Arrays.equals(snapshotFixture(i), f)) {
                placeFixture(i, new double[] {f[0], f[1], f[2]}, new double[] {f[3], f[4], f[5], f[6]});
            }
        }
        articulated.restore(state.articulated());
        for (int r = 0; r < robots.size(); r++) {
            SimRobot robot = robots.get(r);
            Articulation a = robot.articulation();
            if (robotMatches(r, state)) {
                continue;
            }
            for (int i = 0; i < a.dof(); i++) {
                a.setState(i, state.robotPositions()[r][i], state.robotVelocities()[r][i]);
            }
            a.syncColliders();
            robot.resyncController();
            for (int i = 0; i < a.dof(); i++) {
                robot.drives().setTarget(i, state.robotTargets()[r][i], 0);
            }
        }
        double[] rotation = new double[9];
        for (int i = 0; i < objects.size(); i++) {
            double[] s = state.objects()[i];
            double[] r = state.objectRotations()[i];
            JmeConversions.rotation(objects.get(i), rotation, 0);
            if (java.util.Arrays.equals(snapshotObject(i), s) && java.util.Arrays.equals(rotation, r)) {
                continue;
            }
            PhysicsRigidBody b = objects.get(i);
            b.setPhysicsLocationDp(new Vec3d(s[0], s[1], s[2]));
            JmeConversions.setRotation(b, r, 0);
            b.setLinearVelocityDp(new Vec3d(s[7], s[8], s[9]));
            b.setAngularVelocityDp(new Vec3d(s[10], s[11], s[12]));
            b.activate();
        }
        physicsSteps = Math.round(state.time() / dt);
        status = StepStatus.OK;
        divergence = "";
    }

    /** Whether robot {@code r}'s joint positions, velocities and drive targets are those of {@code state}. */
    private boolean robotMatches(int r, SceneState state) {
        SimRobot robot = robots.get(r);
        Articulation a = robot.articulation();
        for (int i = 0; i < a.dof(); i++) {
            if (Double.compare(a.position(i), state.robotPositions()[r][i]) != 0
                    || Double.compare(a.velocity(i), state.robotVelocities()[r][i]) != 0
                    || Double.compare(robot.drives().targetPosition(i), state.robotTargets()[r][i]) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Closes the scene: its world is emptied and destroyed now; the native memory of its bodies
     * and shapes is freed once the JVM has collected their Java handles.
     */
    @Override
    public void close() {
        world.close();
    }
}
