package dev.mantis.robot.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Atomic writes of whole files, to any path a user may give. */
class AtomicFilesTest {

    @Test
    void aBareFileNameIsWrittenInTheWorkingDirectory() throws Exception {
        Path bare = Path.of("atomic-files-test-" + ProcessHandle.current().pid() + ".bin");
        try {
            AtomicFiles.write(bare, new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(bare));
            try (var left = Files.list(Path.of("."))) {
                assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".stage")).toList(),
                        "no staged temporary is left");
            }
        } finally {
            Files.deleteIfExists(bare);
        }
    }
}
