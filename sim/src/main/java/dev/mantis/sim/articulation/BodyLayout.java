package dev.mantis.sim.articulation;

import dev.mantis.robot.model.Collision;
import dev.mantis.robot.model.Inertial;
import dev.mantis.robot.model.Joint;
import dev.mantis.robot.model.Link;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.spatial.Rotations;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a robot model becomes simulated rigid bodies: links joined by fixed joints are welded into
 * one body (masses, centres of mass and inertias combined, then diagonalised), every revolute,
 * continuous or prismatic joint starts a new body.
 */
public final class BodyLayout {

    /** Mass given to a moving body whose links carry no mass at all, kg. */
    static final double MASSLESS_BODY_MASS = 0.01;
    /** Principal inertia given to such a body, kg·m². */
    static final double MASSLESS_BODY_INERTIA = 1e-6;
    /** Smallest principal moment kept, kg·m² (Bullet needs positive moments). */
    static final double MIN_MOMENT = 1e-9;

    private final RobotModel model;
    private final List<SimBody> bodies;
    private final List<String> warnings;

    private BodyLayout(RobotModel model, List<SimBody> bodies, List<String> warnings) {
        this.model = model;
        this.bodies = List.copyOf(bodies);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Lays out the bodies of {@code model}.
     *
     * @throws IllegalArgumentException naming the element when the model cannot be simulated: a
     *     mesh file that was not found, a floating or planar joint inside the robot
     */
    public static BodyLayout of(RobotModel model) {
        List<String> missing = model.missingMeshes();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(model.source() + ": simulation needs every mesh file, not found: "
                    + String.join("; ", missing) + "; add the package roots to the mesh search path");
        }
        Map<String, Integer> bodyOfLink = new HashMap<>();
        Map<String, Transform> T_body_link = new HashMap<>();
        List<Builder> builders = new ArrayList<>();
        Link root = model.rootLink();
        builders.add(new Builder(root.name(), -1, null, Transform.IDENTITY));
        bodyOfLink.put(root.name(), 0);
        T_body_link.put(root.name(), Transform.IDENTITY);
        builders.get(0).add(root, Transform.IDENTITY);
        for (Joint j : model.joints()) {
            int parentBody = bodyOfLink.get(j.parent());
            Transform T_pbody_joint = T_body_link.get(j.parent()).compose(j.origin());
            Link child = model.link(j.child()).orElseThrow();
            switch (j.type()) {
                case FIXED -> {
                    bodyOfLink.put(child.name(), parentBody);
                    T_body_link.put(child.name(), T_pbody_joint);
                    builders.get(parentBody).add(child, T_pbody_joint);
                }
                case REVOLUTE, CONTINUOUS, PRISMATIC -> {
                    int index = builders.size();
                    Builder b = new Builder(child.name(), parentBody, j, T_pbody_joint);
                    builders.add(b);
                    bodyOfLink.put(child.name(), index);
                    T_body_link.put(child.name(), Transform.IDENTITY);
                    b.add(child, Transform.IDENTITY);
                }
                default -> throw new IllegalArgumentException(model.source() + ": joint '" + j.name() + "' is "
                        + j.type().urdfName() + "; simulated robots support revolute, continuous, prismatic and "
                        + "fixed joints (mount the robot with a scene pose instead of a floating joint)");
            }
        }
        List<SimBody> bodies = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < builders.size(); i++) {
            bodies.add(builders.get(i).build(i, warnings));
        }
        return new BodyLayout(model, bodies, warnings);
    }

    /** The model laid out. */
    public RobotModel model() {
        return model;
    }

    /** Bodies, parents before children; body 0 is the base. */
    public List<SimBody> bodies() {
        return bodies;
    }

    /** Findings that do not stop simulation (e.g. a massless moving body given a small mass). */
    public List<String> warnings() {
        return warnings;
    }

    /** Accumulates the links of one body. */
    private static final class Builder {
        final String name;
        final int parent;
        final Joint joint;
        final Transform T_parent_joint;
        final Map<String, Transform> links = new LinkedHashMap<>();
        final List<SimBody.Shape> shapes = new ArrayList<>();
        final List<Inertial> inertials = new ArrayList<>();
        final List<Transform> inertialPoses = new ArrayList<>();

        Builder(String name, int parent, Joint joint, Transform T_parent_joint) {
            this.name = name;
            this.parent = parent;
            this.joint = joint;
            this.T_parent_joint = T_parent_joint;
        }

        void add(Link link, Transform T_body_link) {
            links.put(link.name(), T_body_link);
            for (Collision c : link.collisions()) {
                shapes.add(new SimBody.Shape(c.geometry(), T_body_link.compose(c.origin())));
            }
            link.inertial().filter(in -> in.mass() > 0).ifPresent(in -> {
                inertials.add(in);
                inertialPoses.add(T_body_link.compose(in.origin()));
            });
        }

        SimBody build(int index, List<String> warnings) {
            double mass = 0;
            double[] com = new double[3];
            for (int k = 0; k < inertials.size(); k++) {
                double m = inertials.get(k).mass();
                Vec3 c = inertialPoses.get(k).translation();
                mass += m;
                com[0] += m * c.x();
                com[1] += m * c.y();
                com[2] += m * c.z();
            }
            if (mass == 0) {
                if (joint != null) {
                    warnings.add("link '" + name + "' has no mass; simulating it as " + MASSLESS_BODY_MASS + " kg");
                }
                Vec3 moments = new Vec3(MASSLESS_BODY_INERTIA, MASSLESS_BODY_INERTIA, MASSLESS_BODY_INERTIA);
                return new SimBody(index, name, parent, joint, T_parent_joint, links,
                        joint == null ? 0 : MASSLESS_BODY_MASS, Transform.IDENTITY, moments, shapes);
            }
            com[0] /= mass;
            com[1] /= mass;
            com[2] /= mass;
            double[] total = new double[9];
            double[] r = new double[9];
            double[] local = new double[9];
            double[] tmp = new double[9];
            double[] rotated = new double[9];
            for (int k = 0; k < inertials.size(); k++) {
                Inertial in = inertials.get(k);
                Transform pose = inertialPoses.get(k);
                for (int i = 0; i < 9; i++) {
                    r[i] = pose.rotation(i / 3, i % 3);
                }
                var t = in.inertia();
                local[0] = t.ixx();
                local[1] = t.ixy();
                local[2] = t.ixz();
                local[3] = t.ixy();
                local[4] = t.iyy();
                local[5] = t.iyz();
                local[6] = t.ixz();
                local[7] = t.iyz();
                local[8] = t.izz();
                // R I R^T
                Rotations.multiply(r, local, tmp);
                double[] rt = new double[9];
                Rotations.transpose(r, rt);
                Rotations.multiply(tmp, rt, rotated);
                Vec3 c = pose.translation();
                double dx = c.x() - com[0];
                double dy = c.y() - com[1];
                double dz = c.z() - com[2];
                double d2 = dx * dx + dy * dy + dz * dz;
                double m = in.mass();
                double[] d = {dx, dy, dz};
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        total[3 * i + j] += rotated[3 * i + j] + m * ((i == j ? d2 : 0) - d[i] * d[j]);
                    }
                }
            }
            PrincipalAxes axes = new PrincipalAxes(total[0], total[1], total[2], total[4], total[5], total[8]);
            Vec3 moments = new Vec3(Math.max(MIN_MOMENT, axes.moments[0]), Math.max(MIN_MOMENT, axes.moments[1]),
                    Math.max(MIN_MOMENT, axes.moments[2]));
            Transform T_body_com = Transform.of(axes.rotation, new Vec3(com[0], com[1], com[2]));
            return new SimBody(index, name, parent, joint, T_parent_joint, links, mass, T_body_com, moments, shapes);
        }
    }
}
