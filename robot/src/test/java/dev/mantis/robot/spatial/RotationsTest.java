package dev.mantis.robot.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rotation conversions round-trip and agree with each other. */
class RotationsTest {

    @Test
    void quaternionRoundTripsThroughTheMatrixForRandomRotations() {
        Random rng = new Random(3);
        double[] q = new double[4];
        double[] back = new double[9];
        for (int i = 0; i < 1000; i++) {
            double[] r = Rotations.rpyToMatrix(rng.nextGaussian() * 2, rng.nextGaussian() * 2, rng.nextGaussian() * 2);
            Rotations.toQuaternion(r, 0, q);
            assertEquals(1, q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3], 1e-12);
            Rotations.fromQuaternion(q[0], q[1], q[2], q[3], back, 0);
            assertArrayEquals(r, back, 1e-12);
        }
    }

    @Test
    void rotationErrorIsTheAxisAngleBetweenTwoRotations() {
        double[] a = new double[9];
        double[] identity = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        double[] w = new double[3];
        for (double angle : new double[] {1e-9, 0.3, 2.0, Math.PI - 1e-7}) {
            Rotations.axisAngle(0, 0.6, 0.8, angle, a, 0);
            Rotations.rotationError(a, 0, identity, 0, w);
            assertArrayEquals(new double[] {0, 0.6 * angle, 0.8 * angle}, w, 1e-6 * Math.max(1, angle));
        }
    }
}
