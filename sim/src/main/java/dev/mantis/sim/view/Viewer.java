package dev.mantis.sim.view;

import com.jme3.system.AppSettings;
import com.jme3.system.JmeContext;
import dev.mantis.sim.render.RenderException;
import dev.mantis.sim.render.SceneRenderer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shows a {@link Playback} in a window ({@link #show}) or renders the same view off-screen to a
 * {@link FrameSink} ({@link #render}), with jMonkeyEngine over LWJGL 3 (OpenGL). Both need a
 * display (Xvfb with Mesa in CI) and fail with a {@link RenderException} naming the fix when there
 * is none or no OpenGL context starts: never a silent return without a picture. Like a
 * {@link SceneRenderer}, a viewer holds the process's one OpenGL context while it runs.
 */
public final class Viewer {

    /** How long the OpenGL context may take to start, seconds. */
    static final long START_TIMEOUT_S = 30;
    /** How long an off-screen render may take once started, seconds. */
    static final long RENDER_TIMEOUT_S = 120;
    /** Frames a window draws before its screenshot is taken (lets the first frames settle). */
    public static final int SCREENSHOT_AFTER_FRAMES = 5;

    /** jME's logger, silenced: its errors reach the viewer as exceptions (kept: loggers are held weakly). */
    private static final Logger JME_LOG = Logger.getLogger("com.jme3");

    private Viewer() {
    }

    /**
     * Opens a window of {@code width} x {@code height} pixels showing {@code playback} and blocks
     * until it is closed. With a {@code screenshot} sink, the window's image goes there once it has
     * drawn {@link #SCREENSHOT_AFTER_FRAMES} frames, and the window closes (playback paused).
     *
     * @throws RenderException when there is no display or OpenGL context, or rendering failed
     */
    public static void show(Playback playback, OrbitCamera camera, int width, int height, FrameSink screenshot) {
        ViewerApp app = new ViewerApp(playback, camera, false, screenshot, SCREENSHOT_AFTER_FRAMES);
        if (screenshot != null) {
            app.apply(ViewAction.PAUSE);
        }
        run(app, JmeContext.Type.Display, width, height, title(playback), screenshot != null);
    }

    /**
     * Renders the current frame of {@code playback} off-screen as the viewer shows it (scene, goal
     * ghosts, overlay) at {@code width} x {@code height} pixels into {@code sink}.
     *
     * @throws RenderException when there is no display or OpenGL context, or rendering failed
     */
    public static void render(Playback playback, OrbitCamera camera, int width, int height, FrameSink sink) {
        ViewerApp app = new ViewerApp(playback, camera, true, sink, 2);
        run(app, JmeContext.Type.OffscreenSurface, width, height, title(playback), true);
    }

    static String title(Playback playback) {
        ViewStatus s = playback.status();
        return "Mantis viewer: " + s.task() + " (" + s.source() + ")";
    }

    /** Runs {@code app} in a context of {@code type} until it stops (see {@link #show}, {@link #render}). */
    static void run(ViewerApp app, JmeContext.Type type, int width, int height, String title, boolean captures) {
        if (width < 16 || height < 16 || width > 8192 || height > 8192) {
            throw new IllegalArgumentException("view size must be 16..8192 pixels, got " + width + "x" + height);
        }
        requireDisplay();
        Runnable release = SceneRenderer.claimContext("the viewer");
        try {
            JME_LOG.setLevel(Level.OFF);
            AppSettings settings = new AppSettings(true);
            settings.setRenderer(AppSettings.LWJGL_OPENGL32);
            settings.setAudioRenderer(null);
            settings.setResolution(width, height);
            settings.setGammaCorrection(false);
            settings.setSamples(0);
            settings.setVSync(false);
            settings.setFrameRate(type == JmeContext.Type.Display ? 60 : -1);
            settings.setUseInput(type == JmeContext.Type.Display);
            settings.setTitle(title);
            app.setSettings(settings);
            app.setShowSettings(false);
            app.setPauseOnLostFocus(false);
            app.sim.handOff();
            app.start(type, false);
            // this thread built the playback: it runs the playback's work while jME draws
            if (!app.sim.serve(app.ready, TimeUnit.SECONDS.toMillis(START_TIMEOUT_S))) {
                app.stop();
                throw new RenderException(noContext("the OpenGL context did not start within " + START_TIMEOUT_S
                        + " s (DISPLAY=" + System.getenv("DISPLAY") + ")"));
            }
            if (app.error != null && app.thread == null) {
                throw new RenderException(noContext(app.error.getMessage()), app.error);
            }
            if (!app.sim.serve(app.done, captures ? TimeUnit.SECONDS.toMillis(RENDER_TIMEOUT_S) : -1)) {
                app.stop();
                throw new RenderException("the viewer drew no frame within " + RENDER_TIMEOUT_S + " s");
            }
            Thread thread = app.thread;
            if (thread != null) {
                // the context's thread ends GLFW after destroy: the next context must wait for it
                thread.join(TimeUnit.SECONDS.toMillis(START_TIMEOUT_S));
            }
            if (app.error != null) {
                throw new RenderException("the viewer failed: " + app.error, app.error);
            }
            if (captures && !app.captured) {
                throw new RenderException("the viewer closed before it drew a frame to capture");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            app.stop();
            throw new RenderException("interrupted while the viewer ran", e);
        } finally {
            app.sim.close();
            release.run();
        }
    }

    /**
     * Checks that there is a display to open an OpenGL context on, before anything slow is built
     * (the context itself can still fail to start: {@link #show} and {@link #render} check that).
     *
     * @throws RenderException on Linux when neither DISPLAY nor WAYLAND_DISPLAY is set
     */
    public static void requireDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux") && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            throw new RenderException(noContext("DISPLAY is unset"));
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String noContext(String why) {
        return "no OpenGL context for the viewer: " + why + "; start Xvfb (scripts/install-deps.sh installs it): "
                + "Xvfb :99 -screen 0 1280x1024x24 & export DISPLAY=:99 (.ci/run does this)";
    }
}
