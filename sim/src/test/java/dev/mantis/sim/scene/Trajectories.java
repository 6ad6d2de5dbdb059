package dev.mantis.sim.scene;

import dev.mantis.robot.spec.Action;
import dev.mantis.sim.robot.SimRobot;
import java.util.SplittableRandom;

/** Reproducible action sequences and state hashes for determinism tests. */
public final class Trajectories {

    private Trajectories() {
    }

    /** The arm-and-cube scene used by the determinism tests (pd_joint_pos, 20 Hz control). */
    public static SceneSpec spec() {
        return TestScenes.armWithCube("pd_joint_pos", 0.05, 0.2, new ResetNoise(0.05, 0.03, 0.5));
    }

    /** Action {@code step} of the sequence for {@code seed}: a wander around the rest pose. */
    public static Action action(SimRobot robot, long seed, int step) {
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + step);
        double[] rest = robot.restPositions();
        double[] a = new double[rest.length + 1];
        for (int k = 0; k < rest.length; k++) {
            a[k] = rest[k] + 0.4 * Math.sin(0.05 * step + k) + 0.05 * (rng.nextDouble() - 0.5);
        }
        a[rest.length] = 0.04 + 0.04 * Math.sin(0.1 * step);
        return new Action(a);
    }

    /** Folds every number of a state into a running 64-bit hash. */
    public static long hash(long h, SceneState s) {
        h = mix(h, Double.doubleToLongBits(s.time()));
        for (double[][] group : new double[][][] {s.robotPositions(), s.robotVelocities(), s.objects()}) {
            for (double[] row : group) {
                for (double v : row) {
                    h = mix(h, Double.doubleToLongBits(v));
                }
            }
        }
        return h;
    }

    private static long mix(long h, long v) {
        h ^= v;
        h *= 0x100000001B3L;
        return h ^ (h >>> 29);
    }

    /** Hash of the state after each of {@code steps} control steps from reset({@code seed}). */
    public static long run(Scene scene, long seed, int steps) {
        scene.reset(seed);
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < steps; i++) {
            scene.robot(0).act(action(scene.robot(0), seed, i));
            scene.step();
            h = hash(h, scene.snapshot());
        }
        return h;
    }

    /** Prints the trajectory hash for seed args[0], steps args[1]: run in a fresh JVM by the tests. */
    public static void main(String[] args) {
        try (Scene scene = Scene.build(spec())) {
            System.out.println(Long.toHexString(run(scene, Long.parseLong(args[0]), Integer.parseInt(args[1]))));
        }
    }
}
