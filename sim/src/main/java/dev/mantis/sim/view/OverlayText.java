package dev.mantis.sim.view;

import java.util.Locale;

/** The viewer's overlay text: what runs, where it is, how it goes, and the keys. */
public final class OverlayText {

    private OverlayText() {
    }

    /**
     * Four lines, e.g. "pick_place  oracle  episode 0  seed 123", "step 37/200  reward 12.31
     * success no", "speed 1x  running", then the keys.
     */
    public static String of(ViewStatus s, PlaybackClock clock, KeyBindings keys) {
        StringBuilder t = new StringBuilder();
        t.append(s.task()).append("  ").append(s.source()).append("  episode ").append(s.episode()).append("  seed ")
                .append(s.seed()).append('\n');
        t.append(String.format(Locale.ROOT, "step %d/%d  reward %.2f  success %s", s.step(), s.steps(), s.reward(),
                s.success() ? "yes" : "no"));
        if (!s.ended().isEmpty()) {
            t.append("  ended: ").append(s.ended());
        }
        t.append('\n');
        t.append("speed ").append(speed(clock.speed())).append("x  ").append(clock.paused() ? "paused" : "running")
                .append('\n');
        t.append(keys.help()).append("  drag orbit  right-drag pan  wheel zoom");
        return t.toString();
    }

    /** 1, 2, 16, 1/2, 1/16. */
    static String speed(double speed) {
        return speed >= 1 ? String.valueOf((long) speed) : "1/" + Math.round(1 / speed);
    }
}
