package dev.mantis.sim.view;

import com.jme3.asset.AssetManager;
import com.jme3.light.AmbientLight;
import com.jme3.light.DirectionalLight;
import com.jme3.material.Material;
import com.jme3.material.RenderState;
import com.jme3.math.ColorRGBA;
import com.jme3.math.Quaternion;
import com.jme3.math.Vector3f;
import com.jme3.renderer.queue.RenderQueue;
import com.jme3.scene.Geometry;
import com.jme3.scene.Node;
import com.jme3.scene.Spatial;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.render.SceneBodies;
import java.util.ArrayList;
import java.util.List;

/**
 * The viewer's jME scene graph: every body of the playback's scene (as the cameras draw them, from
 * {@link SceneBodies}) in its colour, and the goal as translucent ghosts of the bodies the goal
 * moves, at their poses in the {@link GoalScene} (hidden where a body already is at its goal pose).
 * Built and {@link #capture}d on the simulation thread, {@link #apply}d on jME's.
 */
final class ViewScene {

    /** Opacity of the goal ghosts of objects (drawn in their own colour). */
    static final float GHOST_ALPHA = 0.5f;
    /** Colour of the robot's goal ghost (a pale green, so it reads as the goal, not as the robot). */
    static final ColorRGBA ROBOT_GHOST = new ColorRGBA(0.45f, 0.95f, 0.55f, 0.3f);

    private final Node root = new Node("mantis-view");
    private final Playback playback;
    private final List<Drawn> drawn = new ArrayList<>();
    private final List<Drawn> ghosts = new ArrayList<>();
    /** Poses read by {@link #capture}: 12 numbers per drawn body, then per ghost. */
    private final double[] poses;
    private final boolean[] visible;
    private final Quaternion q = new Quaternion();

    /** A jME geometry that follows one body; a ghost's twin is the same body in the playback's scene. */
    private record Drawn(Geometry geometry, SceneBodies.Body body, Drawn twin) {
    }

    /** A ghost whose origin is closer than this to its body's (metres) is hidden: it would z-fight. */
    static final double SAME_POSE = 1e-3;

    ViewScene(AssetManager assets, Playback playback) {
        this.playback = playback;
        SceneBodies bodies = SceneBodies.of(playback.scene());
        for (SceneBodies.Body b : bodies.bodies()) {
            Geometry g = new Geometry(bodies.labels().get(b.id()), b.mesh());
            g.setMaterial(lit(assets, b, 1f));
            root.attachChild(g);
            drawn.add(new Drawn(g, b, null));
        }
        SceneBodies goalBodies = SceneBodies.of(playback.goal().scene());
        for (int i = 0; i < goalBodies.bodies().size(); i++) {
            SceneBodies.Body b = goalBodies.bodies().get(i);
            String label = goalBodies.labels().get(b.id());
            if (!playback.goal().ghosts(label)) {
                continue;
            }
            Geometry g = new Geometry("ghost " + label, b.mesh());
            Material m = label.startsWith("robot:") ? lit(assets, ROBOT_GHOST) : lit(assets, b, GHOST_ALPHA);
            m.getAdditionalRenderState().setBlendMode(RenderState.BlendMode.Alpha);
            m.getAdditionalRenderState().setDepthWrite(false);
            g.setMaterial(m);
            g.setQueueBucket(RenderQueue.Bucket.Transparent);
            root.attachChild(g);
            ghosts.add(new Drawn(g, b, drawn.get(i))); // both scenes come from one spec: same bodies, same order
        }
        poses = new double[12 * (drawn.size() + ghosts.size())];
        visible = new boolean[ghosts.size()];
        root.addLight(new AmbientLight(new ColorRGBA(0.45f, 0.45f, 0.45f, 1f)));
        root.addLight(new DirectionalLight(new Vector3f(-0.3f, -0.4f, -1f).normalizeLocal(),
                new ColorRGBA(0.75f, 0.75f, 0.75f, 1f)));
    }

    private static Material lit(AssetManager assets, SceneBodies.Body b, float alpha) {
        return lit(assets, new ColorRGBA((float) b.color().r(), (float) b.color().g(), (float) b.color().b(), alpha));
    }

    private static Material lit(AssetManager assets, ColorRGBA c) {
        Material m = new Material(assets, "Common/MatDefs/Light/Lighting.j3md");
        m.setBoolean("UseMaterialColors", true);
        m.setColor("Diffuse", c);
        m.setColor("Ambient", c);
        m.setColor("Specular", ColorRGBA.Black);
        return m;
    }

    /** The scene graph to attach. */
    Node root() {
        return root;
    }

    /**
     * On the simulation thread: reads every body's pose now into this view's buffer; ghosts show
     * only while the goal scene holds a goal and away from where their body already is.
     */
    void capture() {
        for (int i = 0; i < drawn.size(); i++) {
            drawn.get(i).body().pose(playback.scene()).writeTo(poses, 12 * i);
        }
        boolean shown = playback.goal().shown();
        for (int i = 0; i < ghosts.size(); i++) {
            Drawn d = ghosts.get(i);
            Transform T_world_goal = shown ? d.body().pose(playback.goal().scene()) : null;
            visible[i] = shown && !samePose(T_world_goal, d.twin().body().pose(playback.scene()));
            if (visible[i]) {
                T_world_goal.writeTo(poses, 12 * (drawn.size() + i));
            }
        }
    }

    /** On jME's thread: moves the geometries to the poses {@link #capture} read. */
    void apply() {
        for (int i = 0; i < drawn.size(); i++) {
            place(drawn.get(i).geometry(), 12 * i);
        }
        for (int i = 0; i < ghosts.size(); i++) {
            Geometry g = ghosts.get(i).geometry();
            g.setCullHint(visible[i] ? Spatial.CullHint.Inherit : Spatial.CullHint.Always);
            if (visible[i]) {
                place(g, 12 * (drawn.size() + i));
            }
        }
    }

    /** Same origin (a link turned about its own axis, e.g. the robot's first, would still z-fight). */
    private static boolean samePose(Transform a, Transform b) {
        Vec3 p = a.translation();
        Vec3 q = b.translation();
        return Math.abs(p.x() - q.x()) <= SAME_POSE && Math.abs(p.y() - q.y()) <= SAME_POSE
                && Math.abs(p.z() - q.z()) <= SAME_POSE;
    }

    private void place(Geometry g, int o) {
        q.fromRotationMatrix((float) poses[o], (float) poses[o + 1], (float) poses[o + 2], (float) poses[o + 3],
                (float) poses[o + 4], (float) poses[o + 5], (float) poses[o + 6], (float) poses[o + 7],
                (float) poses[o + 8]);
        g.setLocalRotation(q);
        g.setLocalTranslation((float) poses[o + 9], (float) poses[o + 10], (float) poses[o + 11]);
    }
}
