package dev.mantis.sim.scene;

import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.articulation.Articulation;
import dev.mantis.sim.articulation.BodyLayout;
import dev.mantis.sim.articulation.PassiveJoints;
import dev.mantis.sim.physics.PhysicsWorld;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The articulated objects of a {@link Scene}: one fixed-base multibody per {@link ArticulatedSpec},
 * in the world collision group (robots and objects touch it), with passive joints.
 */
final class ArticulatedObjects {

    private final List<ArticulatedSpec> specs;
    private final List<Articulation> bodies = new ArrayList<>();
    private final List<PassiveJoints> joints = new ArrayList<>();

    /** Builds every object of {@code specs} into {@code world}, noting layout findings in {@code warnings}. */
    ArticulatedObjects(PhysicsWorld world, List<ArticulatedSpec> specs, List<String> warnings) {
        this.specs = specs;
        for (ArticulatedSpec a : specs) {
            BodyLayout layout = BodyLayout.of(a.model());
            layout.warnings().forEach(w -> warnings.add("articulated object '" + a.name() + "': " + w));
            Articulation body = new Articulation(world, layout, a.pose(), PhysicsWorld.GROUP_WORLD,
                    PhysicsWorld.GROUP_WORLD | PhysicsWorld.GROUP_ROBOT);
            double[] stiffness = new double[body.dof()];
            double[] rest = new double[body.dof()];
            for (ArticulatedSpec.Spring spring : a.springs()) {
                int i = dofIndex(body, a.name(), spring.joint());
                stiffness[i] = spring.stiffness();
                rest[i] = spring.rest();
            }
            bodies.add(body);
            joints.add(new PassiveJoints(body, stiffness, rest));
        }
    }

    private static int dofIndex(Articulation a, String object, String joint) {
        for (int i = 0; i < a.dof(); i++) {
            if (a.joint(i).name().equals(joint)) {
                return i;
            }
        }
        throw new IllegalArgumentException("articulated object '" + object + "' has no moving joint '" + joint + "'");
    }

    int size() {
        return bodies.size();
    }

    /** Every object at its spec pose, its joints at 0 (clamped into their limits), at rest. */
    void reset() {
        for (int i = 0; i < bodies.size(); i++) {
            Articulation a = bodies.get(i);
            a.setBasePose(specs.get(i).pose());
            for (int k = 0; k < a.dof(); k++) {
                a.setState(k, clamp(i, k, 0), 0);
            }
            a.syncColliders();
        }
    }

    private double clamp(int i, int k, double q) {
        return Math.max(joints.get(i).lower(k), Math.min(joints.get(i).upper(k), q));
    }

    /** Applies the passive joint forces for one physics step of {@code dt} seconds. */
    void beforePhysicsStep(double dt) {
        for (int i = 0; i < joints.size(); i++) {
            joints.get(i).apply(dt);
        }
    }

    /** What diverged (a non-finite or too fast joint), or null. */
    String divergence(double maxSpeed) {
        for (int r = 0; r < bodies.size(); r++) {
            Articulation a = bodies.get(r);
            for (int i = 0; i < a.dof(); i++) {
                double q = a.position(i);
                double v = a.velocity(i);
                if (!Double.isFinite(q) || !Double.isFinite(v) || Math.abs(v) > maxSpeed) {
                    return "articulated object '" + specs.get(r).name() + "' joint '" + a.joint(i).name()
                            + "' position " + q + ", velocity " + v;
                }
            }
        }
        return null;
    }

    /** The named object's multibody. */
    Articulation body(String name) {
        return bodies.get(index(name));
    }

    Transform pose(String name) {
        return bodies.get(index(name)).T_world_base();
    }

    void setPose(String name, Transform T_world_object) {
        bodies.get(index(name)).setBasePose(T_world_object);
    }

    double position(String name, String joint) {
        Articulation a = bodies.get(index(name));
        return a.position(dofIndex(a, name, joint));
    }

    double velocity(String name, String joint) {
        Articulation a = bodies.get(index(name));
        return a.velocity(dofIndex(a, name, joint));
    }

    void setPosition(String name, String joint, double position) {
        int i = index(name);
        Articulation a = bodies.get(i);
        int k = dofIndex(a, name, joint);
        a.setState(k, clamp(i, k, position), 0);
        a.syncColliders();
    }

    private int index(String name) {
        for (int i = 0; i < bodies.size(); i++) {
            if (specs.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no articulated object '" + name + "' in the scene; articulated objects: "
                + specs.stream().map(ArticulatedSpec::name).toList());
    }

    /** Per object: base position, rotation row-major, joint positions, joint velocities. */
    double[][] snapshot() {
        double[][] out = new double[bodies.size()][];
        for (int i = 0; i < bodies.size(); i++) {
            out[i] = snapshot(i);
        }
        return out;
    }

    private double[] snapshot(int i) {
        Articulation a = bodies.get(i);
        int n = a.dof();
        double[] s = new double[12 + 2 * n];
        Transform T = a.T_world_base();
        System.arraycopy(T.translation().toArray(), 0, s, 0, 3);
        System.arraycopy(T.rotationRowMajor(), 0, s, 3, 9);
        for (int k = 0; k < n; k++) {
            s[12 + k] = a.position(k);
            s[12 + n + k] = a.velocity(k);
        }
        return s;
    }

    /** Loads a {@link #snapshot()}, touching only the objects whose state differs. */
    void restore(double[][] state) {
        for (int i = 0; i < bodies.size(); i++) {
            double[] s = state[i];
            if (Arrays.equals(snapshot(i), s)) {
                continue;
            }
            Articulation a = bodies.get(i);
            Transform T = Transform.of(Arrays.copyOfRange(s, 3, 12), new Vec3(s[0], s[1], s[2]));
            if (!T.equals(a.T_world_base())) {
                a.setBasePose(T);
            }
            int n = a.dof();
            for (int k = 0; k < n; k++) {
                a.setState(k, s[12 + k], s[12 + n + k]);
            }
            a.syncColliders();
        }
    }
}
