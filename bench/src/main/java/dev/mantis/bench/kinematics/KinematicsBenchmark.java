package dev.mantis.bench.kinematics;

import dev.mantis.assets.BundledRobots;
import dev.mantis.robot.kinematics.IkSettings;
import dev.mantis.robot.kinematics.IkWorkspace;
import dev.mantis.robot.kinematics.InverseKinematics;
import dev.mantis.robot.kinematics.KinematicTree;
import dev.mantis.robot.kinematics.KinematicsWorkspace;
import dev.mantis.robot.urdf.MeshResolver;
import dev.mantis.robot.urdf.UrdfLoader;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Forward kinematics, Jacobian and one IK solve of the 7-DoF arm (bundled {@code panda}).
 * Run with {@code -prof gc}: FK and Jacobian must show 0 B/op ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KinematicsBenchmark {

    private static final int CONFIGS = 64;

    private KinematicTree tree;
    private KinematicsWorkspace ws;
    private double[][] configurations;
    private double[] jacobian;
    private int tip;
    private int next;
    private InverseKinematics ik;
    private IkWorkspace ikWs;
    private double[][] targets;
    private double[] qStart;
    private double[] qOut;

    /** Loads the arm and draws configurations and IK targets with a fixed seed. */
    @Setup
    public void setUp() {
        var model = new UrdfLoader(new MeshResolver(List.of())).load(BundledRobots.find("panda").orElseThrow().url());
        tree = KinematicTree.of(model);
        ws = tree.newWorkspace();
        tip = tree.linkIndex("panda_hand_tcp");
        jacobian = new double[6 * tree.dof()];
        Random rng = new Random(7);
        configurations = new double[CONFIGS][tree.dof()];
        targets = new double[CONFIGS][12];
        for (double[] q : configurations) {
            for (int v = 0; v < q.length; v++) {
                q[v] = tree.lower(v) + (tree.upper(v) - tree.lower(v)) * rng.nextDouble();
            }
        }
        for (int i = 0; i < CONFIGS; i++) {
            tree.forward(configurations[i], ws);
            ws.copyPose(tip, targets[i], 0);
        }
        ik = new InverseKinematics(tree, "panda_hand_tcp", IkSettings.DEFAULT);
        ikWs = ik.newWorkspace();
        qStart = new double[] {0, -0.785, 0, -2.356, 0, 1.571, 0.785, 0.02};
        qOut = new double[tree.dof()];
    }

    /** Poses of all 13 links. */
    @Benchmark
    public double forward() {
        double[] q = configurations[next++ & (CONFIGS - 1)];
        tree.forward(q, ws);
        return ws.pose(tip, 11);
    }

    /** Poses of all links, then the 6 x 8 Jacobian of the tool frame. */
    @Benchmark
    public double forwardAndJacobian() {
        double[] q = configurations[next++ & (CONFIGS - 1)];
        tree.forward(q, ws);
        tree.jacobian(ws, tip, jacobian);
        return jacobian[5];
    }

    /** One full IK solve from a fixed start to a random reachable pose (allocates its result only). */
    @Benchmark
    public boolean inverse() {
        return ik.solve(targets[next++ & (CONFIGS - 1)], qStart, qStart, ikWs, qOut).converged();
    }
}
