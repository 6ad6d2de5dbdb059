package dev.mantis.policies.onnx;

import dev.mantis.policies.spec.FeatureSize;
import dev.mantis.policies.spec.Normalization;
import dev.mantis.policies.spec.PolicySpec;
import dev.mantis.robot.spec.Observation;
import dev.mantis.robot.spec.ObservationSpec;
import java.util.List;

/**
 * Concatenates a policy's features, looked up by name in an observation and normalised as
 * {@code (x - mean) * (1 / std)}, into one row of an input tensor. Remembers where the features
 * are in the last observation spec seen, so a steady stream of observations costs no lookups and
 * no allocation.
 */
final class FeatureFeed {

    private final String kind;
    private final String[] names;
    private final int[] sizes;
    private final double[] mean;
    private final double[] scale;
    private final int size;
    private final int[] index;
    private final double[] values;
    private final float[] scratch;
    private ObservationSpec indexed;

    /** A feed of {@code features} ({@code kind}: "observation" or "goal", for messages). */
    FeatureFeed(String kind, List<FeatureSize> features, PolicySpec spec) {
        this.kind = kind;
        int n = features.size();
        names = new String[n];
        sizes = new int[n];
        index = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            FeatureSize f = features.get(i);
            names[i] = f.name();
            sizes[i] = f.size();
            total += f.size();
        }
        size = total;
        values = new double[total];
        scratch = new float[total];
        mean = new double[total];
        scale = new double[total];
        int col = 0;
        for (FeatureSize f : features) {
            Normalization norm = spec.normalization(f.name(), f.size());
            for (int i = 0; i < f.size(); i++, col++) {
                mean[col] = norm.mean(i);
                scale[col] = 1 / norm.std(i);
            }
        }
    }

    /** Elements per row. */
    int size() {
        return size;
    }

    /** Writes the normalised features of {@code o} into row {@code row} of {@code t}. */
    void write(Observation o, BatchTensor t, int row) {
        if (names.length == 0) {
            return;
        }
        if (o == null) {
            throw new IllegalArgumentException("the policy needs a " + kind + " observation with " + List.of(names));
        }
        locate(o.spec());
        int col = 0;
        for (int f = 0; f < names.length; f++) {
            o.copy(index[f], values, col);
            col += sizes[f];
        }
        for (int i = 0; i < size; i++) {
            scratch[i] = (float) ((values[i] - mean[i]) * scale[i]);
        }
        t.putRow(row, scratch);
    }

    private void locate(ObservationSpec spec) {
        if (spec == indexed) {
            return;
        }
        for (int f = 0; f < names.length; f++) {
            int i = spec.indexOf(names[f]);
            int found = spec.features().get(i).size();
            if (found != sizes[f]) {
                throw new IllegalArgumentException(kind + " feature '" + names[f] + "' has " + found
                        + " elements, the policy needs " + sizes[f]);
            }
            index[f] = i;
        }
        indexed = spec;
    }
}
