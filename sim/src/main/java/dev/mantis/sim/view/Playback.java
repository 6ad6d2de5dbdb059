package dev.mantis.sim.view;

import dev.mantis.sim.scene.Scene;

/**
 * The frames a viewer shows, one control step apart: a live run ({@link LivePlayback}) or a
 * recorded episode ({@link RecordedPlayback}). Used from one thread at a time.
 */
public interface Playback extends AutoCloseable {

    /** The scene as it is at the current frame. */
    Scene scene();

    /** The goal of the current episode (drawn as ghosts). */
    GoalScene goal();

    /** Control steps (frames) per second of simulated time. */
    double framesPerSecond();

    /** Advances one frame; false (and nothing changes) at the end of the episode. */
    boolean advance();

    /**
     * Goes to frame {@code frame}, clamped to the episode; a live run only goes forward (it
     * simulates the steps in between).
     */
    void seek(int frame);

    /** The current frame's index (control steps taken). */
    int frame();

    /** Live: starts the next episode (the next seed); recorded: goes back to frame 0. */
    void reset();

    /** The overlay's facts about the current frame. */
    ViewStatus status();

    @Override
    void close();
}
