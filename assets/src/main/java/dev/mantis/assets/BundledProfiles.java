package dev.mantis.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The ROS robot profiles that ship with Mantis ({@code mantis/profiles/NAME.yaml} on the
 * classpath, listed in {@code mantis/profiles/profiles.txt}): how real robots' ROS drivers are
 * spoken to.
 */
public final class BundledProfiles {

    private BundledProfiles() {
    }

    /** The YAML text of the bundled profile {@code name}, if there is one. */
    public static Optional<String> yaml(String name) {
        return read("mantis/profiles/" + name + ".yaml");
    }

    /** The names of the bundled profiles. */
    public static List<String> names() {
        return read("mantis/profiles/profiles.txt").orElseThrow().lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
    }

    private static Optional<String> read(String resource) {
        try (InputStream in = BundledProfiles.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + resource, e);
        }
    }
}
