package dev.mantis.sim.view;

import java.util.Locale;

/** The viewer's overlay text: what runs, where it is, how it goes, and the keys. */
public final class OverlayText {

    private OverlayText() {
    }

    /**
     * Three lines, e.g. "pick_place  oracle  episode 0  seed 123", "step 37/200  reward 12.31
     * success no", "speed 1x  running".
     */
    public static String of(ViewStatus s, PlaybackClock clock) {
        StringBuilder t = new StringBuilder();
        t.append(s.task()).append("  ").append(s.source()).append("  episode ").append(s.episode()).append("  seed ")
                .append(s.seed()).append('\n');
        t.append(String.format(Locale.ROOT, "step %d/%d  reward %.2f  success %s", s.step(), s.steps(), s.reward(),
                s.success() ? "yes" : "no"));
        if (!s.ended().isEmpty()) {
            t.append("  ended: ").append(s.ended());
        }
        t.append('\n');
        t.append("speed ").append(speed(clock.speed())).append("x  ").append(clock.paused() ? "paused" : "running");
        return t.toString();
    }

    /** The help line: the keys, then the mouse. */
    public static String help(KeyBindings keys) {
        return keys.help() + "  drag orbit  right-drag pan  wheel zoom";
    }

    /** 1, 2, 16, 1/2, 1/16. */
    static String speed(double speed) {
        return speed >= 1 ? String.valueOf((long) speed) : "1/" + Math.round(1 / speed);
    }
}
