package dev.mantis.sim.render;

import com.jme3.scene.Mesh;
import com.jme3.scene.VertexBuffer;
import com.jme3.scene.shape.Box;
import com.jme3.scene.shape.Cylinder;
import com.jme3.scene.shape.Sphere;
import com.jme3.util.BufferUtils;
import dev.mantis.robot.mesh.MeshReader;
import dev.mantis.robot.mesh.TriangleMesh;
import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.model.Link;
import dev.mantis.robot.model.Material;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.model.Visual;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.articulation.Articulation;
import dev.mantis.sim.articulation.SimBody;
import dev.mantis.sim.robot.SimRobot;
import dev.mantis.sim.scene.ArticulatedSpec;
import dev.mantis.sim.scene.FixturePart;
import dev.mantis.sim.scene.FixtureSpec;
import dev.mantis.sim.scene.ObjectSpec;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.scene.SceneSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The drawable bodies of a scene and their segmentation labels (see {@link SceneRenderer}); public
 * for other views of a scene (the viewer in {@code dev.mantis.sim.view}).
 */
public record SceneBodies(List<Body> bodies, List<String> labels) {

    /** Grey for robot visuals without a colour. */
    static final Material.Rgba DEFAULT_COLOR = new Material.Rgba(0.6, 0.6, 0.6, 1);

    /** One drawn mesh, where it is and what id it has. */
    public interface Body {
        int id();

        Mesh mesh();

        Material.Rgba color();

        /** The mesh's pose in the world now ({@code links} gives articulations' body poses). */
        Transform pose(Scene scene, LinkPoses links);

        /** The mesh's pose in the world now, articulations at their current joint positions. */
        default Transform pose(Scene scene) {
            return pose(scene, new LinkPoses(Map.of()));
        }
    }

    /**
     * Body poses of articulations by forward kinematics, computed once per articulation for one
     * frame (see {@link Articulation#T_world_bodies()}).
     */
    static final class LinkPoses {
        private final Map<Articulation, Transform[]> poses = new java.util.IdentityHashMap<>();
        private final Map<Articulation, double[]> dofPositions;

        /** Poses with the articulations of {@code dofPositions} at those joint positions, the others as they are. */
        LinkPoses(Map<Articulation, double[]> dofPositions) {
            this.dofPositions = dofPositions;
        }

        Transform T_world_body(Articulation a, int body) {
            return poses.computeIfAbsent(a, k -> dofPositions.containsKey(k) ? k.T_world_bodies(dofPositions.get(k))
                    : k.T_world_bodies())[body];
        }
    }

    record Fixed(int id, Mesh mesh, Material.Rgba color, Transform T_world_mesh) implements Body {
        @Override
        public Transform pose(Scene scene, LinkPoses links) {
            return T_world_mesh;
        }
    }

    record FreeObject(int id, Mesh mesh, Material.Rgba color, String name) implements Body {
        @Override
        public Transform pose(Scene scene, LinkPoses links) {
            return scene.objectPose(name);
        }
    }

    record Part(int id, Mesh mesh, Material.Rgba color, String fixture, Transform T_fixture_part) implements Body {
        @Override
        public Transform pose(Scene scene, LinkPoses links) {
            return scene.fixturePose(fixture).compose(T_fixture_part);
        }
    }

    record RobotVisual(int id, Mesh mesh, Material.Rgba color, int robot, int body, Transform T_body_visual)
            implements Body {
        @Override
        public Transform pose(Scene scene, LinkPoses links) {
            return links.T_world_body(scene.robot(robot).articulation(), body).compose(T_body_visual);
        }
    }

    record ArticulatedVisual(int id, Mesh mesh, Material.Rgba color, String object, int body,
            Transform T_body_visual) implements Body {
        @Override
        public Transform pose(Scene scene, LinkPoses links) {
            return links.T_world_body(scene.articulatedBody(object), body).compose(T_body_visual);
        }
    }

    /** The bodies of {@code scene}, ids and labels as {@link SceneRenderer} gives them. */
    public static SceneBodies of(Scene scene) {
        List<Body> bodies = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        labels.add("background");
        SceneSpec spec = scene.spec();
        labels.add("floor");
        bodies.add(new Fixed(labels.size() - 1, new Box(10f, 10f, 0.5f), new Material.Rgba(0.35, 0.35, 0.38, 1),
                Transform.translation(new Vec3(0, 0, SceneSpec.FLOOR - 0.5))));
        if (spec.table()) {
            labels.add("table");
            bodies.add(new Fixed(labels.size() - 1, new Box(0.6f, 0.8f, 0.025f), new Material.Rgba(0.72, 0.6, 0.45, 1),
                    Transform.translation(new Vec3(0, 0, SceneSpec.TABLE_TOP - 0.025))));
        }
        for (ObjectSpec o : spec.objects()) {
            labels.add("object:" + o.name());
            bodies.add(new FreeObject(labels.size() - 1, mesh(o.shape()), o.color(), o.name()));
        }
        for (FixtureSpec f : spec.fixtures()) {
            labels.add("fixture:" + f.name());
            for (FixturePart part : f.parts()) {
                bodies.add(new Part(labels.size() - 1, mesh(part.shape()), part.color(), f.name(),
                        part.T_fixture_part()));
            }
        }
        for (ArticulatedSpec a : spec.articulated()) {
            labels.add("articulated:" + a.name());
            int id = labels.size() - 1;
            Articulation articulation = scene.articulatedBody(a.name());
            RobotModel model = articulation.layout().model();
            for (SimBody body : articulation.layout().bodies()) {
                for (Map.Entry<String, Transform> e : body.links().entrySet()) {
                    for (Visual visual : model.link(e.getKey()).orElseThrow().visuals()) {
                        bodies.add(new ArticulatedVisual(id, mesh(visual.geometry()), color(model, visual), a.name(),
                                body.index(), e.getValue().compose(visual.origin())));
                    }
                }
            }
        }
        List<SimRobot> robots = scene.robots();
        for (int r = 0; r < robots.size(); r++) {
            Articulation a = robots.get(r).articulation();
            RobotModel model = a.layout().model();
            for (SimBody body : a.layout().bodies()) {
                labels.add("robot:" + spec.robots().get(r).id() + "/" + body.name());
                int id = labels.size() - 1;
                for (Map.Entry<String, Transform> e : body.links().entrySet()) {
                    Link link = model.link(e.getKey()).orElseThrow();
                    for (Visual visual : link.visuals()) {
                        bodies.add(new RobotVisual(id, mesh(visual.geometry()), color(model, visual), r, body.index(),
                                e.getValue().compose(visual.origin())));
                    }
                }
            }
        }
        return new SceneBodies(List.copyOf(bodies), List.copyOf(labels));
    }

    private static Material.Rgba color(RobotModel model, Visual visual) {
        if (visual.material().isEmpty()) {
            return DEFAULT_COLOR;
        }
        Material m = visual.material().get();
        if (m.color().isPresent()) {
            return m.color().get();
        }
        Material named = model.materials().get(m.name());
        return named != null && named.color().isPresent() ? named.color().get() : DEFAULT_COLOR;
    }

    /** A jME mesh of the geometry, centred like the geometry's frame (cylinders along z). */
    static Mesh mesh(Geometry g) {
        if (g instanceof Geometry.Box b) {
            return new Box((float) b.size().x() / 2, (float) b.size().y() / 2, (float) b.size().z() / 2);
        } else if (g instanceof Geometry.Cylinder c) {
            return new Cylinder(2, 32, (float) c.radius(), (float) c.length(), true);
        } else if (g instanceof Geometry.Sphere s) {
            return new Sphere(16, 32, (float) s.radius());
        } else if (g instanceof Geometry.Prism p) {
            // jME's cylinder with as many radial samples as sides is the prism, a vertex on +x
            return new Cylinder(2, p.sides(), (float) p.radius(), (float) p.length(), true);
        }
        Geometry.Mesh m = (Geometry.Mesh) g;
        TriangleMesh t = MeshReader.read(m.resolved().orElseThrow(() -> new IllegalArgumentException(
                "mesh '" + m.filename() + "' was not found; add its package root to the mesh search path")));
        return flatShaded(t, m.scale());
    }

    /** Every triangle with its own three vertices and its face normal. */
    private static Mesh flatShaded(TriangleMesh t, Vec3 scale) {
        int n = t.triangleCount();
        float[] positions = new float[9 * n];
        float[] normals = new float[9 * n];
        float[] p = t.positions();
        int[] tri = t.triangles();
        float sx = (float) scale.x();
        float sy = (float) scale.y();
        float sz = (float) scale.z();
        for (int i = 0; i < n; i++) {
            float[] v = new float[9];
            for (int k = 0; k < 3; k++) {
                int src = 3 * tri[3 * i + k];
                v[3 * k] = p[src] * sx;
                v[3 * k + 1] = p[src + 1] * sy;
                v[3 * k + 2] = p[src + 2] * sz;
            }
            float ax = v[3] - v[0], ay = v[4] - v[1], az = v[5] - v[2];
            float bx = v[6] - v[0], by = v[7] - v[1], bz = v[8] - v[2];
            float nx = ay * bz - az * by, ny = az * bx - ax * bz, nz = ax * by - ay * bx;
            float len = (float) Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (len > 0) {
                nx /= len;
                ny /= len;
                nz /= len;
            }
            System.arraycopy(v, 0, positions, 9 * i, 9);
            for (int k = 0; k < 3; k++) {
                normals[9 * i + 3 * k] = nx;
                normals[9 * i + 3 * k + 1] = ny;
                normals[9 * i + 3 * k + 2] = nz;
            }
        }
        Mesh mesh = new Mesh();
        mesh.setBuffer(VertexBuffer.Type.Position, 3, BufferUtils.createFloatBuffer(positions));
        mesh.setBuffer(VertexBuffer.Type.Normal, 3, BufferUtils.createFloatBuffer(normals));
        int[] index = new int[3 * n];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        mesh.setBuffer(VertexBuffer.Type.Index, 3, BufferUtils.createIntBuffer(index));
        mesh.updateBound();
        return mesh;
    }
}
