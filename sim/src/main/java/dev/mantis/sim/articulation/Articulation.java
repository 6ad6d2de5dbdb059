package dev.mantis.sim.articulation;

import com.jme3.bullet.MultiBody;
import com.jme3.bullet.MultiBodyLink;
import com.jme3.bullet.collision.shapes.CollisionShape;
import com.jme3.bullet.objects.MultiBodyCollider;
import com.jme3.math.Quaternion;
import com.jme3.math.Vector3f;
import dev.mantis.robot.model.JointType;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.physics.JmeConversions;
import dev.mantis.sim.physics.PhysicsWorld;
import dev.mantis.sim.physics.Shapes;
import java.util.ArrayList;
import java.util.List;

/**
 * A robot in a physics world: a Bullet multibody (reduced coordinates, Featherstone) with a
 * fixed base at {@code T_world_base}, one Bullet link per moving body of a {@link BodyLayout}.
 * Each Bullet link frame is its body's centre-of-mass principal frame. Degree of freedom i is
 * the joint of body i + 1.
 */
public final class Articulation {

    private final BodyLayout layout;
    private final MultiBody multiBody;
    private final MultiBodyLink[] links;
    private Transform T_world_base;
    private final double gravity;
    private final int group;
    private final int collideWith;
    private final MultiBodyCollider[] colliders;
    private final dev.mantis.robot.kinematics.KinematicTree tree;
    /** For each degree of freedom, its variable in the model's kinematic tree (-1 for mimic joints). */
    private int[] variableOfDof;

    /** Builds the multibody of a robot (colliding with the world, not with robots) and adds it to {@code world}. */
    public Articulation(PhysicsWorld world, BodyLayout layout, Transform T_world_base) {
        this(world, layout, T_world_base, PhysicsWorld.GROUP_ROBOT, PhysicsWorld.GROUP_WORLD);
    }

    /**
     * Builds the multibody and adds it to {@code world}, its colliders in collision group
     * {@code group} colliding with {@code collideWith} (an articulated object of a scene is in
     * the world group and collides with robots too).
     */
    public Articulation(PhysicsWorld world, BodyLayout layout, Transform T_world_base, int group, int collideWith) {
        this.layout = layout;
        this.group = group;
        this.collideWith = collideWith;
        this.T_world_base = T_world_base;
        this.gravity = world.settings().gravity();
        List<SimBody> bodies = layout.bodies();
        SimBody base = bodies.get(0);
        multiBody = new MultiBody(bodies.size() - 1, (float) Math.max(base.mass(), 1.0),
                JmeConversions.vector(base.principalInertia()), true, false);
        placeBase();
        multiBody.setCollisionGroup(group);
        multiBody.setCollideWithGroups(collideWith);
        links = new MultiBodyLink[bodies.size() - 1];
        for (int i = 1; i < bodies.size(); i++) {
            links[i - 1] = configure(bodies.get(i), bodies.get(bodies.get(i).parent()));
        }
        colliders = new MultiBodyCollider[bodies.size()];
        colliders[0] = attachColliders(base, null);
        for (int i = 1; i < bodies.size(); i++) {
            colliders[i] = attachColliders(bodies.get(i), links[i - 1]);
        }
        tree = dev.mantis.robot.kinematics.KinematicTree.of(layout.model());
        variableOfDof = new int[links.length];
        for (int i = 0; i < links.length; i++) {
            variableOfDof[i] = tree.variableIndex(joint(i).name());
        }
        world.add(multiBody);
        syncColliders();
    }

    private void placeBase() {
        Transform T_world_baseCom = T_world_base.compose(layout.bodies().get(0).T_body_com());
        multiBody.setBaseLocation(JmeConversions.vector(T_world_baseCom.translation()));
        // Bullet's multibody stores the base rotation world-to-base: the inverse of its orientation
        multiBody.setBaseOrientation(JmeConversions.quaternion(T_world_baseCom).inverse());
    }

    /**
     * Moves the fixed base to {@code T_world_base} (between episodes, not during one: an
     * articulated object placed at a sampled pose), and every collider with it.
     */
    public void setBasePose(Transform T_world_base) {
        this.T_world_base = T_world_base;
        placeBase();
        syncColliders();
    }

    /**
     * Moves every collider to where the current joint positions put it. Bullet updates collider
     * poses only while stepping, so call this after teleporting joints (reset, restore) and the
     * next collision check sees the robot where it is.
     */
    public void syncColliders() {
        double[] q = new double[tree.dof()];
        configuration(q);
        var ws = tree.newWorkspace();
        tree.forward(q, ws);
        for (int b = 0; b < colliders.length; b++) {
            if (colliders[b] == null) {
                continue;
            }
            SimBody body = layout.bodies().get(b);
            Transform T_world_com = T_world_base.compose(ws.pose(tree.linkIndex(body.name()))).compose(body.T_body_com());
            colliders[b].setPhysicsLocation(JmeConversions.vector(T_world_com.translation()));
            colliders[b].setPhysicsRotation(JmeConversions.matrix(T_world_com));
        }
    }

    private MultiBodyLink configure(SimBody body, SimBody parent) {
        // the joint frame in the parent's COM frame, and in this body's COM frame
        Transform offsetInA = parent.T_body_com().inverse().compose(body.T_parent_joint());
        Transform offsetInB = body.T_body_com().inverse();
        Transform rotParentToThis = offsetInB.compose(offsetInA.inverse());
        Vec3 axis = rotateOnly(offsetInB, body.joint().axis());
        Vec3 pivotToCom = negate(offsetInB.translation());
        MultiBodyLink parentLink = parent.index() == 0 ? null : links[parent.index() - 1];
        Quaternion q = JmeConversions.quaternion(rotParentToThis);
        Vector3f inertia = JmeConversions.vector(body.principalInertia());
        float mass = (float) body.mass();
        Vector3f a = JmeConversions.vector(axis);
        Vector3f parentComToPivot = JmeConversions.vector(offsetInA.translation());
        Vector3f pivotToThisCom = JmeConversions.vector(pivotToCom);
        if (body.joint().type() == JointType.PRISMATIC) {
            return multiBody.configurePrismaticLink(mass, inertia, parentLink, q, a, parentComToPivot, pivotToThisCom,
                    true);
        }
        return multiBody.configureRevoluteLink(mass, inertia, parentLink, q, a, parentComToPivot, pivotToThisCom,
                true);
    }

    private MultiBodyCollider attachColliders(SimBody body, MultiBodyLink link) {
        if (body.shapes().isEmpty()) {
            return null;
        }
        List<dev.mantis.robot.model.Geometry> geometries = new ArrayList<>();
        List<Transform> poses = new ArrayList<>();
        for (SimBody.Shape s : body.shapes()) {
            geometries.add(s.geometry());
            poses.add(s.T_body_shape());
        }
        CollisionShape shape = Shapes.compound(geometries, poses, body.T_body_com());
        MultiBodyCollider collider = link == null ? multiBody.addBaseCollider(shape) : link.addCollider(shape);
        collider.setCollisionGroup(group);
        collider.setCollideWithGroups(collideWith);
        collider.setFriction(1.0f);
        return collider;
    }

    private static Vec3 rotateOnly(Transform t, Vec3 v) {
        Vec3 moved = t.apply(v);
        Vec3 origin = t.translation();
        return new Vec3(moved.x() - origin.x(), moved.y() - origin.y(), moved.z() - origin.z());
    }

    private static Vec3 negate(Vec3 v) {
        return new Vec3(-v.x(), -v.y(), -v.z());
    }

    /**
     * Writes the current joint positions into {@code q}, a configuration of {@link #tree()}
     * (mimic joints are not variables there: they follow their leaders). Allocation-free.
     */
    public void configuration(double[] q) {
        for (int i = 0; i < variableOfDof.length; i++) {
            if (variableOfDof[i] >= 0) {
                q[variableOfDof[i]] = position(i);
            }
        }
    }

    /** The variable of {@link #tree()} that degree of freedom {@code i} is, -1 for a mimic joint. */
    public int variableOfDof(int i) {
        return variableOfDof[i];
    }

    /** The kinematic tree of the robot's model. */
    public dev.mantis.robot.kinematics.KinematicTree tree() {
        return tree;
    }

    /** The layout this articulation was built from. */
    public BodyLayout layout() {
        return layout;
    }

    /**
     * Poses of every body's frame in the world (indexed like {@link BodyLayout#bodies()}) by forward
     * kinematics of the current joint positions: right also after a teleport (reset, restore),
     * before Bullet has stepped, where {@link #T_world_body} still reports the old poses.
     */
    public Transform[] T_world_bodies() {
        double[] p = new double[dof()];
        for (int i = 0; i < p.length; i++) {
            p[i] = position(i);
        }
        return T_world_bodies(p);
    }

    /**
     * {@link #T_world_bodies()} with the joints at {@code dofPositions} (one per degree of freedom;
     * mimic joints follow their leaders) instead of where they are; nothing moves.
     */
    public Transform[] T_world_bodies(double[] dofPositions) {
        if (dofPositions.length != dof()) {
            throw new IllegalArgumentException("expected " + dof() + " joint positions, got " + dofPositions.length);
        }
        double[] q = new double[tree.dof()];
        for (int i = 0; i < variableOfDof.length; i++) {
            if (variableOfDof[i] >= 0) {
                q[variableOfDof[i]] = dofPositions[i];
            }
        }
        var ws = tree.newWorkspace();
        tree.forward(q, ws);
        Transform[] out = new Transform[layout.bodies().size()];
        for (SimBody body : layout.bodies()) {
            out[body.index()] = T_world_base.compose(ws.pose(tree.linkIndex(body.name())));
        }
        return out;
    }

    /** The fixed pose of the base body frame in the world. */
    public Transform T_world_base() {
        return T_world_base;
    }

    /** Gravity along world z of the world this articulation lives in, m/s². */
    public double gravity() {
        return gravity;
    }

    /** Number of simulated degrees of freedom (one per moving joint, mimic joints included). */
    public int dof() {
        return links.length;
    }

    /** The URDF joint of degree of freedom {@code i}. */
    public dev.mantis.robot.model.Joint joint(int i) {
        return layout.bodies().get(i + 1).joint();
    }

    /** Position of degree of freedom {@code i}, radians or metres. */
    public double position(int i) {
        return links[i].jointPosition(0);
    }

    /** Velocity of degree of freedom {@code i}, rad/s or m/s. */
    public double velocity(int i) {
        return links[i].jointVelocity(0);
    }

    /** Sets position and velocity of degree of freedom {@code i} (teleport; for resets). */
    public void setState(int i, double position, double velocity) {
        links[i].setJointPosition(0, (float) position);
        links[i].setJointVelocity(0, (float) velocity);
    }

    /** Adds a joint torque (N·m) or force (N) to degree of freedom {@code i} for the next step. */
    public void addTorque(int i, double torque) {
        links[i].addJointTorque(0, (float) torque);
    }

    /**
     * Pose of body {@code b}'s frame in the world for the joint positions Bullet has now (forward
     * kinematics, as {@link #syncColliders} places the colliders). Not Bullet's cached link
     * transforms: those are only updated by a step, so right after a reset or restore they would
     * show the previous state.
     */
    public Transform T_world_body(int b) {
        double[] q = new double[tree.dof()];
        configuration(q);
        var ws = tree.newWorkspace();
        tree.forward(q, ws);
        return T_world_base.compose(ws.pose(tree.linkIndex(layout.bodies().get(b).name())));
    }
}
