package dev.mantis.launch.dataset;

import dev.mantis.launch.InputException;
import dev.mantis.robot.dataset.DatasetReader;
import dev.mantis.robot.dataset.NpzExport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mantis dataset export}: write a dataset's frames in a format Python training code reads without Parquet. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a dataset's numeric frames as a NumPy .npz archive: one float32 [frames, size] array per "
                + "feature, int64 episode_index/frame_index/index/task_index, and _info_json.",
        footer = {"", "Example:", "  mantis dataset export data/reach --format npz --out data/reach.npz"})
public final class DatasetExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The dataset directory.")
    Path dir;

    @Option(names = "--format", defaultValue = "npz", description = "Output format: npz (default).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The archive to write.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("npz")) {
            throw new InputException("--format " + format + ": unknown format; available: npz");
        }
        DatasetReader reader = DatasetReader.open(dir);
        NpzExport.write(reader, out);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("%s: %d episodes, %d frames, %d features%n", out, reader.episodes().size(),
                reader.episodes().stream().mapToLong(e -> e.length()).sum(), reader.numericFeatures().size());
        stdout.flush();
        return 0;
    }
}
