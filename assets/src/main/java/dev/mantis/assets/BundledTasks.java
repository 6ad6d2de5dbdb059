package dev.mantis.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The task specs that ship with Mantis ({@code mantis/tasks/ID.yaml} on the classpath) and the
 * suites that group them ({@code mantis/tasks/SUITE.txt}: one task id per line).
 */
public final class BundledTasks {

    private BundledTasks() {
    }

    /** The YAML text of the bundled task {@code id}, if there is one. */
    public static Optional<String> yaml(String id) {
        return read("mantis/tasks/" + id + ".yaml");
    }

    /** The task ids of the bundled suite {@code suite}, if there is one. */
    public static Optional<List<String>> suite(String suite) {
        return read("mantis/tasks/" + suite + ".txt").map(text -> text.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
    }

    /**
     * The oracle's measured success of bundled task {@code id} as "successes/episodes" (from
     * {@code mantis/tasks/oracle-success.tsv}: id, successes, episodes, run seed), if measured.
     */
    public static Optional<String> oracleSuccess(String id) {
        return read("mantis/tasks/oracle-success.tsv").flatMap(text -> text.lines()
                .filter(l -> !l.startsWith("#"))
                .map(l -> l.split("\t"))
                .filter(f -> f.length >= 3 && f[0].equals(id))
                .map(f -> f[1] + "/" + f[2])
                .findFirst());
    }

    private static Optional<String> read(String resource) {
        try (InputStream in = BundledTasks.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + resource, e);
        }
    }
}
