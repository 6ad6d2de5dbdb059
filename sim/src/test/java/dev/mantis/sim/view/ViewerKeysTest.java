package dev.mantis.sim.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jme3.input.KeyInput;
import dev.mantis.sim.task.PolicyFactory;
import org.junit.jupiter.api.Test;

/** Keys drive the clock and the playback (the application is built, never started: no window). */
class ViewerKeysTest {

    @Test
    void keysPauseStepSeekResetAndChangeSpeed() {
        try (LivePlayback p = new LivePlayback(LivePlaybackTest.task("reach"), PolicyFactory.ORACLE, "oracle", 0, 0)) {
            ViewerApp app = new ViewerApp(p, OrbitCamera.overview(), false, null, 0);
            PlaybackClock clock = app.clock();
            assertFalse(clock.paused());
            app.key(KeyInput.KEY_SPACE);
            assertTrue(clock.paused());
            app.key(KeyInput.KEY_PERIOD);
            assertEquals(1, clock.advance(10), "one single step while paused, however long the frame");
            app.key(KeyInput.KEY_UP);
            assertEquals(10, p.frame(), "up: ten frames forward");
            app.key(KeyInput.KEY_LEFT);
            assertEquals(10, p.frame(), "a live run does not go back");
            app.key(KeyInput.KEY_EQUALS);
            app.key(KeyInput.KEY_EQUALS);
            assertEquals(4, clock.speed());
            app.key(KeyInput.KEY_MINUS);
            assertEquals(2, clock.speed());
            app.key(KeyInput.KEY_R);
            assertEquals(1, p.status().episode(), "reset: the next episode");
            assertEquals(0, p.frame());
            app.key(KeyInput.KEY_Z); // unbound: nothing happens
            assertEquals(0, p.frame());
        }
    }
}
