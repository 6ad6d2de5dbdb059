package dev.mantis.spark;

import dev.mantis.robot.dataset.DatasetFeature;
import dev.mantis.robot.dataset.EncodedEpisode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The file one shard attempt stages its recorded episodes in, before the driver commits them: per
 * episode its run position, task string, initial state and frames, already encoded on the executor
 * ({@link EncodedEpisode}: Parquet column chunks and statistics), so that the driver only appends
 * them. Written to {@code episodes.bin.part} and renamed to
 * {@code episodes.bin} only when the attempt finished, so a failed attempt never leaves a file the
 * driver would take for a whole one.
 */
public final class StagedEpisodes {

    /** The name of a finished attempt's file in its attempt directory. */
    public static final String FILE = "episodes.bin";
    private static final int MAGIC = 0x4d414e53; // "MANS"

    /**
     * One staged episode.
     *
     * @param job its run position
     * @param instruction the task string it is recorded under
     * @param initialState the scene state after its reset
     * @param frames its frames, encoded
     */
    public record Episode(int job, String instruction, double[] initialState, EncodedEpisode frames) {
    }

    private StagedEpisodes() {
    }

    /** Writes an attempt's episodes; {@link #finish()} publishes the file. */
    public static final class Writer implements Closeable {
        private final Path part;
        private final Path done;
        private final FileOutputStream file;
        private final DataOutputStream out;

        /** Starts the file of the attempt directory {@code dir} (created). */
        public Writer(Path dir) throws IOException {
            Files.createDirectories(dir);
            this.done = dir.resolve(FILE);
            this.part = dir.resolve(FILE + ".part");
            this.file = new FileOutputStream(part.toFile());
            this.out = new DataOutputStream(new BufferedOutputStream(file, 1 << 16));
            out.writeInt(MAGIC);
        }

        /** Appends one episode. */
        public void write(Episode e) throws IOException {
            out.writeBoolean(true);
            out.writeInt(e.job());
            out.writeUTF(e.instruction());
            writeDoubles(e.initialState());
            e.frames().writeTo(out);
        }

        private void writeDoubles(double[] v) throws IOException {
            out.writeInt(v.length);
            for (double x : v) {
                out.writeDouble(x);
            }
        }

        /** Ends the file, flushes it to disk and renames it to {@link #FILE}; returns that path. */
        public Path finish() throws IOException {
            out.writeBoolean(false);
            out.flush();
            file.getFD().sync();
            out.close();
            Files.move(part, done, StandardCopyOption.ATOMIC_MOVE);
            return done;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads the episodes of a finished attempt's file, in the order they were staged. */
    public static final class Reader implements Closeable {
        private final Path file;
        private final DataInputStream in;
        private final List<DatasetFeature> features;

        /** Opens {@code file}, whose episodes hold the frame features {@code features} (the dataset's). */
        public Reader(Path file, List<DatasetFeature> features) throws IOException {
            this.file = file;
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + ": an executor staged episodes here but the driver cannot see the "
                        + "file; give --spark-staging a directory that the driver and every executor share");
            }
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            this.features = List.copyOf(features);
            if (in.readInt() != MAGIC) {
                throw new IOException(file + ": not a Mantis staged-episodes file");
            }
        }

        /** The next episode, or null after the last. */
        public Episode next() throws IOException {
            try {
                if (!in.readBoolean()) {
                    return null;
                }
                int job = in.readInt();
                String instruction = in.readUTF();
                double[] initialState = readDoubles();
                EncodedEpisode frames;
                try {
                    frames = EncodedEpisode.readFrom(in, features);
                } catch (EOFException e) {
                    throw e;
                } catch (IOException e) {
                    throw new IOException(file + ": episode at run position " + job + ": " + e.getMessage(), e);
                }
                return new Episode(job, instruction, initialState, frames);
            } catch (EOFException e) {
                throw new IOException(file + ": ends in the middle of an episode (a partial staging file)", e);
            }
        }

        private double[] readDoubles() throws IOException {
            double[] v = new double[in.readInt()];
            for (int i = 0; i < v.length; i++) {
                v[i] = in.readDouble();
            }
            return v;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
