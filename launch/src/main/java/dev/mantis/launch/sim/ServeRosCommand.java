package dev.mantis.launch.sim;

import dev.mantis.launch.InputException;
import dev.mantis.launch.ros.MasterOption;
import dev.mantis.launch.ros.ProfileSource;
import dev.mantis.launch.task.TaskSource;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.driver.RosProfile;
import dev.mantis.sim.ros.SimRosServer;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskRobot;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mantis sim serve-ros}: a simulated robot served over ROS as its real driver would serve it. */
@Command(name = "serve-ros", mixinStandardHelpOptions = true,
        description = "Serve a simulated robot over ROS 1 the way its real driver does: publish the profile's joint "
                + "state topics and /clock, obey its command topics. With --task the task's scene is simulated, "
                + "/mantis/task/status carries progress, object poses, the goal and the oracle's action, and "
                + "/mantis/sim/reset starts episodes. The simulation advances one control period per command on the "
                + "profile's first command topic (lockstep). Runs until interrupted.",
        footer = {"", "Examples:", "  mantis sim serve-ros --robot panda --profile franka --task pick_place",
            "  mantis sim serve-ros --robot ur5e_allegro --profile ur5e_allegro --task hand_lift --master http://localhost:11311/"})
public final class ServeRosCommand implements Callable<Integer> {

    @Option(names = "--robot", required = true, paramLabel = "ID",
            description = "The simulated robot (a bundled robot id); it must be the profile's robot.")
    String robot;

    @Option(names = "--profile", required = true, paramLabel = "NAME|FILE",
            description = "The robot profile to serve (franka, ur5e, allegro, ur5e_allegro, ...; or a YAML file).")
    String profile;

    @Option(names = "--task", paramLabel = "ID|FILE", description = "Simulate this task's scene (else the robot alone).")
    String task;

    @CommandLine.Mixin
    MasterOption master;

    @Option(names = "--name", paramLabel = "NODE", defaultValue = "mantis_sim", description = "Node name (default: ${DEFAULT-VALUE}).")
    String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RosProfile p = ProfileSource.profile(profile);
        if (!p.robot().equals(robot)) {
            throw new InputException("--robot " + robot + ": profile '" + p.name() + "' drives '" + p.robot()
                    + "'; give --robot " + p.robot() + " or another profile");
        }
        Optional<Task> t = Optional.ofNullable(task).map(id -> new Task(TaskSource.task(id)));
        if (t.isPresent() && !t.get().spec().robot().equals(robot)) {
            throw new InputException("--task " + task + ": the task is for robot '" + t.get().spec().robot()
                    + "', not '" + robot + "'");
        }
        TaskRobot r = ProfileSource.robot(p, Optional.empty());
        PrintWriter out = spec.commandLine().getOut();
        RosNode node = MasterOption.start(master.uri(), name);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            node.close();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try (node; SimRosServer server = new SimRosServer(node, p, r, t)) {
            out.printf("serving %s as profile '%s' on %s as %s%s; Ctrl-C stops%n", robot, p.name(), node.masterUri(),
                    node.name(), t.map(x -> ", task " + x.spec().id()).orElse(""));
            out.flush();
            server.run(() -> false);
            out.printf("stopped after %d states (%d commands refused)%n", server.ticks(), server.refusedCommands());
            out.flush();
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        } finally {
            done.countDown();
        }
        return 0;
    }
}
