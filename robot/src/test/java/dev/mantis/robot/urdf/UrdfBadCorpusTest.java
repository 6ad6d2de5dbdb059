package dev.mantis.robot.urdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file in {@code urdf/bad/} has one problem; {@code expected.tsv} gives the line and the exact
 * message detail the loader must report for it.
 */
class UrdfBadCorpusTest {

    /** One line of expected.tsv. */
    record Expected(String file, int line, String detail) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Path corpus() throws URISyntaxException {
        return Path.of(UrdfBadCorpusTest.class.getResource("/urdf/bad/expected.tsv").toURI()).getParent();
    }

    static List<Expected> expected() throws IOException, URISyntaxException {
        return Files.readAllLines(corpus().resolve("expected.tsv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .map(l -> {
                    String[] f = l.split("\t", 3);
                    assertEquals(3, f.length, "expected.tsv line needs FILE, LINE, DETAIL: " + l);
                    return new Expected(f[0], Integer.parseInt(f[1]), f[2]);
                })
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expected")
    void reportsTheProblemWithFileLineAndFix(Expected expected) throws URISyntaxException {
        Path file = corpus().resolve(expected.file());
        UrdfException e = assertThrows(UrdfException.class,
                () -> new UrdfLoader(new MeshResolver(List.of())).load(file));
        assertEquals(file + ":" + expected.line() + ": " + expected.detail(), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), "one line");
        assertEquals(file.toString(), e.file());
        assertEquals(expected.line(), e.line());
        assertEquals(expected.detail(), e.detail());
    }

    @Test
    void everyCorpusFileIsListedAndEveryListedFileExists() throws IOException, URISyntaxException {
        Set<String> listed = expected().stream().map(Expected::file).collect(Collectors.toCollection(TreeSet::new));
        Set<String> present;
        try (Stream<Path> files = Files.list(corpus())) {
            present = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".urdf"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(present, listed);
        assertEquals(expected().size(), listed.size(), "each file listed once");
        assertTrue(listed.size() >= 24, "corpus has " + listed.size() + " files");
    }
}
