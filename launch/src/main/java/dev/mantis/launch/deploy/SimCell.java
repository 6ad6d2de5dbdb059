package dev.mantis.launch.deploy;

import dev.mantis.assets.BundledProfiles;
import dev.mantis.launch.InputException;
import dev.mantis.launch.ros.MasterOption;
import dev.mantis.launch.ros.ProfileSource;
import dev.mantis.robot.ros.RosException;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.RoscoreProcess;
import dev.mantis.robot.ros.driver.RosProfile;
import dev.mantis.sim.ros.SimRosServer;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The simulated cell of {@code mantis collect --robot sim:ID --autonomous}: the task's scene served
 * over ROS by {@link SimRosServer} in this process, as {@code mantis sim serve-ros} would serve it,
 * under the bundled profile of the robot, on a private roscore (or the {@code --master} given), so
 * that the autonomous run drives it exactly as it would drive a real robot.
 */
final class SimCell implements AutoCloseable {

    private final RoscoreProcess roscore;
    private final RosNode node;
    private final Thread serving;
    private final RosProfile profile;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean stop;
    private volatile RuntimeException failure;

    /** Starts serving on its own thread, which builds the simulator (Bullet steps on the thread that built it). */
    private SimCell(RoscoreProcess roscore, RosNode node, RosProfile profile, Task task) throws InterruptedException {
        this.roscore = roscore;
        this.node = node;
        this.profile = profile;
        this.serving = new Thread(() -> serve(task), "mantis-sim-cell");
        serving.setDaemon(true);
        serving.start();
        ready.await();
        if (failure != null) {
            serving.join();
            throw failure;
        }
    }

    /**
     * Serves {@code task} with robot {@code robotId} on {@code master} (null: a private roscore).
     *
     * @throws InputException when the robot has no bundled profile, is not the task's, or ROS is missing
     */
    static SimCell start(String robotId, TaskSpec task, String master) throws IOException, InterruptedException {
        if (!task.robot().equals(robotId)) {
            throw new InputException("--robot sim:" + robotId + ": task '" + task.id() + "' is for robot '"
                    + task.robot() + "'");
        }
        RosProfile profile = BundledProfiles.names().stream().map(ProfileSource::profile)
                .filter(p -> p.robot().equals(robotId)).findFirst().orElseThrow(() -> new InputException(
                        "--robot sim:" + robotId + ": no bundled ROS profile drives '" + robotId + "'; serve it with "
                                + "mantis sim serve-ros --profile FILE and give --robot ros:FILE"));
        RoscoreProcess roscore = null;
        if (master == null) {
            try {
                roscore = RoscoreProcess.start();
            } catch (RosException e) {
                throw new InputException("--robot sim:" + robotId + " --autonomous serves the simulator over a private "
                        + "ROS master, but " + e.getMessage());
            }
            master = roscore.uri().toString();
        }
        RosNode node = null;
        try {
            node = MasterOption.start(master, "mantis_sim");
            return new SimCell(roscore, node, profile, new Task(task));
        } catch (RuntimeException | InterruptedException e) {
            if (node != null) {
                node.close();
            }
            if (roscore != null) {
                roscore.close();
            }
            throw e;
        }
    }

    private void serve(Task task) {
        SimRosServer server;
        try {
            server = new SimRosServer(node, profile, ProfileSource.robot(profile, Optional.empty()), Optional.of(task));
        } catch (IllegalArgumentException e) {
            failure = new InputException(e.getMessage());
            ready.countDown();
            return;
        } catch (RuntimeException e) {
            failure = e;
            ready.countDown();
            return;
        }
        ready.countDown();
        try (server) {
            server.run(() -> stop);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e; // the run sees the robot lost, and asks failure() before waiting for it
        }
    }

    /** Why the simulator stopped serving on its own (null while it serves, or after a clean close). */
    String failure() {
        RuntimeException e = failure;
        return e == null ? null : e.toString();
    }

    /** The {@code --robot} argument that drives this cell: {@code ros:PROFILE}. */
    String robotArgument() {
        return "ros:" + profile.name();
    }

    /** The master the cell's node is registered with. */
    String master() {
        return node.masterUri().toString();
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        serving.join(5000);
        node.close();
        if (roscore != null) {
            roscore.close();
        }
    }
}
