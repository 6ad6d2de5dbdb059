package dev.mantis.sim.view;

import com.jme3.app.SimpleApplication;
import com.jme3.app.state.AppState;
import com.jme3.font.BitmapText;
import com.jme3.input.MouseInput;
import com.jme3.input.RawInputListener;
import com.jme3.input.event.JoyAxisEvent;
import com.jme3.input.event.JoyButtonEvent;
import com.jme3.input.event.KeyInputEvent;
import com.jme3.input.event.MouseButtonEvent;
import com.jme3.input.event.MouseMotionEvent;
import com.jme3.input.event.TouchEvent;
import com.jme3.material.Material;
import com.jme3.material.RenderState;
import com.jme3.math.ColorRGBA;
import com.jme3.math.Vector3f;
import com.jme3.post.SceneProcessor;
import com.jme3.profile.AppProfiler;
import com.jme3.renderer.RenderManager;
import com.jme3.renderer.ViewPort;
import com.jme3.renderer.queue.RenderQueue;
import com.jme3.scene.Geometry;
import com.jme3.scene.shape.Quad;
import com.jme3.texture.FrameBuffer;
import com.jme3.texture.Image;
import com.jme3.util.BufferUtils;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.sim.render.Camera;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;

/**
 * The viewer as a jME application: the {@link ViewScene}, the overlay, the orbit camera and the
 * keys, over a {@link Playback} stepped by a {@link PlaybackClock}. In a window it runs until
 * closed (or until it has drawn {@code captureAfterFrames} frames and captured the last into the
 * sink); off-screen it draws into a frame buffer of the requested size, captures one frame and
 * stops. It runs on jME's thread, except the playback's work (stepping, seeking, reading poses),
 * which {@link SimThread} runs on the thread that built the playback; {@link Viewer} starts the
 * application and serves that work until it stops.
 */
final class ViewerApp extends SimpleApplication {

    /** Overlay margin and text colour. */
    static final int MARGIN = 10;
    static final ColorRGBA TEXT = ColorRGBA.White;
    /** Sky behind the scene. */
    static final ColorRGBA SKY = new ColorRGBA(0.55f, 0.6f, 0.68f, 1f);

    private final Playback playback;
    private final PlaybackClock clock;
    private final KeyBindings keys = KeyBindings.defaults();
    private final OrbitCamera home;
    private OrbitCamera orbit;
    private final boolean offscreen;
    private final FrameSink sink;
    private final int captureAfterFrames;

    /** Where the playback's work runs: the thread that built it (see {@link SimThread}). */
    final SimThread sim = new SimThread();
    /** Counted down once the scene is built (or starting failed: see {@link #error}). */
    final CountDownLatch ready = new CountDownLatch(1);
    /** Counted down when the application has stopped. */
    final CountDownLatch done = new CountDownLatch(1);
    volatile Throwable error;
    volatile Thread thread;
    volatile boolean captured;

    private ViewScene view;
    /** The playback's status at the frame captured last. */
    private ViewStatus status;
    private BitmapText text;
    private Geometry panel;
    private BitmapText help;
    private Geometry helpPanel;
    private FrameBuffer offscreenBuffer;
    private int framesDrawn;
    private boolean orbiting;
    private boolean panning;
    private boolean stopping;
    /** For a video: the playback had no step left when this frame was asked for. */
    private volatile boolean ended;

    ViewerApp(Playback playback, OrbitCamera camera, boolean offscreen, FrameSink sink, int captureAfterFrames) {
        super(new AppState[0]);
        this.playback = playback;
        this.clock = new PlaybackClock(playback.framesPerSecond());
        this.home = copy(camera);
        this.orbit = copy(camera);
        this.offscreen = offscreen;
        this.sink = sink;
        this.captureAfterFrames = captureAfterFrames;
        if (offscreen) {
            clock.pause();
        }
    }

    private static OrbitCamera copy(OrbitCamera c) {
        return new OrbitCamera(c.target(), c.yaw(), c.pitch(), c.distance());
    }

    @Override
    public void simpleInitApp() {
        thread = Thread.currentThread();
        int w = settings.getWidth();
        int h = settings.getHeight();
        if (offscreen) {
            offscreenBuffer = new FrameBuffer(w, h, 1);
            offscreenBuffer.addColorTarget(FrameBuffer.FrameBufferTarget.newTarget(Image.Format.RGBA8));
            offscreenBuffer.setDepthTarget(FrameBuffer.FrameBufferTarget.newTarget(Image.Format.Depth24));
            viewPort.setOutputFrameBuffer(offscreenBuffer);
            guiViewPort.setOutputFrameBuffer(offscreenBuffer);
        }
        viewPort.setBackgroundColor(SKY);
        sim.run(() -> {
            view = new ViewScene(assetManager, playback);
            capture();
        });
        rootNode.attachChild(view.root());

        panel = panel("overlay-panel");
        text = text(guiFont.getCharSet().getRenderedSize());
        helpPanel = panel("help-panel");
        help = text(guiFont.getCharSet().getRenderedSize() * 0.8f);
        help.setText(OverlayText.help(keys));

        if (inputManager != null) {
            inputManager.addRawInputListener(new Input());
        }
        guiViewPort.addProcessor(new Capture());
        refresh();
        ready.countDown();
    }

    private Geometry panel(String name) {
        Material shade = new Material(assetManager, "Common/MatDefs/Misc/Unshaded.j3md");
        shade.setColor("Color", new ColorRGBA(0f, 0f, 0f, 0.55f));
        shade.getAdditionalRenderState().setBlendMode(RenderState.BlendMode.Alpha);
        Geometry g = new Geometry(name, new Quad(1, 1));
        g.setMaterial(shade);
        g.setQueueBucket(RenderQueue.Bucket.Gui);
        guiNode.attachChild(g);
        return g;
    }

    private BitmapText text(float size) {
        BitmapText t = new BitmapText(guiFont);
        t.setSize(size);
        t.setColor(TEXT);
        guiNode.attachChild(t);
        return t;
    }

    @Override
    public void simpleUpdate(float tpf) {
        if (stopping) {
            return;
        }
        // off-screen: still, or for a video one control step per drawn frame once capturing started
        int n = offscreen ? (movie() && framesDrawn >= captureAfterFrames ? 1 : 0) : clock.advance(tpf);
        sim.run(() -> {
            for (int i = 0; i < n; i++) {
                // whole control steps only: what is simulated does not depend on the frame rate
                if (!playback.advance()) {
                    ended = true;
                    break;
                }
            }
            capture();
        });
        refresh();
    }

    /** Whether every frame to the episode's end goes to the sink (an off-screen video). */
    private boolean movie() {
        return offscreen && sink != null && sink.wholeEpisode();
    }

    /** On the simulation thread: the poses and status of the current frame. */
    private void capture() {
        view.capture();
        status = playback.status();
    }

    /** Poses, overlay and camera for the frame captured last. */
    private void refresh() {
        view.apply();
        text.setText(OverlayText.of(status, clock));
        int w = cam.getWidth();
        int h = cam.getHeight();
        text.setLocalTranslation(2 * MARGIN, h - 2 * MARGIN, 1);
        panel.setLocalScale(text.getLineWidth() + 2 * MARGIN, text.getHeight() + 2 * MARGIN, 1);
        panel.setLocalTranslation(MARGIN, h - 3 * MARGIN - text.getHeight(), 0);
        help.setLocalTranslation(MARGIN + MARGIN / 2f, MARGIN / 2f + help.getHeight(), 1);
        helpPanel.setLocalScale(Math.min(w - MARGIN, help.getLineWidth() + MARGIN), help.getHeight() + MARGIN / 2f, 1);
        helpPanel.setLocalTranslation(MARGIN, MARGIN / 4f, 0);
        aim(orbit.camera(w, h));
    }

    /** Points jME's camera like {@code c} (OpenCV axes: jME's left is -x, up is -y, direction z). */
    private void aim(Camera c) {
        cam.setFrustumPerspective((float) Math.toDegrees(c.fovY()), (float) c.width() / c.height(), 0.02f, 30f);
        Transform T = c.T_world_camera();
        cam.setAxes(new Vector3f((float) -T.rotation(0, 0), (float) -T.rotation(1, 0), (float) -T.rotation(2, 0)),
                new Vector3f((float) -T.rotation(0, 1), (float) -T.rotation(1, 1), (float) -T.rotation(2, 1)),
                new Vector3f((float) T.rotation(0, 2), (float) T.rotation(1, 2), (float) T.rotation(2, 2)));
        cam.setLocation(new Vector3f((float) T.translation().x(), (float) T.translation().y(),
                (float) T.translation().z()));
    }

    /** A key went down: does what it is bound to, if anything. */
    void key(int keyCode) {
        keys.action(keyCode).ifPresent(this::apply);
    }

    /** The playback clock (tests read its state). */
    PlaybackClock clock() {
        return clock;
    }

    /** Does what a key asks. */
    void apply(ViewAction action) {
        switch (action) {
            case PAUSE -> clock.togglePause();
            case STEP -> clock.step();
            case BACK -> seekBy(-1);
            case BACK_10 -> seekBy(-10);
            case FORWARD_10 -> seekBy(10);
            case RESET -> sim.run(playback::reset);
            case SLOWER -> clock.slower();
            case FASTER -> clock.faster();
            case HOME_CAMERA -> orbit = copy(home);
            case QUIT -> stop();
            default -> throw new IllegalStateException("unhandled " + action);
        }
    }

    private void seekBy(int frames) {
        clock.pause();
        sim.run(() -> playback.seek(playback.frame() + frames));
    }

    @Override
    public void handleError(String message, Throwable t) {
        // no AWT error dialog: record the error for Viewer and stop
        if (error == null) {
            error = t != null ? t : new IllegalStateException(message);
        }
        ready.countDown();
        stopping = true;
        if (context != null && context.isCreated()) {
            stop();
        } else {
            done.countDown();
        }
    }

    @Override
    public void destroy() {
        try {
            super.destroy();
        } finally {
            ready.countDown();
            done.countDown();
        }
    }

    /** Mouse drags orbit (left) and pan (right), the wheel zooms, keys map through {@link KeyBindings}. */
    private final class Input implements RawInputListener {
        @Override
        public void onMouseButtonEvent(MouseButtonEvent e) {
            if (e.getButtonIndex() == MouseInput.BUTTON_LEFT) {
                orbiting = e.isPressed();
            } else if (e.getButtonIndex() == MouseInput.BUTTON_RIGHT || e.getButtonIndex() == MouseInput.BUTTON_MIDDLE) {
                panning = e.isPressed();
            }
        }

        @Override
        public void onMouseMotionEvent(MouseMotionEvent e) {
            // jME's y grows up the window; the camera's drags take y down the screen
            if (orbiting) {
                orbit.orbit(e.getDX(), -e.getDY());
            } else if (panning) {
                orbit.pan(e.getDX(), -e.getDY(), cam.getHeight());
            }
            if (e.getDeltaWheel() != 0) {
                double d = e.getDeltaWheel();
                orbit.zoom(Math.signum(d) * Math.max(1, Math.abs(d) / 120.0));
            }
        }

        @Override
        public void onKeyEvent(KeyInputEvent e) {
            if (e.isPressed()) {
                key(e.getKeyCode());
            }
        }

        @Override
        public void beginInput() {
        }

        @Override
        public void endInput() {
        }

        @Override
        public void onJoyAxisEvent(JoyAxisEvent e) {
        }

        @Override
        public void onJoyButtonEvent(JoyButtonEvent e) {
        }

        @Override
        public void onTouchEvent(TouchEvent e) {
        }
    }

    /** After the GUI (the last view) is drawn: counts frames, and reads the image back into the sink when due. */
    private final class Capture implements SceneProcessor {
        private RenderManager rm;
        private ByteBuffer rgba;

        @Override
        public void initialize(RenderManager rm, ViewPort vp) {
            this.rm = rm;
        }

        @Override
        public void reshape(ViewPort vp, int w, int h) {
        }

        @Override
        public boolean isInitialized() {
            return rm != null;
        }

        @Override
        public void preFrame(float tpf) {
        }

        @Override
        public void postQueue(RenderQueue rq) {
        }

        @Override
        public void postFrame(FrameBuffer out) {
            framesDrawn++;
            if (sink == null || captured || framesDrawn < captureAfterFrames) {
                return;
            }
            if (ended) { // the last frame written already showed the episode's end
                captured = true;
                stopping = true;
                stop();
                return;
            }
            int w = cam.getWidth();
            int h = cam.getHeight();
            if (rgba == null || rgba.capacity() != 4 * w * h) {
                rgba = BufferUtils.createByteBuffer(4 * w * h);
            }
            rgba.clear();
            rm.getRenderer().readFrameBufferWithFormat(out, rgba, Image.Format.RGBA8);
            byte[] rgb = new byte[3 * w * h];
            for (int v = 0; v < h; v++) {
                int glRow = h - 1 - v; // OpenGL's row 0 is the bottom of the image
                for (int u = 0; u < w; u++) {
                    int src = 4 * (glRow * w + u);
                    int dst = 3 * (v * w + u);
                    rgb[dst] = rgba.get(src);
                    rgb[dst + 1] = rgba.get(src + 1);
                    rgb[dst + 2] = rgba.get(src + 2);
                }
            }
            try {
                sink.write(w, h, rgb);
            } catch (IOException | IllegalArgumentException e) {
                handleError("cannot write the frame: " + e.getMessage(), e);
                return;
            }
            if (movie()) {
                return; // on to the next step's frame
            }
            captured = true;
            stopping = true;
            stop();
        }

        @Override
        public void cleanup() {
        }

        @Override
        public void setProfiler(AppProfiler profiler) {
        }
    }
}
