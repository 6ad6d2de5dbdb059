package dev.mantis.policies.spec;

import java.util.List;

/** The action a policy outputs: its feature name, element count and (optionally, else empty) element names. */
public record ActionFeature(String name, int size, List<String> names) {

    public ActionFeature {
        names = List.copyOf(names);
    }
}
