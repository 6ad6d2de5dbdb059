package dev.mantis.robot.dataset.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not (complete, valid) Parquet get one clear line naming the file and the problem. */
class ParquetErrorTest {

    private static byte[] validFile() throws IOException {
        ParquetSchema schema = ParquetSchema.of(new ParquetColumn("action", ParquetType.FLOAT, true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ParquetFiles.write(out, schema, List.of(new ParquetEncoder(schema, ParquetCompression.SNAPPY)
                .encode(List.of(ColumnValues.ofFloatLists(new float[100], LeRobotFrames.offsets(10, 10))))), Map.of());
        return out.toByteArray();
    }

    private static String openError(Path file) {
        return assertThrows(ParquetException.class, () -> ParquetReader.open(file).close()).getMessage();
    }

    @Test
    void truncatedFilesAreNotComplete(@TempDir Path dir) throws IOException {
        byte[] valid = validFile();
        Path half = Files.write(dir.resolve("half.parquet"), Arrays.copyOf(valid, valid.length / 2));
        assertEquals(half + ": not a complete Parquet file (it does not end with PAR1; truncated while being "
                + "written or copied?)", openError(half));
        Path tiny = Files.write(dir.resolve("tiny.parquet"), Arrays.copyOf(valid, 7));
        assertEquals(tiny + ": not a complete Parquet file (7 bytes; even an empty one has 12)", openError(tiny));
        byte[] badLength = valid.clone();
        badLength[valid.length - 6] = 0x7F; // footer length now far larger than the file
        Path lying = Files.write(dir.resolve("lying.parquet"), badLength);
        assertTrue(openError(lying).startsWith(lying + ": not a complete Parquet file (its footer length "),
                openError(lying));
    }

    @Test
    void otherFilesAreNotParquet(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("data.parquet"), "index,action\n0,1.5\n1,2.5\n");
        assertEquals(csv + ": not a Parquet file (it does not start with PAR1)", openError(csv));
    }

    @Test
    void aCorruptFooterOrPageIsReported(@TempDir Path dir) throws IOException {
        byte[] valid = validFile();
        int footerLength = (int) ByteSink.INT.get(valid, valid.length - 8);
        byte[] footer = valid.clone();
        Arrays.fill(footer, valid.length - 8 - footerLength, valid.length - 8, (byte) 0xFF);
        Path badFooter = Files.write(dir.resolve("footer.parquet"), footer);
        assertTrue(openError(badFooter).startsWith(badFooter + ": corrupt footer ("), openError(badFooter));

        byte[] page = valid.clone();
        int at = indexOf(page, ("PAR1").getBytes(StandardCharsets.US_ASCII), 4) - 1; // the chunk ends before the footer
        Arrays.fill(page, 30, Math.min(60, at), (byte) 0x55);
        Path badPage = Files.write(dir.resolve("page.parquet"), page);
        try (ParquetReader r = ParquetReader.open(badPage)) {
            String message = assertThrows(ParquetException.class, () -> r.read("action")).getMessage();
            assertTrue(message.startsWith(badPage + ": column action, row group 0: "), message);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = from; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return haystack.length;
    }

    @Test
    void randomlyDamagedFilesFailOnlyWithParquetExceptions(@TempDir Path dir) throws IOException {
        ParquetSchema schema = ParquetSamples.allTypes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ParquetFiles.write(out, schema, List.of(new ParquetEncoder(schema, ParquetCompression.SNAPPY, 64)
                .encode(ParquetSamples.allTypesValues(30, 1))), Map.of("k", "v"));
        byte[] valid = out.toByteArray();
        java.util.Random rng = new java.util.Random(7);
        Path file = dir.resolve("damaged.parquet");
        for (int trial = 0; trial < 400; trial++) {
            byte[] damaged = valid.clone();
            for (int k = 0; k < 1 + trial % 4; k++) {
                damaged[4 + rng.nextInt(damaged.length - 12)] = (byte) rng.nextInt(256);
            }
            Files.write(file, damaged);
            try (ParquetReader r = ParquetReader.open(file)) {
                for (ParquetColumn c : r.schema().columns()) {
                    try {
                        r.read(c.name());
                    } catch (ParquetException expected) {
                        // a clear message is all we ask for
                    }
                }
            } catch (ParquetException expected) {
                // likewise
            } catch (RuntimeException e) {
                throw new AssertionError("trial " + trial + ": " + e, e);
            }
        }
    }

    @Test
    void schemaLookupsNameTheMissingColumn(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("ok.parquet"), validFile());
        try (ParquetReader r = ParquetReader.open(file)) {
            assertEquals(0, r.schema().indexOf("action"));
            assertEquals(-1, r.schema().indexOf("observation.state"));
            assertEquals("schema: no column 'observation.state' (columns: action)",
                    assertThrows(ParquetException.class, () -> r.schema().column("observation.state")).getMessage());
            assertEquals(file + ": no column observation.state (columns: action)",
                    assertThrows(ParquetException.class, () -> r.read("observation.state")).getMessage());
        }
    }
}
