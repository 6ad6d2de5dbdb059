package dev.mantis.launch.deploy;

import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.Subscriber;
import dev.mantis.robot.ros.msg.mantis_msgs.TaskStatus;
import dev.mantis.sim.ros.SimRosServer;

/**
 * The latest {@code mantis_msgs/TaskStatus} of the robot cell a deployment drives (published by
 * {@code mantis sim serve-ros --task}, or by a real cell's perception), and a wait for the status
 * of a given control tick.
 */
final class TaskStatusBoard implements AutoCloseable {

    private final Subscriber<TaskStatus> subscriber;
    private TaskStatus latest;

    TaskStatusBoard(RosNode node) {
        this.subscriber = node.subscribe(SimRosServer.STATUS_TOPIC, TaskStatus.TYPE, this::accept, 4);
    }

    private synchronized void accept(TaskStatus s) {
        latest = s;
        notifyAll();
    }

    /** The topic. */
    String topic() {
        return subscriber.topic();
    }

    /**
     * The latest status once it is of episode {@code episode} (any, when negative) and stamped
     * {@code stamp} seconds or later, waiting at most {@code timeoutSeconds}; null if none came.
     */
    synchronized TaskStatus await(int episode, double stamp, double timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
        while (latest == null || episode >= 0 && latest.episode != episode || latest.header.stamp.toSeconds() < stamp) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return latest;
    }

    @Override
    public void close() {
        subscriber.close();
    }
}
