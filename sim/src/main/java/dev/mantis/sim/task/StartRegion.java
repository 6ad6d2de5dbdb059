package dev.mantis.sim.task;

import java.util.Locale;

/**
 * Whether a task's scene is back in its start distribution after a reset, judged from the objects'
 * observed poses (as {@code observation.environment_state} gives them: x y z and a quaternion per
 * object): each object within its spawn box (plus a margin) and resting on the table at its rest
 * height. Objects a goal moves at reset (the one drawn by a lift-one goal) are judged by the goal's
 * box instead.
 */
public final class StartRegion {

    /** How far outside its spawn box an object may be, metres. */
    public static final double MARGIN = 0.05;
    /** How far from its rest height an object may be, metres. */
    public static final double HEIGHT_TOLERANCE = 0.01;

    private StartRegion() {
    }

    /** Null when every object of {@code task} is in its start region, else which is not and where. */
    public static String check(TaskSpec task, double[] environmentState) {
        var objects = task.objects();
        if (environmentState.length < 7 * objects.size()) {
            return String.format(Locale.ROOT, "the cell reports %d object values, task '%s' has %d objects",
                    environmentState.length, task.id(), objects.size());
        }
        for (int i = 0; i < objects.size(); i++) {
            TaskObject o = objects.get(i);
            if (!o.onTable()) {
                continue;
            }
            double x = environmentState[7 * i];
            double y = environmentState[7 * i + 1];
            double z = environmentState[7 * i + 2];
            double[] xs = o.x();
            double[] ys = o.y();
            if (task.goal() instanceof Goal.LiftOne l && l.objects().contains(o.name())) {
                xs = new double[] {Math.min(xs[0], l.x()[0]), Math.max(xs[1], l.x()[1])};
                ys = new double[] {Math.min(ys[0], l.y()[0]), Math.max(ys[1], l.y()[1])};
            }
            boolean inBox = x >= xs[0] - MARGIN && x <= xs[1] + MARGIN && y >= ys[0] - MARGIN && y <= ys[1] + MARGIN;
            if (!inBox || Math.abs(z - o.restHeight()) > HEIGHT_TOLERANCE) {
                return String.format(Locale.ROOT, "object '%s' is at (%.3f, %.3f, %.3f) m, outside its start region "
                        + "x %.3f..%.3f, y %.3f..%.3f, z %.3f", o.name(), x, y, z, xs[0] - MARGIN, xs[1] + MARGIN,
                        ys[0] - MARGIN, ys[1] + MARGIN, o.restHeight());
            }
        }
        return null;
    }
}
