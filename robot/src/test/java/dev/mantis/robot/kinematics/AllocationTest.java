package dev.mantis.robot.kinematics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Forward kinematics and the Jacobian allocate nothing once their workspace exists. */
class AllocationTest {

    @Test
    void forwardAndJacobianAllocateNothing() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        KinematicTree tree = KinematicTree.of(TestRobots.load("panda"));
        KinematicsWorkspace ws = tree.newWorkspace();
        double[] J = new double[6 * tree.dof()];
        double[] q = TestRobots.randomConfiguration(tree, new Random(9));
        int tip = tree.linkIndex("panda_hand_tcp");
        for (int warm = 0; warm < 5; warm++) {
            run(tree, ws, J, q, tip); // let class loading and JIT compilation settle
        }
        long self = measureEmpty(threads);
        long before = threads.getCurrentThreadAllocatedBytes();
        run(tree, ws, J, q, tip);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before - self;
        // The smallest object is 16 bytes, so any per-call allocation would show as >= 160,000;
        // a few hundred bytes may come once from JIT transitions.
        assertTrue(allocated < 1_000, allocated + " bytes allocated by 10,000 FK + Jacobian calls");
    }

    private static void run(KinematicTree tree, KinematicsWorkspace ws, double[] J, double[] q, int tip) {
        for (int i = 0; i < 10_000; i++) {
            q[i % q.length] += 1e-9;
            tree.forward(q, ws);
            tree.jacobian(ws, tip, J);
        }
    }

    private static long measureEmpty(com.sun.management.ThreadMXBean threads) {
        long a = threads.getCurrentThreadAllocatedBytes();
        long b = threads.getCurrentThreadAllocatedBytes();
        return b - a;
    }
}
