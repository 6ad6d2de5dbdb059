package dev.mantis.robot.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A commit of several files: each is first written in full to a hidden temporary beside its
 * target and flushed to disk, then {@link #publish()} renames them into place one right after the
 * other, in staging order. The dataset is consistent before the first rename and after the last;
 * between them lie only a few rename system calls, not the writing of any file.
 */
public final class StagedFiles implements AutoCloseable {

    /** Writes a file's contents. */
    public interface Contents {
        /** Writes to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    private final List<Path[]> staged = new ArrayList<>();

    /** Writes {@code contents} to a temporary beside {@code target}, flushed. */
    void stage(Path target, Contents contents) throws IOException {
        target = target.toAbsolutePath(); // a bare file name has no parent to create
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".stage");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(channel);
            contents.writeTo(out);
            out.flush();
            channel.force(true);
        }
        staged.add(new Path[] {tmp, target});
    }

    /** Renames every staged file onto its target, in order, then makes the renames durable. */
    void publish() throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path[] p : staged) {
            Files.move(p[0], p[1], StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            dirs.add(p[1].toAbsolutePath().getParent());
        }
        staged.clear();
        for (Path dir : dirs) {
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException | UnsupportedOperationException e) {
                // not every platform syncs a directory; the files themselves are on disk
            }
        }
    }

    /** Deletes whatever was staged and not published. */
    @Override
    public void close() throws IOException {
        for (Path[] p : staged) {
            Files.deleteIfExists(p[0]);
        }
        staged.clear();
    }
}
