package dev.mantis.sim.physics;

import com.jme3.bullet.MultiBody;
import com.jme3.bullet.MultiBodySpace;
import com.jme3.bullet.PhysicsSpace;
import com.jme3.bullet.SolverType;
import com.jme3.bullet.collision.PhysicsCollisionObject;
import com.jme3.math.Vector3f;

/**
 * A Bullet dynamics world (multibody-capable, sequential-impulse solver, one thread) stepped at
 * a fixed rate. Owns its native memory: {@link #close()} frees it.
 */
public final class PhysicsWorld implements AutoCloseable {

    /** Collision group of robot links: robots do not collide with themselves. */
    public static final int GROUP_ROBOT = PhysicsCollisionObject.COLLISION_GROUP_02;
    /** Collision group of everything else. */
    public static final int GROUP_WORLD = PhysicsCollisionObject.COLLISION_GROUP_01;

    private final PhysicsSettings settings;
    private final MultiBodySpace space;
    private final float dt;
    private boolean closed;

    /** A new empty world. */
    public PhysicsWorld(PhysicsSettings settings) {
        BulletNatives.load();
        this.settings = settings;
        this.dt = (float) settings.dt();
        space = new MultiBodySpace(new Vector3f(-20, -20, -20), new Vector3f(20, 20, 20),
                PhysicsSpace.BroadphaseType.DBVT, SolverType.SI);
        space.setGravity(new Vector3f(0, 0, (float) settings.gravity()));
        space.getSolverInfo().setNumIterations(settings.solverIterations());
        space.setMaxSubSteps(0);
        // process contact pairs in a sorted order, not in the broadphase tree's order, which depends
        // on the world's history: an episode then plays out the same whatever ran before it
        space.useDeterministicDispatch(true);
    }

    /** The settings this world was made with. */
    public PhysicsSettings settings() {
        return settings;
    }

    /** The Bullet space, for the classes of this package and of articulation/scene building. */
    public MultiBodySpace space() {
        ensureOpen();
        return space;
    }

    /** Adds a multibody. */
    public void add(MultiBody body) {
        ensureOpen();
        space.addMultiBody(body);
    }

    /** Adds a rigid body or other collision object. */
    public void add(PhysicsCollisionObject object) {
        ensureOpen();
        space.addCollisionObject(object);
    }

    /** Advances the world by one physics step of {@code 1 / physicsHz} seconds. */
    public void step() {
        ensureOpen();
        space.update(dt, 0);
    }

    /** Frees the native world. Safe to call twice. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            for (MultiBody mb : space.getMultiBodyList().toArray(MultiBody[]::new)) {
                space.removeMultiBody(mb);
            }
            for (PhysicsCollisionObject o : space.getPcoList().toArray(PhysicsCollisionObject[]::new)) {
                space.removeCollisionObject(o);
            }
            space.destroy();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the physics world is closed");
        }
    }
}
