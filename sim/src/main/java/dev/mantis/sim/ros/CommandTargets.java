package dev.mantis.sim.ros;

import dev.mantis.robot.model.ArmJoints;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.Subscriber;
import dev.mantis.robot.ros.driver.CommandChannel;
import dev.mantis.robot.ros.msg.franka_gripper.GraspActionGoal;
import dev.mantis.robot.ros.msg.sensor_msgs.JointState;
import dev.mantis.robot.ros.msg.std_msgs.Float64MultiArray;
import dev.mantis.robot.ros.msg.trajectory_msgs.JointTrajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The joint position targets a served robot's driver side receives on its profile's command
 * topics, in the order arm joints then gripper width (a {@code pd_joint_pos} action). A message
 * that does not fit its channel (wrong length, unknown joint, non-finite value) is refused with a
 * warning on {@code /rosout} and changes nothing. Counts the messages of the first channel, which
 * paces a lockstep simulation.
 */
final class CommandTargets implements AutoCloseable {

    private final RosNode node;
    private final ArmJoints groups;
    private final double[] action;
    private final List<Subscriber<?>> subscribers = new ArrayList<>();
    private long primaryCount;
    private long refused;

    /** Subscribes to every command channel of the profile. */
    CommandTargets(RosNode node, ArmJoints groups, List<CommandChannel> channels) {
        this.node = node;
        this.groups = groups;
        this.action = new double[groups.arm().size() + (groups.hasGripper() ? 1 : 0)];
        for (int c = 0; c < channels.size(); c++) {
            CommandChannel ch = channels.get(c);
            boolean primary = c == 0;
            int[] slots = ch.joints().stream().mapToInt(this::slot).toArray();
            subscribers.add(switch (ch.type()) {
                case JOINT_TRAJECTORY -> node.subscribe(ch.topic(), JointTrajectory.TYPE, m -> {
                    if (m.points.length == 0) {
                        refuse(ch, "a trajectory without points");
                    } else {
                        apply(ch, slots, m.joint_names, m.points[m.points.length - 1].positions, primary);
                    }
                }, 1);
                case FLOAT64_MULTI_ARRAY -> node.subscribe(ch.topic(), Float64MultiArray.TYPE,
                        m -> apply(ch, slots, new String[0], m.data, primary), 1);
                case JOINT_STATE -> node.subscribe(ch.topic(), JointState.TYPE,
                        m -> apply(ch, slots, m.name, m.position, primary), 1);
                case FRANKA_GRASP -> node.subscribe(ch.topic(), GraspActionGoal.TYPE,
                        m -> apply(ch, slots, new String[0], new double[] {m.goal.width / groups.widthScale()},
                                primary), 1);
            });
        }
    }

    /** The action slot of a joint: its arm index, or the gripper's (after the arm). */
    private int slot(String joint) {
        int k = groups.arm().indexOf(joint);
        if (k >= 0) {
            return k;
        }
        if (joint.equals(groups.gripper().orElse(null))) {
            return groups.arm().size();
        }
        throw new IllegalArgumentException("the served robot has no arm or gripper joint '" + joint + "'");
    }

    private void apply(CommandChannel ch, int[] slots, String[] names, double[] values, boolean primary) {
        if (names.length > 0 && names.length != values.length) {
            refuse(ch, names.length + " names but " + values.length + " positions");
            return;
        }
        double[] next = new double[slots.length];
        for (int i = 0; i < slots.length; i++) {
            int at = i;
            if (names.length > 0) {
                at = java.util.Arrays.asList(names).indexOf(ch.joints().get(i));
                if (at < 0) {
                    refuse(ch, "no position for joint '" + ch.joints().get(i) + "'");
                    return;
                }
            } else if (values.length != slots.length) {
                refuse(ch, values.length + " values for the " + slots.length + " joints " + ch.joints());
                return;
            }
            if (!Double.isFinite(values[at])) {
                refuse(ch, "a non-finite position for joint '" + ch.joints().get(i) + "'");
                return;
            }
            next[i] = values[at];
        }
        synchronized (this) {
            for (int i = 0; i < slots.length; i++) {
                action[slots[i]] = slots[i] == groups.arm().size() ? next[i] * groups.widthScale() : next[i];
            }
            if (primary) {
                primaryCount++;
            }
            notifyAll();
        }
    }

    private void refuse(CommandChannel ch, String why) {
        synchronized (this) {
            refused++;
        }
        node.logWarn(String.format(Locale.ROOT, "command on %s (%s) refused: %s; expected the joints %s",
                ch.topic(), ch.type().rosType(), why, ch.joints()));
    }

    /** Commands refused so far. */
    synchronized long refused() {
        return refused;
    }

    /** Sets the targets (arm joints, then gripper width) to hold {@code current}. */
    synchronized void hold(double[] current) {
        System.arraycopy(current, 0, action, 0, action.length);
    }

    /** Messages received on the first channel so far. */
    synchronized long primaryCount() {
        return primaryCount;
    }

    /**
     * Waits up to {@code millis} for the first channel's count to exceed {@code seen}.
     *
     * @return whether it did
     */
    synchronized boolean awaitPrimary(long seen, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (primaryCount <= seen) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** A copy of the targets: arm joints, then the gripper width (m). */
    synchronized double[] action() {
        return action.clone();
    }

    @Override
    public void close() {
        subscribers.forEach(Subscriber::close);
    }
}
