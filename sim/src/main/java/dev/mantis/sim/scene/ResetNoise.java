package dev.mantis.sim.scene;

/**
 * Seeded perturbation of a scene's initial state.
 *
 * @param joint uniform noise added to each rest joint position, +- radians or metres
 * @param objectXy uniform noise added to each object's x and y, +- metres
 * @param objectYaw uniform rotation of each object about world z, +- radians
 */
public record ResetNoise(double joint, double objectXy, double objectYaw) {

    /** No noise. */
    public static final ResetNoise NONE = new ResetNoise(0, 0, 0);

    public ResetNoise {
        if (!(joint >= 0) || !(objectXy >= 0) || !(objectYaw >= 0) || !Double.isFinite(joint + objectXy + objectYaw)) {
            throw new IllegalArgumentException("reset noise must be finite and >= 0: " + joint + ", " + objectXy + ", "
                    + objectYaw);
        }
    }
}
