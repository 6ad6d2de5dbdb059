package dev.mantis.robot.dataset;

import java.util.Map;

/**
 * The frames of one episode read back from a dataset: for each numeric feature, its values
 * row-major (frame r, element j at r * size + j) as doubles (float32 values exactly).
 */
public final class EpisodeFrames {

    private final EpisodeRow row;
    private final Map<String, double[]> values;
    private final Map<String, Integer> sizes;

    EpisodeFrames(EpisodeRow row, Map<String, double[]> values, Map<String, Integer> sizes) {
        this.row = row;
        this.values = values;
        this.sizes = sizes;
    }

    /** The episode's row of the episodes table. */
    public EpisodeRow row() {
        return row;
    }

    /** Number of frames. */
    public int length() {
        return (int) row.length();
    }

    /** Whether the episode has the numeric feature {@code feature}. */
    public boolean has(String feature) {
        return values.containsKey(feature);
    }

    /** Frame {@code frame} of {@code feature}, a copy. */
    public double[] get(String feature, int frame) {
        double[] all = all(feature);
        int size = sizes.get(feature);
        return java.util.Arrays.copyOfRange(all, frame * size, (frame + 1) * size);
    }

    /** Every frame of {@code feature}, row-major; a view, not to be modified. */
    public double[] all(String feature) {
        double[] v = values.get(feature);
        if (v == null) {
            throw new IllegalArgumentException("episode " + row.episodeIndex() + " has no numeric feature '" + feature
                    + "'; it has " + values.keySet());
        }
        return v;
    }
}
