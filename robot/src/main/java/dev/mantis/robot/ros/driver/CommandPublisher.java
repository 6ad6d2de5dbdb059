package dev.mantis.robot.ros.driver;

import dev.mantis.robot.ros.Publisher;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.msg.RosDuration;
import dev.mantis.robot.ros.msg.RosTime;
import dev.mantis.robot.ros.msg.franka_gripper.GraspActionGoal;
import dev.mantis.robot.ros.msg.sensor_msgs.JointState;
import dev.mantis.robot.ros.msg.std_msgs.Float64MultiArray;
import dev.mantis.robot.ros.msg.trajectory_msgs.JointTrajectory;
import dev.mantis.robot.ros.msg.trajectory_msgs.JointTrajectoryPoint;
import java.util.Arrays;
import java.util.List;

/**
 * Publishes joint position targets on one {@link CommandChannel}, in its message type. Messages
 * are built once and refilled each time.
 */
final class CommandPublisher implements AutoCloseable {

    private final CommandChannel channel;
    private final int[] slots;
    private final double gripperScale;
    private final double[] values;
    private final double[] sent;
    private final double period;
    private final Publisher<?> publisher;
    private final JointTrajectory trajectory = new JointTrajectory();
    private final Float64MultiArray array = new Float64MultiArray();
    private final JointState jointState = new JointState();
    private final GraspActionGoal grasp = new GraspActionGoal();
    private int goals;

    /**
     * A publisher for {@code channel} on {@code node}.
     *
     * @param slots per channel joint, its index in the target vectors {@link #send} gets
     * @param gripperScale the gripper's width per unit of its leader's position (for grasp goals)
     * @param period the control period, seconds (a trajectory point is reached one period later)
     */
    CommandPublisher(RosNode node, CommandChannel channel, int[] slots, double gripperScale, double period) {
        this.channel = channel;
        this.slots = slots.clone();
        this.gripperScale = gripperScale;
        this.period = period;
        this.values = new double[slots.length];
        this.sent = new double[slots.length];
        Arrays.fill(sent, Double.NaN);
        String[] names = channel.joints().toArray(new String[0]);
        this.publisher = switch (channel.type()) {
            case JOINT_TRAJECTORY -> {
                trajectory.joint_names = names;
                trajectory.points = new JointTrajectoryPoint[] {new JointTrajectoryPoint()};
                trajectory.points[0].time_from_start = RosDuration.ofSeconds(period);
                yield node.publisher(channel.topic(), JointTrajectory.TYPE, false, 1);
            }
            case FLOAT64_MULTI_ARRAY -> node.publisher(channel.topic(), Float64MultiArray.TYPE, false, 1);
            case JOINT_STATE -> {
                jointState.name = names;
                yield node.publisher(channel.topic(), JointState.TYPE, false, 1);
            }
            case FRANKA_GRASP -> {
                grasp.goal.speed = channel.speed();
                grasp.goal.force = channel.force();
                grasp.goal.epsilon.inner = 0.1; // accept any width: the grasp is force-limited
                grasp.goal.epsilon.outer = 0.1;
                yield node.publisher(channel.topic(), GraspActionGoal.TYPE, false, 1);
            }
        };
    }

    /** The channel. */
    CommandChannel channel() {
        return channel;
    }

    /** Subscribers connected now. */
    int subscriberCount() {
        return publisher.subscriberCount();
    }

    /** Publishes the channel's joints' targets from {@code targets} (rad or m), stamped {@code stamp}. */
    @SuppressWarnings("unchecked")
    void send(double[] targets, RosTime stamp) {
        for (int i = 0; i < slots.length; i++) {
            values[i] = targets[slots[i]];
        }
        if (channel.onChange() && Arrays.equals(values, sent)) {
            return;
        }
        System.arraycopy(values, 0, sent, 0, values.length);
        switch (channel.type()) {
            case JOINT_TRAJECTORY -> {
                trajectory.header.stamp = stamp;
                trajectory.points[0].positions = values; // serialized at once by publish
                ((Publisher<JointTrajectory>) publisher).publish(trajectory);
            }
            case FLOAT64_MULTI_ARRAY -> {
                array.data = values; // serialized at once by publish
                ((Publisher<Float64MultiArray>) publisher).publish(array);
            }
            case JOINT_STATE -> {
                jointState.header.stamp = stamp;
                jointState.position = values; // serialized at once by publish
                ((Publisher<JointState>) publisher).publish(jointState);
            }
            case FRANKA_GRASP -> {
                grasp.header.stamp = stamp;
                grasp.goal_id.stamp = stamp;
                grasp.goal_id.id = "mantis-grasp-" + (++goals);
                grasp.goal.width = gripperScale * values[0];
                ((Publisher<GraspActionGoal>) publisher).publish(grasp);
            }
        }
    }

    /**
     * Forgets what was sent, so that an on-change channel sends its next target even if unchanged:
     * the robot may have moved since (a reset opened the gripper that the last goal closed).
     */
    void forget() {
        Arrays.fill(sent, Double.NaN);
    }

    /** The joint names of a channel, for messages. */
    List<String> joints() {
        return channel.joints();
    }

    @Override
    public void close() {
        publisher.close();
    }
}
