package dev.mantis.robot.spatial;

/**
 * Allocation-free operations on rotation matrices stored row-major in {@code double[9]}
 * (or at an offset inside a larger array) and on 3-vectors stored in {@code double[3]}.
 */
public final class Rotations {

    private Rotations() {
    }

    /** Fixed-axis roll-pitch-yaw to a new row-major matrix {@code Rz(yaw) Ry(pitch) Rx(roll)}. */
    public static double[] rpyToMatrix(double roll, double pitch, double yaw) {
        double cr = Math.cos(roll);
        double sr = Math.sin(roll);
        double cp = Math.cos(pitch);
        double sp = Math.sin(pitch);
        double cy = Math.cos(yaw);
        double sy = Math.sin(yaw);
        return new double[] {
            cy * cp, cy * sp * sr - sy * cr, cy * sp * cr + sy * sr,
            sy * cp, sy * sp * sr + cy * cr, sy * sp * cr - cy * sr,
            -sp, cp * sr, cp * cr};
    }

    /** Roll, pitch, yaw (radians) of a row-major rotation; pitch in [-pi/2, pi/2]. */
    public static Vec3 matrixToRpy(double[] r) {
        double pitch = Math.atan2(-r[6], Math.hypot(r[7], r[8]));
        double roll = Math.atan2(r[7], r[8]);
        double yaw = Math.atan2(r[3], r[0]);
        return new Vec3(roll, pitch, yaw);
    }

    /** {@code out = a * b} for 3x3 row-major matrices; {@code out} must not alias the inputs. */
    public static void multiply(double[] a, double[] b, double[] out) {
        multiply(a, 0, b, 0, out, 0);
    }

    /** {@code out = a * b} with each matrix at an offset; {@code out} must not alias the inputs. */
    public static void multiply(double[] a, int ao, double[] b, int bo, double[] out, int oo) {
        for (int i = 0; i < 3; i++) {
            double a0 = a[ao + 3 * i];
            double a1 = a[ao + 3 * i + 1];
            double a2 = a[ao + 3 * i + 2];
            out[oo + 3 * i] = a0 * b[bo] + a1 * b[bo + 3] + a2 * b[bo + 6];
            out[oo + 3 * i + 1] = a0 * b[bo + 1] + a1 * b[bo + 4] + a2 * b[bo + 7];
            out[oo + 3 * i + 2] = a0 * b[bo + 2] + a1 * b[bo + 5] + a2 * b[bo + 8];
        }
    }

    /** {@code out = r * v}; {@code out} must not alias {@code v}. */
    public static void rotate(double[] r, double[] v, double[] out) {
        out[0] = r[0] * v[0] + r[1] * v[1] + r[2] * v[2];
        out[1] = r[3] * v[0] + r[4] * v[1] + r[5] * v[2];
        out[2] = r[6] * v[0] + r[7] * v[1] + r[8] * v[2];
    }

    /** {@code out = r^T}; {@code out} must not alias {@code r}. */
    public static void transpose(double[] r, double[] out) {
        out[0] = r[0];
        out[1] = r[3];
        out[2] = r[6];
        out[3] = r[1];
        out[4] = r[4];
        out[5] = r[7];
        out[6] = r[2];
        out[7] = r[5];
        out[8] = r[8];
    }

    /**
     * Writes the rotation by {@code angle} radians about the unit axis (ax, ay, az) (Rodrigues'
     * formula) into {@code out} at {@code offset}.
     */
    public static void axisAngle(double ax, double ay, double az, double angle, double[] out, int offset) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double t = 1 - c;
        out[offset] = t * ax * ax + c;
        out[offset + 1] = t * ax * ay - s * az;
        out[offset + 2] = t * ax * az + s * ay;
        out[offset + 3] = t * ax * ay + s * az;
        out[offset + 4] = t * ay * ay + c;
        out[offset + 5] = t * ay * az - s * ax;
        out[offset + 6] = t * ax * az - s * ay;
        out[offset + 7] = t * ay * az + s * ax;
        out[offset + 8] = t * az * az + c;
    }

    /**
     * The rotation vector (axis times angle, radians) of {@code R_a * R_b^T}, the rotation that
     * takes b to a, for matrices at offsets. Accurate near 0 and near pi.
     */
    public static void rotationError(double[] ra, int ao, double[] rb, int bo, double[] out) {
        // E = Ra * Rb^T
        double e00 = ra[ao] * rb[bo] + ra[ao + 1] * rb[bo + 1] + ra[ao + 2] * rb[bo + 2];
        double e01 = ra[ao] * rb[bo + 3] + ra[ao + 1] * rb[bo + 4] + ra[ao + 2] * rb[bo + 5];
        double e02 = ra[ao] * rb[bo + 6] + ra[ao + 1] * rb[bo + 7] + ra[ao + 2] * rb[bo + 8];
        double e10 = ra[ao + 3] * rb[bo] + ra[ao + 4] * rb[bo + 1] + ra[ao + 5] * rb[bo + 2];
        double e11 = ra[ao + 3] * rb[bo + 3] + ra[ao + 4] * rb[bo + 4] + ra[ao + 5] * rb[bo + 5];
        double e12 = ra[ao + 3] * rb[bo + 6] + ra[ao + 4] * rb[bo + 7] + ra[ao + 5] * rb[bo + 8];
        double e20 = ra[ao + 6] * rb[bo] + ra[ao + 7] * rb[bo + 1] + ra[ao + 8] * rb[bo + 2];
        double e21 = ra[ao + 6] * rb[bo + 3] + ra[ao + 7] * rb[bo + 4] + ra[ao + 8] * rb[bo + 5];
        double e22 = ra[ao + 6] * rb[bo + 6] + ra[ao + 7] * rb[bo + 7] + ra[ao + 8] * rb[bo + 8];
        log(e00, e01, e02, e10, e11, e12, e20, e21, e22, out);
    }

    /** The rotation vector of the rotation matrix given entry by entry. */
    static void log(double e00, double e01, double e02, double e10, double e11, double e12, double e20,
            double e21, double e22, double[] out) {
        double wx = e21 - e12;
        double wy = e02 - e20;
        double wz = e10 - e01;
        double sin2 = Math.sqrt(wx * wx + wy * wy + wz * wz); // 2 sin(theta)
        double cos2 = e00 + e11 + e22 - 1; // 2 cos(theta)
        double theta = Math.atan2(sin2, cos2);
        if (sin2 > 1e-6) {
            double k = theta / sin2;
            out[0] = wx * k;
            out[1] = wy * k;
            out[2] = wz * k;
        } else if (cos2 > 0) {
            // near identity: theta ~ sin(theta), first-order accurate
            out[0] = 0.5 * wx;
            out[1] = 0.5 * wy;
            out[2] = 0.5 * wz;
        } else {
            // near pi: axis from the diagonal of (R + I) / 2 = a a^T
            double xx = Math.max(0, (e00 + 1) / 2);
            double yy = Math.max(0, (e11 + 1) / 2);
            double zz = Math.max(0, (e22 + 1) / 2);
            double ax;
            double ay;
            double az;
            if (xx >= yy && xx >= zz) {
                ax = Math.sqrt(xx);
                ay = (e01 + e10) / (4 * ax);
                az = (e02 + e20) / (4 * ax);
            } else if (yy >= zz) {
                ay = Math.sqrt(yy);
                ax = (e01 + e10) / (4 * ay);
                az = (e12 + e21) / (4 * ay);
            } else {
                az = Math.sqrt(zz);
                ax = (e02 + e20) / (4 * az);
                ay = (e12 + e21) / (4 * az);
            }
            // choose the sign consistent with the small skew part
            if (ax * wx + ay * wy + az * wz < 0) {
                ax = -ax;
                ay = -ay;
                az = -az;
            }
            out[0] = ax * theta;
            out[1] = ay * theta;
            out[2] = az * theta;
        }
    }

    /**
     * The unit quaternion (x, y, z, w), w >= 0, of the row-major rotation at {@code offset},
     * written into {@code out[0..3]}.
     */
    public static void toQuaternion(double[] r, int offset, double[] out) {
        double m00 = r[offset];
        double m11 = r[offset + 4];
        double m22 = r[offset + 8];
        double trace = m00 + m11 + m22;
        double x;
        double y;
        double z;
        double w;
        if (trace > 0) {
            double s = 2 * Math.sqrt(trace + 1);
            w = 0.25 * s;
            x = (r[offset + 7] - r[offset + 5]) / s;
            y = (r[offset + 2] - r[offset + 6]) / s;
            z = (r[offset + 3] - r[offset + 1]) / s;
        } else if (m00 > m11 && m00 > m22) {
            double s = 2 * Math.sqrt(1 + m00 - m11 - m22);
            w = (r[offset + 7] - r[offset + 5]) / s;
            x = 0.25 * s;
            y = (r[offset + 1] + r[offset + 3]) / s;
            z = (r[offset + 2] + r[offset + 6]) / s;
        } else if (m11 > m22) {
            double s = 2 * Math.sqrt(1 + m11 - m00 - m22);
            w = (r[offset + 2] - r[offset + 6]) / s;
            x = (r[offset + 1] + r[offset + 3]) / s;
            y = 0.25 * s;
            z = (r[offset + 5] + r[offset + 7]) / s;
        } else {
            double s = 2 * Math.sqrt(1 + m22 - m00 - m11);
            w = (r[offset + 3] - r[offset + 1]) / s;
            x = (r[offset + 2] + r[offset + 6]) / s;
            y = (r[offset + 5] + r[offset + 7]) / s;
            z = 0.25 * s;
        }
        double sign = w < 0 ? -1 : 1;
        double n = sign / Math.sqrt(x * x + y * y + z * z + w * w);
        out[0] = x * n;
        out[1] = y * n;
        out[2] = z * n;
        out[3] = w * n;
    }

    /** The row-major rotation of the unit quaternion (x, y, z, w), written at {@code offset}. */
    public static void fromQuaternion(double x, double y, double z, double w, double[] out, int offset) {
        out[offset] = 1 - 2 * (y * y + z * z);
        out[offset + 1] = 2 * (x * y - z * w);
        out[offset + 2] = 2 * (x * z + y * w);
        out[offset + 3] = 2 * (x * y + z * w);
        out[offset + 4] = 1 - 2 * (x * x + z * z);
        out[offset + 5] = 2 * (y * z - x * w);
        out[offset + 6] = 2 * (x * z - y * w);
        out[offset + 7] = 2 * (y * z + x * w);
        out[offset + 8] = 1 - 2 * (x * x + y * y);
    }
}
