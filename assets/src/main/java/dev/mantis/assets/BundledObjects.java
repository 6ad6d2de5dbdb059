package dev.mantis.assets;

import java.net.URL;
import java.util.List;
import java.util.Optional;

/**
 * The articulated objects that ship with Mantis: URDF files at
 * {@code mantis/objects/ID/ID.urdf} on the classpath (a drawer cabinet, a push button).
 */
public final class BundledObjects {

    /** The ids of the bundled objects, in a stable order. */
    public static final List<String> IDS = List.of("drawer", "button");

    private BundledObjects() {
    }

    /** The URDF of the bundled object {@code id}, if there is one. */
    public static Optional<URL> urdf(String id) {
        if (!IDS.contains(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(BundledObjects.class.getClassLoader()
                .getResource("mantis/objects/" + id + "/" + id + ".urdf"));
    }
}
