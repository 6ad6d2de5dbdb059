package dev.mantis.sim.physics;

import com.jme3.math.Matrix3f;
import com.jme3.math.Quaternion;
import com.jme3.math.Vector3f;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;

/** Conversions between Mantis's double-precision transforms and jME's float math types. */
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
}
