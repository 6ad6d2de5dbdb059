package dev.mantis.robot.spec;

import java.util.List;

/** The features a robot observes, in a fixed order. */
public record ObservationSpec(List<FeatureSpec> features) {

    public ObservationSpec {
        features = List.copyOf(features);
        for (int i = 0; i < features.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (features.get(i).name().equals(features.get(j).name())) {
                    throw new IllegalArgumentException("feature '" + features.get(i).name() + "' appears twice");
                }
            }
        }
    }

    /** Index of the named feature. */
    public int indexOf(String name) {
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no observation feature '" + name + "'; features: "
                + features.stream().map(FeatureSpec::name).toList());
    }

    /** The named feature. */
    public FeatureSpec feature(String name) {
        return features.get(indexOf(name));
    }
}
