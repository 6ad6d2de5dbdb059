package dev.mantis.robot.dataset;

import dev.mantis.robot.spec.ActionSpec;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.robot.spec.ObservationSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a dataset (Mantis's or one LeRobot recorded) can drive or train for a Mantis robot: each
 * of the robot's observation features and its action must be in the dataset under the same name
 * with the same number of elements, and the same element names where both name them.
 */
public final class FeatureMatch {

    private FeatureMatch() {
    }

    /** The mismatches, one line each; empty when every robot feature maps onto the dataset. */
    public static List<String> problems(DatasetInfo info, ObservationSpec observation, ActionSpec action) {
        List<String> out = new ArrayList<>();
        List<FeatureSpec> wanted = new ArrayList<>(observation.features());
        wanted.add(action.action());
        for (FeatureSpec f : wanted) {
            DatasetFeature d = info.feature(f.name());
            if (d == null) {
                out.add("'" + f.name() + "' (" + f.size() + " elements) is not in the dataset; it has "
                        + info.features().stream().filter(DatasetFeature::isNumeric).map(DatasetFeature::name)
                        .toList());
            } else if (!d.isNumeric() || d.size() != f.size()) {
                out.add("'" + f.name() + "' has " + d.size() + " elements (" + d.dtype() + ") in the dataset, the robot's "
                        + f.size());
            } else if (!d.names().isEmpty() && !f.names().isEmpty() && !d.names().equals(f.names())) {
                out.add("'" + f.name() + "' names its elements " + d.names() + " in the dataset, the robot "
                        + f.names());
            }
        }
        return out;
    }
}
