package dev.mantis.sim.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The overlay's text. */
class OverlayTextTest {

    @Test
    void namesTaskSeedStepRewardSuccessAndSpeed() {
        PlaybackClock clock = new PlaybackClock(20);
        clock.slower();
        clock.togglePause();
        String text = OverlayText.of(new ViewStatus("pick_place", "oracle", 2, -77, 37, 200, 12.305, true, "success"),
                clock);
        String[] lines = text.split("\n");
        assertEquals("pick_place  oracle  episode 2  seed -77", lines[0]);
        assertEquals("step 37/200  reward 12.31  success yes  ended: success", lines[1]);
        assertEquals("speed 1/2x  paused", lines[2]);
        assertEquals(3, lines.length);
        assertEquals(KeyBindings.defaults().help() + "  drag orbit  right-drag pan  wheel zoom",
                OverlayText.help(KeyBindings.defaults()));
    }

    @Test
    void speedsPrintAsWholeOrFractions() {
        assertEquals("16", OverlayText.speed(16));
        assertEquals("1", OverlayText.speed(1));
        assertEquals("1/16", OverlayText.speed(1.0 / 16));
    }
}
