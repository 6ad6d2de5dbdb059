package dev.mantis.robot.spatial;

import java.util.Arrays;

/**
 * An immutable rigid transform {@code T_a_b}: the pose of frame b expressed in frame a, as a
 * rotation matrix (row-major) and a translation in metres. {@code T_a_b.apply(p_b) = p_a}.
 */
public final class Transform {

    /** The identity transform. */
    public static final Transform IDENTITY = new Transform(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 0, 0, 0);

    private final double[] rotation;
    private final double px;
    private final double py;
    private final double pz;

    private Transform(double[] rotation, double px, double py, double pz) {
        this.rotation = rotation;
        this.px = px;
        this.py = py;
        this.pz = pz;
    }

    /** A transform from a row-major 3x3 rotation (copied) and a translation in metres. */
    public static Transform of(double[] rotationRowMajor, Vec3 translation) {
        if (rotationRowMajor.length != 9) {
            throw new IllegalArgumentException("rotation needs 9 numbers, got " + rotationRowMajor.length);
        }
        return new Transform(rotationRowMajor.clone(), translation.x(), translation.y(), translation.z());
    }

    /**
     * The URDF origin convention: translate by {@code xyz} (metres), rotate by fixed-axis
     * roll-pitch-yaw {@code rpy} (radians), that is {@code R = Rz(yaw) * Ry(pitch) * Rx(roll)}.
     */
    public static Transform fromXyzRpy(Vec3 xyz, Vec3 rpy) {
        return new Transform(Rotations.rpyToMatrix(rpy.x(), rpy.y(), rpy.z()), xyz.x(), xyz.y(), xyz.z());
    }

    /** A pure translation. */
    public static Transform translation(Vec3 p) {
        return new Transform(IDENTITY.rotation.clone(), p.x(), p.y(), p.z());
    }

    /** The translation part, metres. */
    public Vec3 translation() {
        return new Vec3(px, py, pz);
    }

    /** Rotation entry at (row, col). */
    public double rotation(int row, int col) {
        return rotation[row * 3 + col];
    }

    /** The rotation as a new row-major array of 9 numbers. */
    public double[] rotationRowMajor() {
        return rotation.clone();
    }

    /** Fixed-axis roll, pitch, yaw of the rotation, radians (inverse of {@link #fromXyzRpy}). */
    public Vec3 rpy() {
        return Rotations.matrixToRpy(rotation);
    }

    /** {@code this * other}: if this is T_a_b and other is T_b_c, the result is T_a_c. */
    public Transform compose(Transform other) {
        double[] r = new double[9];
        Rotations.multiply(rotation, other.rotation, r);
        double[] o = {other.px, other.py, other.pz};
        double[] p = new double[3];
        Rotations.rotate(rotation, o, p);
        return new Transform(r, p[0] + px, p[1] + py, p[2] + pz);
    }

    /** The inverse transform: T_b_a for this T_a_b. */
    public Transform inverse() {
        double[] rt = new double[9];
        Rotations.transpose(rotation, rt);
        double[] p = new double[3];
        Rotations.rotate(rt, new double[] {px, py, pz}, p);
        return new Transform(rt, -p[0], -p[1], -p[2]);
    }

    /** Maps a point given in frame b to frame a. */
    public Vec3 apply(Vec3 p_b) {
        double[] out = new double[3];
        Rotations.rotate(rotation, p_b.toArray(), out);
        return new Vec3(out[0] + px, out[1] + py, out[2] + pz);
    }

    /** Writes this transform as 12 numbers (rotation row-major, then translation) at {@code offset}. */
    public void writeTo(double[] out, int offset) {
        System.arraycopy(rotation, 0, out, offset, 9);
        out[offset + 9] = px;
        out[offset + 10] = py;
        out[offset + 11] = pz;
    }

    /** Reads a transform stored as 12 numbers (see {@link #writeTo}). */
    public static Transform readFrom(double[] in, int offset) {
        return new Transform(Arrays.copyOfRange(in, offset, offset + 9), in[offset + 9], in[offset + 10],
                in[offset + 11]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transform t && Arrays.equals(rotation, t.rotation) && px == t.px && py == t.py
                && pz == t.pz;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rotation) + Double.hashCode(px + 3 * py + 7 * pz);
    }

    @Override
    public String toString() {
        return "Transform{xyz=" + translation() + ", rpy=" + rpy() + "}";
    }
}
