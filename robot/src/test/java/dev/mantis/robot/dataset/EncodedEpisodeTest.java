package dev.mantis.robot.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodedEpisodeTest {

    private static final List<DatasetFeature> FEATURES = DatasetWriterTest.SPEC.frameFeatures();

    private static byte[] staged(EncodedEpisode e) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            e.writeTo(out);
        }
        return bytes.toByteArray();
    }

    private static EncodedEpisode read(byte[] staged, List<DatasetFeature> features) throws IOException {
        return EncodedEpisode.readFrom(new DataInputStream(new ByteArrayInputStream(staged)), features);
    }

    @Test
    void aStagedEpisodeWritesTheSameDatasetBytesAsTheOriginal(@TempDir Path dir) throws Exception {
        EpisodeEncoder encoder = new EpisodeEncoder(FEATURES);
        EpisodeBuffer b = new EpisodeBuffer(FEATURES);
        List<EncodedEpisode> direct = new ArrayList<>();
        List<EncodedEpisode> throughStaging = new ArrayList<>();
        for (int e = 0; e < 6; e++) {
            DatasetWriterTest.fill(b, e);
            EncodedEpisode encoded = encoder.encode(b);
            direct.add(encoded);
            EncodedEpisode back = read(staged(encoded), FEATURES);
            assertEquals(encoded.length(), back.length());
            assertArrayEquals(staged(encoded), staged(back), "writes back the same staging bytes");
            throughStaging.add(back);
        }
        for (var run : List.of(List.of("direct", direct), List.of("staged", throughStaging))) {
            @SuppressWarnings("unchecked")
            List<EncodedEpisode> episodes = (List<EncodedEpisode>) run.get(1);
            try (DatasetWriter w = DatasetWriter.create(dir.resolve((String) run.get(0)), DatasetWriterTest.SPEC)) {
                for (int e = 0; e < episodes.size(); e++) {
                    w.writeEpisode(episodes.get(e), DatasetWriterTest.task(e), DatasetWriterTest.extras(e));
                }
            }
        }
        List<Path> files;
        try (var walk = Files.walk(dir.resolve("direct"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() >= 4, "files: " + files);
        for (Path f : files) {
            Path other = dir.resolve("staged").resolve(dir.resolve("direct").relativize(f));
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other), "differs: " + f.getFileName());
        }
    }

    @Test
    void aTruncatedOrForeignStagedEpisodeIsRefused() throws Exception {
        EpisodeBuffer b = new EpisodeBuffer(FEATURES);
        DatasetWriterTest.fill(b, 3);
        byte[] staged = staged(new EpisodeEncoder(FEATURES).encode(b));
        assertThrows(EOFException.class, () -> read(Arrays.copyOf(staged, staged.length - 9), FEATURES));
        List<DatasetFeature> fewer = FEATURES.subList(0, 2);
        IOException e = assertThrows(IOException.class, () -> read(staged, fewer));
        assertEquals("a staged row group has " + FEATURES.size() + " column chunks but the dataset has 2 columns "
                + "(observation.state, action)", e.getMessage());
    }
}
