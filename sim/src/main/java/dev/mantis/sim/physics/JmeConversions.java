package dev.mantis.sim.physics;

import com.jme3.bullet.objects.PhysicsRigidBody;
import com.jme3.math.Matrix3f;
import com.jme3.math.Quaternion;
import com.jme3.math.Vector3f;
import com.simsilica.mathd.Matrix3d;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;

/**
 * Conversions between Mantis's double-precision transforms and jME's math types: float types,
 * and a rigid body's rotation matrix read and written exactly.
 */
public final class JmeConversions {

    private JmeConversions() {
    }

    /** The vector as a jME float vector. */
    public static Vector3f vector(Vec3 v) {
        return new Vector3f((float) v.x(), (float) v.y(), (float) v.z());
    }

    /** The rotation of {@code t} as a jME matrix. */
    public static Matrix3f matrix(Transform t) {
        return new Matrix3f((float) t.rotation(0, 0), (float) t.rotation(0, 1), (float) t.rotation(0, 2),
                (float) t.rotation(1, 0), (float) t.rotation(1, 1), (float) t.rotation(1, 2),
                (float) t.rotation(2, 0), (float) t.rotation(2, 1), (float) t.rotation(2, 2));
    }

    /** The rotation of {@code t} as a jME quaternion. */
    public static Quaternion quaternion(Transform t) {
        return new Quaternion().fromRotationMatrix(matrix(t));
    }

    /** A transform from a jME rotation and translation (float precision). */
    public static Transform transform(Quaternion q, Vector3f p) {
        Matrix3f m = q.toRotationMatrix();
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = m.get(i, j);
            }
        }
        return Transform.of(r, new Vec3(p.x, p.y, p.z));
    }

    /**
     * Copies the rotation matrix of {@code body} as Bullet holds it (R_world_body, row-major, 9
     * numbers) into {@code out} at {@code offset}, without rounding (a quaternion would round).
     */
    public static void rotation(PhysicsRigidBody body, double[] out, int offset) {
        ReadableMatrix3d m = new ReadableMatrix3d();
        body.getPhysicsRotationMatrixDp(m);
        m.copyTo(out, offset);
    }

    /** Sets the rotation matrix of {@code body} to the 9 numbers (row-major) at {@code offset}, bit for bit. */
    public static void setRotation(PhysicsRigidBody body, double[] r, int offset) {
        body.setPhysicsRotationDp(new Matrix3d(r[offset], r[offset + 1], r[offset + 2], r[offset + 3], r[offset + 4],
                r[offset + 5], r[offset + 6], r[offset + 7], r[offset + 8]));
    }

    /** A {@link Matrix3d} whose elements can be read (the library offers no getters). */
    private static final class ReadableMatrix3d extends Matrix3d {

        void copyTo(double[] out, int offset) {
            double[] r = {m00, m01, m02, m10, m11, m12, m20, m21, m22};
            System.arraycopy(r, 0, out, offset, 9);
        }
    }
}
