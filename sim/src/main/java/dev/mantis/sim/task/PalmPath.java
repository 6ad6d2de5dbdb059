package dev.mantis.sim.task;

import dev.mantis.robot.kinematics.IkSettings;
import dev.mantis.robot.kinematics.IkWorkspace;
import dev.mantis.robot.kinematics.InverseKinematics;
import dev.mantis.robot.kinematics.KinematicTree;
import dev.mantis.robot.spatial.Rotations;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * A joint-position command sequence for an arm with a hand ({@code pd_joint_pos}, one command per
 * control step), built move by move: joint-space moves, straight palm lines through continuous
 * inverse kinematics (each step's solution seeds the next, so the arm stays on one IK branch),
 * hand moves with the arm still, and holds. Palm poses are in the world frame.
 */
public final class PalmPath {

    private final Transform T_world_base;
    private final InverseKinematics ik;
    private final IkWorkspace ws;
    private final int handFirst;
    private final List<double[]> commands = new ArrayList<>();
    private final double[] q;
    private final double[] T = new double[12];
    private Transform T_world_palm;

    /**
     * A path starting at configuration {@code q} (all joints, the hand's from {@code handFirst} on).
     *
     * @param palmLink the link whose pose the lines move
     */
    public PalmPath(KinematicTree tree, String palmLink, Transform T_world_base, int handFirst, double[] q) {
        this.T_world_base = T_world_base;
        this.ik = new InverseKinematics(tree, palmLink, new IkSettings(1e-4, 1e-3, 0.2, 100, 0, 1e-3, 0.0, 0.2, 1));
        this.ws = ik.newWorkspace();
        this.handFirst = handFirst;
        this.q = q.clone();
        this.T_world_palm = T_world_base.compose(tree.linkPose(q, palmLink));
    }

    /** The commands so far, one per control step. */
    public List<double[]> commands() {
        return commands;
    }

    /** The palm pose the path has reached, world frame. */
    public Transform palm() {
        return T_world_palm;
    }

    /**
     * Moves every joint linearly to the configuration that puts the palm at {@code T_world_palm}
     * (solved from {@code armSeed}, which picks the IK branch) and the hand to {@code hand}.
     */
    public void jointMove(Transform T_world_palm, double[] armSeed, double[] hand, int steps) {
        double[] target = q.clone();
        System.arraycopy(armSeed, 0, target, 0, armSeed.length);
        System.arraycopy(hand, 0, target, handFirst, hand.length);
        for (int i = 0; i < 40; i++) {
            solve(T_world_palm, target);
        }
        System.arraycopy(hand, 0, target, handFirst, hand.length);
        double[] from = q.clone();
        for (int i = 1; i <= steps; i++) {
            double s = (double) i / steps;
            for (int k = 0; k < q.length; k++) {
                q[k] = from[k] + s * (target[k] - from[k]);
            }
            commands.add(q.clone());
        }
        this.T_world_palm = T_world_palm;
    }

    /**
     * Moves the palm in a straight line to {@code to} (position linearly, orientation about one
     * axis; a turn must be less than pi), the hand as it is.
     */
    public void line(Transform to, int steps) {
        Transform from = T_world_palm;
        double[] r = new double[3];
        Rotations.rotationError(to.rotationRowMajor(), 0, from.rotationRowMajor(), 0, r);
        double angle = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
        double[] turn = new double[9];
        double[] R = new double[9];
        for (int i = 1; i <= steps; i++) {
            double s = (double) i / steps;
            System.arraycopy(from.rotationRowMajor(), 0, R, 0, 9);
            if (angle > 1e-9) {
                Rotations.axisAngle(r[0] / angle, r[1] / angle, r[2] / angle, s * angle, turn, 0);
                Rotations.multiply(turn, 0, from.rotationRowMajor(), 0, R, 0);
            }
            Vec3 a = from.translation();
            Vec3 b = to.translation();
            solve(Transform.of(R, new Vec3(a.x() + s * (b.x() - a.x()), a.y() + s * (b.y() - a.y()),
                    a.z() + s * (b.z() - a.z()))), q);
            commands.add(q.clone());
        }
        T_world_palm = to;
    }

    /** Moves the hand's joints linearly to {@code hand}, the arm still. */
    public void hand(double[] hand, int steps) {
        double[] from = java.util.Arrays.copyOfRange(q, handFirst, handFirst + hand.length);
        for (int i = 1; i <= steps; i++) {
            double s = (double) i / steps;
            for (int k = 0; k < hand.length; k++) {
                q[handFirst + k] = from[k] + s * (hand[k] - from[k]);
            }
            commands.add(q.clone());
        }
    }

    /** Repeats the current command. */
    public void hold(int steps) {
        for (int i = 0; i < steps; i++) {
            commands.add(q.clone());
        }
    }

    /** One continuous IK step: the arm part of {@code qArm} moves toward the palm pose. */
    private void solve(Transform T_world_palm, double[] qArm) {
        T_world_base.inverse().compose(T_world_palm).writeTo(T, 0);
        ik.solve(T, qArm, qArm, ws, qArm);
    }
}
