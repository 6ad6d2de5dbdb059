package dev.mantis.sim.task;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.robot.SimRobot;
import dev.mantis.sim.scene.Scene;
import java.util.ArrayList;
import java.util.List;

/**
 * The oracle of a {@link Goal.Hanoi} goal: the classic plan (2^n - 1 moves, 7 for three disks),
 * each move picking the top disk where it really is and setting it on the stack at another
 * position, and the rule check a task's success uses.
 */
final class HanoiOracle {

    private HanoiOracle() {
    }

    /** The oracle that moves the tower of {@code h}, its fixture standing at {@code T_world_fixture}. */
    static Oracle create(SimRobot robot, TaskSpec spec, Goal.Hanoi h, Transform T_world_fixture) {
        TaskFixture fixture = spec.fixture(h.fixture());
        int n = h.disks().size();
        List<int[]> moves = new ArrayList<>();
        plan(n, n, 0, 2, 1, moves);
        // the height of each position's stack top above the table, followed along the plan
        double[] top = new double[3];
        for (int p = 0; p < 3; p++) {
            top[p] = fixture.surface(h.positions().get(p)[0], h.positions().get(p)[1]);
        }
        for (String d : h.disks()) {
            top[0] += spec.object(d).height();
        }
        List<SequenceOracle.Stage> stages = new ArrayList<>();
        for (int m = 0; m < moves.size(); m++) {
            TaskObject disk = spec.object(h.disks().get(moves.get(m)[0]));
            int from = moves.get(m)[1];
            int to = moves.get(m)[2];
            top[from] -= disk.height();
            double[] p = h.positions().get(to);
            Vec3 at = T_world_fixture.apply(new Vec3(p[0], p[1], 0));
            double[] target = {at.x(), at.y(), top[to] + disk.restHeight()};
            top[to] += disk.height();
            double release = Math.min(Task.OPEN, disk.graspWidth() + 0.012);
            int hold = m == moves.size() - 1 ? 1000 : 1;
            stages.add((scene, tool, turned) -> move(scene.objectPose(disk.name()), target, hold, release));
        }
        return new SequenceOracle(robot, Task.ROBOT_BASE, stages);
    }

    /**
     * Pick the disk, carry it above {@code to} (x, y, centre z), set it down, let go, retreat; the
     * hand does not turn (a disk's yaw does not matter).
     */
    private static List<WaypointOracle.Waypoint> move(Transform T_world_disk, double[] to, int hold, double release) {
        Vec3 o = T_world_disk.translation();
        double yaw = 0;
        List<WaypointOracle.Waypoint> plan = new ArrayList<>(IntoOracle.close(o, yaw));
        double carry = Math.max(o.z(), to[2]) + Task.APPROACH;
        plan.add(new WaypointOracle.Waypoint(new Vec3(o.x(), o.y(), carry), yaw, 0, 2));
        plan.add(new WaypointOracle.Waypoint(new Vec3(to[0], to[1], carry), yaw, 0, 2));
        Vec3 down = new Vec3(to[0], to[1], to[2] + 0.005);
        plan.add(new WaypointOracle.Waypoint(down, yaw, 0, 3));
        plan.add(new WaypointOracle.Waypoint(down, yaw, release, 6));
        plan.add(new WaypointOracle.Waypoint(new Vec3(to[0], to[1], to[2] + Task.APPROACH), yaw, release, hold));
        return plan;
    }

    /**
     * Appends the moves (disk index, from, to) that take the {@code k} smallest of {@code n} disks
     * (index 0 is the largest) from one position to another, by way of the third.
     */
    static void plan(int n, int k, int from, int to, int via, List<int[]> moves) {
        if (k == 0) {
            return;
        }
        plan(n, k - 1, from, via, to, moves);
        moves.add(new int[] {n - k, from, to});
        plan(n, k - 1, via, to, from, moves);
    }

    /** Whether a larger disk rests on a smaller one in {@code scene} now. */
    static boolean largerOnSmaller(Scene scene, TaskSpec spec, Goal.Hanoi h) {
        for (int i = 0; i < h.disks().size(); i++) {
            TaskObject larger = spec.object(h.disks().get(i));
            Vec3 a = scene.objectPose(larger.name()).translation();
            for (int j = i + 1; j < h.disks().size(); j++) {
                TaskObject smaller = spec.object(h.disks().get(j));
                Vec3 b = scene.objectPose(smaller.name()).translation();
                double gap = (a.z() - larger.restHeight()) - (b.z() + smaller.restHeight());
                double reach = ((Geometry.Cylinder) larger.shape()).radius()
                        + ((Geometry.Cylinder) smaller.shape()).radius() - 0.005;
                if (Math.abs(gap) < 0.005 && Math.hypot(a.x() - b.x(), a.y() - b.y()) < reach) {
                    return true;
                }
            }
        }
        return false;
    }
}
