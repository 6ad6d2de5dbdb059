package dev.mantis.robot.spatial;

/** An immutable 3-vector (metres for positions, unitless for directions). */
public record Vec3(double x, double y, double z) {

    /** The zero vector. */
    public static final Vec3 ZERO = new Vec3(0, 0, 0);

    /** Euclidean length. */
    public double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** This vector scaled to unit length; the caller guarantees a non-zero length. */
    public Vec3 normalized() {
        double n = norm();
        return new Vec3(x / n, y / n, z / n);
    }

    /** Whether all three components are finite. */
    public boolean isFinite() {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z);
    }

    /** The components as a new array {x, y, z}. */
    public double[] toArray() {
        return new double[] {x, y, z};
    }
}
