package dev.mantis.sim.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The playback clock with elapsed times given by the test (a fake clock: no sleeps). */
class PlaybackClockTest {

    @Test
    void realTimeAtSpeedOneGivesTheControlRate() {
        PlaybackClock c = new PlaybackClock(20);
        int frames = 0;
        for (int i = 0; i < 600; i++) { // 10 s at 60 Hz
            frames += c.advance(1.0 / 60);
        }
        assertTrue(frames == 200 || frames == 199, "10 s at 20 frames/s: " + frames); // float rounding of 1/60
    }

    @Test
    void framesDoNotDependOnHowTimeIsSliced() {
        PlaybackClock even = new PlaybackClock(20);
        PlaybackClock ragged = new PlaybackClock(20);
        int a = 0;
        int b = 0;
        for (int i = 0; i < 40; i++) {
            a += even.advance(0.25);
        }
        double[] slices = {0.01, 0.3, 0.07, 0.12, 0.25, 0.0, 0.25};
        double total = 0;
        for (int i = 0; total < 10 - 1e-9; i++) {
            double dt = Math.min(slices[i % slices.length], 10 - total);
            total += dt;
            b += ragged.advance(dt);
        }
        assertEquals(200, a);
        assertTrue(Math.abs(a - b) <= 1, a + " vs " + b);
    }

    @Test
    void pausedClockAdvancesOnlyBySingleSteps() {
        PlaybackClock c = new PlaybackClock(20);
        c.togglePause();
        assertTrue(c.paused());
        assertEquals(0, c.advance(5));
        c.step();
        c.step();
        assertEquals(2, c.advance(0));
        assertEquals(0, c.advance(1));
        c.togglePause();
        assertFalse(c.paused());
        assertEquals(2, c.advance(0.1), "no time piled up while paused");
    }

    @Test
    void stepPausesARunningClock() {
        PlaybackClock c = new PlaybackClock(20);
        assertEquals(1, c.advance(0.075)); // 1.5 frames due: one now, half carried
        c.step();
        assertTrue(c.paused());
        assertEquals(1, c.advance(0.2), "the step only; the carried half frame is dropped");
    }

    @Test
    void speedDoublesAndHalvesWithinLimits() {
        PlaybackClock c = new PlaybackClock(20);
        c.faster();
        assertEquals(2, c.speed());
        assertEquals(4, c.advance(0.1));
        for (int i = 0; i < 20; i++) {
            c.faster();
        }
        assertEquals(PlaybackClock.MAX_SPEED, c.speed());
        for (int i = 0; i < 40; i++) {
            c.slower();
        }
        assertEquals(PlaybackClock.MIN_SPEED, c.speed());
        assertEquals(1, c.advance(0.8), "1/16 x 20 frames/s x 0.8 s");
    }

    @Test
    void aLongFrameAdvancesAtMostTheCapAndDropsTheRest() {
        PlaybackClock c = new PlaybackClock(20);
        assertEquals(PlaybackClock.MAX_FRAMES_PER_ADVANCE, c.advance(10));
        assertEquals(0, c.advance(0.01), "the backlog was dropped");
    }

    @Test
    void badElapsedTimeIsRejected() {
        PlaybackClock c = new PlaybackClock(20);
        var e = assertThrows(IllegalArgumentException.class, () -> c.advance(-1));
        assertEquals("elapsed time must be finite and >= 0, got -1.0", e.getMessage());
    }
}
