package dev.mantis.sim.render;

import com.jme3.asset.AssetManager;
import com.jme3.light.AmbientLight;
import com.jme3.light.DirectionalLight;
import com.jme3.material.Material;
import com.jme3.math.ColorRGBA;
import com.jme3.math.Quaternion;
import com.jme3.math.Vector3f;
import com.jme3.renderer.RenderManager;
import com.jme3.renderer.Renderer;
import com.jme3.renderer.ViewPort;
import com.jme3.scene.Geometry;
import com.jme3.scene.Node;
import com.jme3.system.AppSettings;
import com.jme3.system.JmeContext;
import com.jme3.system.JmeSystem;
import com.jme3.system.SystemListener;
import com.jme3.texture.FrameBuffer;
import com.jme3.texture.Image;
import com.jme3.util.BufferUtils;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.sim.articulation.Articulation;
import dev.mantis.sim.scene.Scene;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.lwjgl.opengl.GL11;

/**
 * Renders a {@link Scene} off-screen with jMonkeyEngine (OpenGL through LWJGL 3): RGB, metric
 * depth and a segmentation mask per {@link Camera}, into a caller-owned {@link RgbdFrame}.
 *
 * <p>What is drawn, with its colour from the spec: the floor, the table, every free object
 * (box, cylinder, sphere, mesh), every fixture part and every visual of every robot link (where
 * the current joint positions put them), and every visual of every articulated object (drawers, buttons, with
 * their URDF colours). Lighting:
 * an ambient light and one directional light from above.
 *
 * <p>Segmentation ids are given once, at construction, in this order: 0 background, then the
 * floor, the table (when the scene has one), the objects in spec order, the fixtures in spec
 * order, the articulated objects in spec order, then each robot's bodies in layout order (a body is
 * a link and the links welded to it by fixed joints). {@link #labels()} names them: "floor",
 * "table", "object:NAME", "fixture:NAME", "articulated:NAME", "robot:ID/LINK".
 *
 * <p>OpenGL needs a display: on Linux an X server (Xvfb with Mesa's llvmpipe in CI). The
 * constructor fails with a {@link RenderException} when no context can be made; it never
 * renders nothing silently. The renderer owns one OpenGL thread; {@link #render} blocks the
 * caller until the frame is read back. Not thread-safe: use a renderer from one thread, and the
 * scene must not step while a frame renders. Buffers (frame buffers, read-back buffers) are reused.
 * One renderer draws any number of scenes ({@link #render(Scene, Camera, RgbdFrame)}, e.g. one per
 * collection worker): each scene's geometry is built when first drawn and kept until {@link #close}.
 *
 * <p>At most one renderer may be open in a process at a time: closing jME's LWJGL 3 context calls
 * glfwTerminate, which would destroy every other open context (the JVM then crashes in OpenGL).
 * A second constructor call while one is open throws {@link IllegalStateException}; render
 * several cameras (and several scenes, one after the other) with one renderer.
 */
public final class SceneRenderer implements AutoCloseable {

    /** How long the OpenGL context may take to start, seconds. */
    static final long START_TIMEOUT_S = 30;

    /** Whether a renderer is open in this process (see the class comment: GLFW is process-wide). */
    private static final java.util.concurrent.atomic.AtomicBoolean OPEN =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** The scene of {@link #SceneRenderer(Scene)}, or null. */
    private final Scene scene;
    /** Every scene drawn so far, by identity; guarded by {@code this}. */
    private final Map<Scene, SceneGraph> graphs = new IdentityHashMap<>();
    private final JmeContext context;
    private final GlThread gl = new GlThread();
    private boolean closed;

    /**
     * Starts an off-screen OpenGL context and builds the scene's geometry.
     *
     * @throws RenderException when there is no display or OpenGL context, naming the fix
     */
    public SceneRenderer(Scene scene) {
        this(scene, true);
    }

    /**
     * Starts an off-screen OpenGL context for drawing any number of scenes with
     * {@link #render(Scene, Camera, RgbdFrame)} (each scene's geometry is built when it is first drawn).
     *
     * @throws RenderException when there is no display or OpenGL context, naming the fix
     */
    public SceneRenderer() {
        this(null, false);
    }

    private SceneRenderer(Scene scene, boolean hasScene) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("linux") && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            throw new RenderException(noContext("DISPLAY is unset"));
        }
        if (!OPEN.compareAndSet(false, true)) {
            throw new IllegalStateException("another SceneRenderer is open in this process; close it first (closing "
                    + "one terminates GLFW for all), or render every camera with one renderer");
        }
        try {
            this.scene = hasScene ? java.util.Objects.requireNonNull(scene, "scene") : null;
            if (hasScene) {
                graphs.put(scene, new SceneGraph(SceneBodies.of(scene)));
            }
            this.context = start();
        } catch (RuntimeException | Error e) {
            OPEN.set(false);
            throw e;
        }
    }

    /**
     * Claims the process's one OpenGL context for another jME context ({@code what}, e.g. the
     * viewer's window), as a renderer does: while claimed, a renderer cannot be made, and the
     * other way round. Run the returned action once that context is destroyed.
     *
     * @throws IllegalStateException when a renderer or another claim holds the context
     */
    public static Runnable claimContext(String what) {
        if (!OPEN.compareAndSet(false, true)) {
            throw new IllegalStateException("cannot open " + what + ": another OpenGL context (a SceneRenderer or a "
                    + "viewer) is open in this process; close it first (one GLFW context per process)");
        }
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                OPEN.set(false);
            }
        };
    }

    private JmeContext start() {
        AppSettings settings = new AppSettings(true);
        settings.setRenderer(AppSettings.LWJGL_OPENGL32);
        settings.setAudioRenderer(null);
        settings.setResolution(16, 16);
        settings.setGammaCorrection(false);
        settings.setSamples(0);
        settings.setVSync(false);
        settings.setFrameRate(-1);
        settings.setUseInput(false);
        JmeContext context = JmeSystem.newContext(settings, JmeContext.Type.OffscreenSurface);
        gl.context = context;
        context.setSystemListener(gl);
        context.create(false);
        try {
            if (!gl.started.await(START_TIMEOUT_S, TimeUnit.SECONDS)) {
                context.destroy(false);
                throw new RenderException(noContext("the OpenGL context did not start within " + START_TIMEOUT_S
                        + " s (DISPLAY=" + System.getenv("DISPLAY") + ")"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.destroy(false);
            throw new RenderException("interrupted while starting the OpenGL context", e);
        }
        if (gl.error != null) {
            context.destroy(false);
            throw new RenderException(noContext(gl.error.getMessage() + " (DISPLAY=" + System.getenv("DISPLAY") + ")"),
                    gl.error);
        }
        return context;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String noContext(String why) {
        return "no OpenGL context: " + why + "; start Xvfb (scripts/install-deps.sh installs it): "
                + "Xvfb :99 -screen 0 1280x1024x24 & export DISPLAY=:99 (.ci/run does this)";
    }

    /** Names of the segmentation ids of the constructor's scene: {@code labels().get(id)}; id 0 is "background". */
    public List<String> labels() {
        return labels(defaultScene());
    }

    /** The segmentation id of a label ("object:cube", "table", ...) in the constructor's scene, or -1. */
    public int id(String label) {
        return labels().indexOf(label);
    }

    /** Names of the segmentation ids of {@code scene} (see the class comment for their order). */
    public synchronized List<String> labels(Scene scene) {
        return graph(scene).bodies.labels();
    }

    private Scene defaultScene() {
        if (scene == null) {
            throw new IllegalStateException("this renderer was made without a scene; name the scene");
        }
        return scene;
    }

    private SceneGraph graph(Scene s) {
        return graphs.computeIfAbsent(s, k -> new SceneGraph(SceneBodies.of(k)));
    }

    /** The OpenGL renderer's name (e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"). */
    public String glRenderer() {
        return gl.glRenderer;
    }

    /**
     * Renders the scene as it is now, seen by {@code camera}, into {@code frame} (same size as the
     * camera's image).
     */
    public void render(Camera camera, RgbdFrame frame) {
        render(defaultScene(), camera, frame);
    }

    /**
     * Renders {@code scene} as it is now, seen by {@code camera}, into {@code frame} (same size as
     * the camera's image). Callers on several threads are served one at a time; the scene must not
     * step while its frame renders.
     */
    public void render(Scene scene, Camera camera, RgbdFrame frame) {
        render(scene, camera, frame, Map.of());
    }

    /**
     * Renders {@code scene} with the articulations (robots, articulated objects) that are keys of
     * {@code dofPositions} drawn at those joint positions (one per degree of freedom) instead of
     * where they are, e.g. a goal configuration; nothing in the scene moves.
     */
    public synchronized void render(Scene scene, Camera camera, RgbdFrame frame,
            Map<Articulation, double[]> dofPositions) {
        if (closed) {
            throw new IllegalStateException("renderer is closed");
        }
        if (frame.width() != camera.width() || frame.height() != camera.height()) {
            throw new IllegalArgumentException("frame is " + frame.width() + "x" + frame.height() + " but camera is "
                    + camera.width() + "x" + camera.height());
        }
        SceneGraph g = graph(scene);
        List<SceneBodies.Body> bodies = g.bodies.bodies();
        SceneBodies.LinkPoses links = new SceneBodies.LinkPoses(dofPositions);
        for (int i = 0; i < bodies.size(); i++) {
            bodies.get(i).pose(scene, links).writeTo(g.poses, 12 * i);
        }
        gl.run(g, camera, frame);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                gl.stop();
                context.destroy(true);
                // destroy returns before the thread's glfwTerminate ends: a renderer opened meanwhile
                // would fail (glfwInit racing glfwTerminate)
                Thread thread = gl.thread;
                if (thread != null) {
                    thread.join(TimeUnit.SECONDS.toMillis(START_TIMEOUT_S));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                OPEN.set(false);
            }
        }
    }

    /** A frame buffer and view for one image size. */
    private static final class Target {
        final com.jme3.renderer.Camera cam;
        final ViewPort view;
        final FrameBuffer fb;
        final ByteBuffer rgba;
        final FloatBuffer depth;

        Target(int width, int height, Node root) {
            cam = new com.jme3.renderer.Camera(width, height);
            fb = new FrameBuffer(width, height, 1);
            fb.addColorTarget(FrameBuffer.FrameBufferTarget.newTarget(Image.Format.RGBA8));
            fb.setDepthTarget(FrameBuffer.FrameBufferTarget.newTarget(Image.Format.Depth24));
            view = new ViewPort("mantis-camera", cam);
            view.setClearFlags(true, true, true);
            view.setBackgroundColor(ColorRGBA.Black);
            view.setOutputFrameBuffer(fb);
            view.attachScene(root);
            rgba = BufferUtils.createByteBuffer(width * height * 4);
            depth = BufferUtils.createFloatBuffer(width * height);
        }
    }

    /**
     * One scene's drawables: built on the caller's thread ({@link SceneBodies}, poses), its jME
     * nodes, materials and frame buffers on the OpenGL thread when first drawn.
     */
    private static final class SceneGraph {
        final SceneBodies bodies;
        /** Poses of all bodies, 12 numbers each (see {@link Transform#writeTo}); filled by the caller's thread. */
        final double[] poses;
        final Node root = new Node("mantis-scene");
        Geometry[] geometries;
        Material[] lit;
        Material[] ids;
        final Map<Long, Target> targets = new HashMap<>();

        SceneGraph(SceneBodies bodies) {
            this.bodies = bodies;
            this.poses = new double[12 * bodies.bodies().size()];
        }
    }

    /** The context's listener: runs on the OpenGL thread, one render request at a time. */
    private final class GlThread implements SystemListener {
        final CountDownLatch started = new CountDownLatch(1);
        /** Set before the context starts. */
        volatile JmeContext context;
        /** The OpenGL thread, once it runs. */
        volatile Thread thread;
        volatile Throwable error;
        volatile String glRenderer = "";
        private final SynchronousQueue<Runnable> requests = new SynchronousQueue<>();
        private final SynchronousQueue<Object> replies = new SynchronousQueue<>();
        private Renderer renderer;
        private RenderManager renderManager;
        private AssetManager assets;
        private SceneGraph graph;
        private final Quaternion scratchQ = new Quaternion();
        private final Vector3f scratchV = new Vector3f();
        private final Vector3f scratchLeft = new Vector3f();
        private final Vector3f scratchUp = new Vector3f();
        private Camera camera;
        private RgbdFrame frame;
        private volatile boolean stopping;

        @Override
        public void initialize() {
            thread = Thread.currentThread();
            try {
                renderer = context.getRenderer();
                if (renderer == null) {
                    throw new IllegalStateException("the context has no renderer");
                }
                glRenderer = GL11.glGetString(GL11.GL_RENDERER);
                renderManager = new RenderManager(renderer);
                assets = JmeSystem.newAssetManager(JmeSystem.class.getResource("/com/jme3/asset/Desktop.cfg"));
            } catch (Throwable t) {
                error = t;
            }
            started.countDown();
        }

        /** Builds a scene's jME geometry, materials and lights (on the OpenGL thread). */
        private void build(SceneGraph g) {
            List<SceneBodies.Body> bodies = g.bodies.bodies();
            List<String> labels = g.bodies.labels();
            g.geometries = new Geometry[bodies.size()];
            g.lit = new Material[bodies.size()];
            g.ids = new Material[bodies.size()];
            for (int i = 0; i < bodies.size(); i++) {
                SceneBodies.Body b = bodies.get(i);
                g.geometries[i] = new Geometry(labels.get(b.id()), b.mesh());
                ColorRGBA c = new ColorRGBA((float) b.color().r(), (float) b.color().g(), (float) b.color().b(), 1f);
                g.lit[i] = new Material(assets, "Common/MatDefs/Light/Lighting.j3md");
                g.lit[i].setBoolean("UseMaterialColors", true);
                g.lit[i].setColor("Diffuse", c);
                g.lit[i].setColor("Ambient", c);
                g.lit[i].setColor("Specular", ColorRGBA.Black);
                g.ids[i] = new Material(assets, "Common/MatDefs/Misc/Unshaded.j3md");
                g.ids[i].setColor("Color", idColor(b.id()));
                g.geometries[i].setMaterial(g.lit[i]);
                g.root.attachChild(g.geometries[i]);
            }
            AmbientLight ambient = new AmbientLight(new ColorRGBA(0.4f, 0.4f, 0.4f, 1f));
            DirectionalLight sun = new DirectionalLight(new Vector3f(-0.3f, -0.4f, -1f).normalizeLocal(),
                    new ColorRGBA(0.7f, 0.7f, 0.7f, 1f));
            g.root.addLight(ambient);
            g.root.addLight(sun);
        }

        /** Encodes a segmentation id exactly as an 8-bit RGB colour (24 bits). */
        private ColorRGBA idColor(int id) {
            return new ColorRGBA((id & 0xff) / 255f, ((id >> 8) & 0xff) / 255f, ((id >> 16) & 0xff) / 255f, 1f);
        }

        /** Called by the caller's thread: hands the request to the OpenGL thread and waits for the frame. */
        void run(SceneGraph graph, Camera camera, RgbdFrame frame) {
            this.graph = graph;
            this.camera = camera;
            this.frame = frame;
            Object reply;
            try {
                requests.put(this::renderNow);
                reply = replies.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RenderException("interrupted while rendering", e);
            }
            if (reply instanceof Throwable t) {
                throw new RenderException("rendering failed: " + t, t);
            }
        }

        void stop() {
            stopping = true;
            requests.offer(() -> { });
        }

        @Override
        public void update() {
            if (error != null || stopping) {
                return;
            }
            Runnable request;
            try {
                request = requests.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (request == null || stopping) {
                return;
            }
            Object reply = Boolean.TRUE;
            try {
                request.run();
            } catch (Throwable t) {
                reply = t;
            }
            try {
                replies.put(reply);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void renderNow() {
            SceneGraph g = graph;
            if (g.geometries == null) {
                build(g);
            }
            Geometry[] geometries = g.geometries;
            double[] poses = g.poses;
            Node root = g.root;
            for (int i = 0; i < geometries.length; i++) {
                int o = 12 * i;
                scratchQ.fromRotationMatrix((float) poses[o], (float) poses[o + 1], (float) poses[o + 2],
                        (float) poses[o + 3], (float) poses[o + 4], (float) poses[o + 5], (float) poses[o + 6],
                        (float) poses[o + 7], (float) poses[o + 8]);
                geometries[i].setLocalRotation(scratchQ);
                geometries[i].setLocalTranslation((float) poses[o + 9], (float) poses[o + 10], (float) poses[o + 11]);
            }
            root.updateLogicalState(0);
            root.updateGeometricState();
            int w = camera.width();
            int h = camera.height();
            Target t = g.targets.computeIfAbsent(((long) w << 32) | h, k -> new Target(w, h, root));
            aim(t.cam, camera);

            renderManager.renderViewPort(t.view, 0);
            t.rgba.clear();
            renderer.readFrameBufferWithFormat(t.fb, t.rgba, Image.Format.RGBA8);
            renderer.setFrameBuffer(t.fb);
            t.depth.clear();
            GL11.glPixelStorei(GL11.GL_PACK_ALIGNMENT, 4);
            GL11.glReadPixels(0, 0, w, h, GL11.GL_DEPTH_COMPONENT, GL11.GL_FLOAT, t.depth);
            float n = (float) camera.near();
            float f = (float) camera.far();
            for (int v = 0; v < h; v++) {
                int glRow = h - 1 - v; // OpenGL's row 0 is the bottom of the image
                for (int u = 0; u < w; u++) {
                    int src = glRow * w + u;
                    int dst = v * w + u;
                    frame.rgb[3 * dst] = t.rgba.get(4 * src);
                    frame.rgb[3 * dst + 1] = t.rgba.get(4 * src + 1);
                    frame.rgb[3 * dst + 2] = t.rgba.get(4 * src + 2);
                    float d = t.depth.get(src);
                    // window depth [0, 1] -> NDC [-1, 1] -> distance along the optical axis
                    frame.depth[dst] = d >= 1f ? Float.POSITIVE_INFINITY
                            : 2f * n * f / (f + n - (2f * d - 1f) * (f - n));
                }
            }

            for (int i = 0; i < geometries.length; i++) {
                geometries[i].setMaterial(g.ids[i]);
            }
            try {
                renderManager.renderViewPort(t.view, 0);
                t.rgba.clear();
                renderer.readFrameBufferWithFormat(t.fb, t.rgba, Image.Format.RGBA8);
            } finally {
                for (int i = 0; i < geometries.length; i++) {
                    geometries[i].setMaterial(g.lit[i]);
                }
            }
            for (int v = 0; v < h; v++) {
                int glRow = h - 1 - v;
                for (int u = 0; u < w; u++) {
                    int src = 4 * (glRow * w + u);
                    frame.mask[v * w + u] = (t.rgba.get(src) & 0xff) | (t.rgba.get(src + 1) & 0xff) << 8
                            | (t.rgba.get(src + 2) & 0xff) << 16;
                }
            }
        }

        /** Points jME's camera like {@code c}: OpenCV intrinsics as an off-centre frustum, OpenCV axes. */
        private void aim(com.jme3.renderer.Camera cam, Camera c) {
            float n = (float) c.near();
            // pixel centres at integers: the image spans u in [-0.5, w - 0.5], v in [-0.5, h - 0.5]
            float left = (float) (-(c.cx() + 0.5) * n / c.fx());
            float right = (float) ((c.width() - 0.5 - c.cx()) * n / c.fx());
            float top = (float) ((c.cy() + 0.5) * n / c.fy());
            float bottom = (float) (-(c.height() - 0.5 - c.cy()) * n / c.fy());
            cam.setParallelProjection(false); // a new jME camera is orthographic
            cam.setFrustum(n, (float) c.far(), left, right, top, bottom);
            Transform T = c.T_world_camera();
            // jME's camera: left = -x_cv, up = -y_cv, direction = z_cv (columns of the rotation)
            scratchLeft.set((float) -T.rotation(0, 0), (float) -T.rotation(1, 0), (float) -T.rotation(2, 0));
            scratchUp.set((float) -T.rotation(0, 1), (float) -T.rotation(1, 1), (float) -T.rotation(2, 1));
            scratchV.set((float) T.rotation(0, 2), (float) T.rotation(1, 2), (float) T.rotation(2, 2));
            cam.setAxes(scratchLeft, scratchUp, scratchV);
            scratchV.set((float) T.translation().x(), (float) T.translation().y(), (float) T.translation().z());
            cam.setLocation(scratchV);
            cam.update();
        }

        @Override
        public void reshape(int width, int height) {
        }

        @Override
        public void requestClose(boolean esc) {
        }

        @Override
        public void gainFocus() {
        }

        @Override
        public void loseFocus() {
        }

        @Override
        public void handleError(String message, Throwable t) {
            if (error == null) {
                error = t != null ? t : new IllegalStateException(message);
            }
            started.countDown();
        }

        @Override
        public void destroy() {
            started.countDown();
        }
    }
}
