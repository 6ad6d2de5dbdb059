package dev.mantis.robot.kinematics;

import dev.mantis.robot.spatial.Transform;

/**
 * A reusable buffer for {@link KinematicTree#forward}: link poses in the root frame and the
 * root-frame axes and origins of every elementary joint motion. Not thread-safe: one per thread.
 */
public final class KinematicsWorkspace {

    final double[] poses;
    final double[] axes;
    final double[] origins;
    final double[] current = new double[12];
    final double[] temp = new double[18];

    KinematicsWorkspace(int links, int motions) {
        poses = new double[12 * links];
        axes = new double[3 * motions];
        origins = new double[3 * motions];
    }

    /** Copies the pose T_root_link of link {@code link} (12 numbers, see {@link Transform#writeTo}). */
    public void copyPose(int link, double[] out, int offset) {
        System.arraycopy(poses, 12 * link, out, offset, 12);
    }

    /** Entry {@code i} (0-8 rotation row-major, 9-11 position in metres) of link {@code link}'s pose. */
    public double pose(int link, int i) {
        return poses[12 * link + i];
    }

    /** Allocating: the pose T_root_link of link {@code link}. */
    public Transform pose(int link) {
        return Transform.readFrom(poses, 12 * link);
    }
}
