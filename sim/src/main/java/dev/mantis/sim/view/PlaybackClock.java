package dev.mantis.sim.view;

/**
 * Turns the real time between drawn frames into whole playback frames (control steps), so that
 * what is simulated never depends on the frame rate: a frame always advances the episode by whole
 * control steps, only how many per drawn frame varies. Speed scales real time (1: real time); a
 * paused clock advances only by single steps asked for with {@link #step()}. The caller passes the
 * elapsed time; the clock reads no clock of its own.
 */
public final class PlaybackClock {

    /** Slowest and fastest playback speed. */
    public static final double MIN_SPEED = 1.0 / 16;
    public static final double MAX_SPEED = 16;
    /**
     * Most frames one {@link #advance} returns; time beyond it is dropped (the view falls behind
     * real time rather than freezing while it catches up).
     */
    public static final int MAX_FRAMES_PER_ADVANCE = 8;

    private final double framesPerSecond;
    private double speed = 1;
    private boolean paused;
    private double pending;
    private int steps;

    /** A running clock at speed 1 for playback at {@code framesPerSecond} (the control rate). */
    public PlaybackClock(double framesPerSecond) {
        if (!(framesPerSecond > 0) || !Double.isFinite(framesPerSecond)) {
            throw new IllegalArgumentException("frames per second must be positive, got " + framesPerSecond);
        }
        this.framesPerSecond = framesPerSecond;
    }

    /**
     * How many frames to advance now that {@code realSeconds} passed since the last call: the
     * single steps asked for, plus, when running, the frames due at the current speed (the
     * fraction left over carries to the next call), at most {@link #MAX_FRAMES_PER_ADVANCE}.
     */
    public int advance(double realSeconds) {
        if (!(realSeconds >= 0) || !Double.isFinite(realSeconds)) {
            throw new IllegalArgumentException("elapsed time must be finite and >= 0, got " + realSeconds);
        }
        int n = steps;
        steps = 0;
        if (!paused) {
            pending += realSeconds * speed * framesPerSecond;
            int due = (int) Math.floor(pending);
            pending -= due;
            n += due;
        }
        if (n > MAX_FRAMES_PER_ADVANCE) {
            n = MAX_FRAMES_PER_ADVANCE;
        }
        return n;
    }

    /** Pauses a running clock, runs a paused one. */
    public void togglePause() {
        paused = !paused;
        pending = 0;
    }

    /** Pauses (the frame due next is not advanced). */
    public void pause() {
        paused = true;
        pending = 0;
    }

    /** Whether the clock is paused. */
    public boolean paused() {
        return paused;
    }

    /** Pauses and asks for one frame at the next {@link #advance}. */
    public void step() {
        pause();
        steps++;
    }

    /** Halves the speed, down to {@link #MIN_SPEED}. */
    public void slower() {
        speed = Math.max(MIN_SPEED, speed / 2);
    }

    /** Doubles the speed, up to {@link #MAX_SPEED}. */
    public void faster() {
        speed = Math.min(MAX_SPEED, speed * 2);
    }

    /** Playback speed relative to real time. */
    public double speed() {
        return speed;
    }

    /** Frames per second of playback at speed 1. */
    public double framesPerSecond() {
        return framesPerSecond;
    }
}
