package dev.mantis.launch.dataset;

import dev.mantis.launch.InputException;
import dev.mantis.sim.record.HindsightRelabel;
import dev.mantis.sim.task.TaskSpec;
import dev.mantis.sim.task.TaskSpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mantis dataset relabel --hindsight}: episodes become demonstrations of the goals they reached. */
@Command(name = "relabel", mixinStandardHelpOptions = true,
        description = "Write a new dataset in which each episode demonstrates the goal it actually reached "
                + "(hindsight relabelling): observation.goal.state becomes the goal object's final position, the "
                + "last frame the successful end. Episodes whose goal object moved less than --min-move are left out.",
        footer = {"", "Example:", "  mantis dataset relabel data/auto --hindsight --out data/auto-her"})
public final class DatasetRelabelCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The dataset (recorded by mantis collect).")
    Path in;

    @Option(names = "--hindsight", required = true, description = "Relabel each episode with the goal it reached.")
    boolean hindsight;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The new dataset (must not exist).")
    Path out;

    @Option(names = "--min-move", paramLabel = "M", description = "Metres the goal object must have moved "
            + "(default: the task's minimum goal distance).")
    Double minMove;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path tasks = in.resolve("meta/mantis/tasks");
        if (!Files.isDirectory(tasks)) {
            throw new InputException(in + ": has no meta/mantis/tasks/; relabel datasets recorded by mantis collect");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(tasks)) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        if (files.size() != 1) {
            throw new InputException(in + ": holds " + files.size() + " tasks; hindsight relabelling takes a "
                    + "dataset of one task");
        }
        if (Files.exists(out)) {
            throw new InputException("--out " + out + ": already exists; give a new directory");
        }
        TaskSpec task = TaskSpecReader.read(Files.readString(files.get(0)), files.get(0).toString());
        HindsightRelabel.Summary s;
        try {
            s = HindsightRelabel.relabel(in, out, task, minMove != null ? minMove : HindsightRelabel.defaultMinMove(task));
        } catch (IllegalArgumentException e) {
            throw new InputException(in + ": " + e.getMessage());
        }
        // the task it was recorded for goes along (training reads its controller from there)
        Path copy = out.resolve("meta/mantis/tasks").resolve(files.get(0).getFileName());
        dev.mantis.robot.dataset.AtomicFiles.write(copy, Files.readAllBytes(files.get(0)));
        spec.commandLine().getOut().printf(Locale.ROOT, "relabelled %d of %d episodes (%d frames) of %s into %s%n",
                s.written(), s.read(), s.frames(), task.id(), out);
        return 0;
    }
}
