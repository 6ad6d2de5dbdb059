package dev.mantis.launch.task;

import dev.mantis.launch.InputException;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.EpisodeSafety;
import dev.mantis.sim.task.SafetySettingsReader;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options of every verb that runs episodes ({@code eval}, {@code collect}): what, with which policy, how many. */
public final class RunOptions {

    /** {@code --task ID|FILE} or {@code --suite NAME}, exactly one. */
    static final class Target {
        @Option(names = "--task", paramLabel = "ID|FILE", description = "One task: a bundled id or a YAML file.")
        String task;

        @Option(names = "--suite", paramLabel = "NAME", description = "A bundled suite, e.g. core.")
        String suite;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--policy", defaultValue = "oracle", paramLabel = "oracle|random|FILE.onnx",
            description = "Policy: the task's scripted oracle (default), random actions, or an ONNX model with a "
                    + "mantis.policy spec.")
    String policy;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|cuda|auto",
            description = "Where ONNX models run (default: ${DEFAULT-VALUE}); auto falls back to the CPU with a "
                    + "warning.")
    String device;

    @Option(names = "--episodes", defaultValue = "20", description = "Episodes per task (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", defaultValue = "0", description = "Run seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--workers", description = "Worker threads, one simulator each (default: all cores).")
    Integer workers;

    @Option(names = "--safety", defaultValue = "default", paramLabel = "FILE|default|off",
            description = "The safety layer between policy and robot: limits from the robot's URDF with the default "
                    + "margins (default), a safety YAML file's settings, or off. Its clamps and stops are counted in "
                    + "the summary and recorded in datasets.")
    String safety;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Run on Apache Spark instead of local threads: "
            + "local[K] (embedded, K executor threads), spark://HOST:PORT (a standalone cluster), yarn or k8s://URL; "
            + "results are the same as without it.")
    String spark;

    /** The task ids or files named, in order. */
    public List<String> taskIds() {
        return target.task != null ? List.of(target.task) : TaskSource.suiteIds(target.suite);
    }

    /** --policy. */
    public String policy() {
        return policy;
    }

    /** --device. */
    public String device() {
        return device;
    }

    /**
     * --episodes, checked.
     *
     * @throws InputException outside 1..{@code max}
     */
    public int episodes(int max) {
        if (episodes < 1 || episodes > max) {
            throw new InputException("--episodes " + episodes + ": give 1 to " + max);
        }
        return episodes;
    }

    /**
     * --safety for {@code tasks}, checked against each task's robot (a file's {@code robot:}, the
     * margins against its joint ranges); events print to {@code err}.
     *
     * @throws InputException for a missing or bad file or settings a robot cannot take
     */
    public EpisodeSafety safety(List<TaskSpec> tasks, PrintWriter err) {
        if (safety.equals("off")) {
            return EpisodeSafety.OFF;
        }
        String yaml = safety.equals("default") ? "" : safetyYaml();
        EpisodeSafety result = null;
        Set<String> robots = new HashSet<>();
        for (TaskSpec t : tasks) {
            if (robots.add(t.robot())) {
                // the same settings for every robot; each robot checks the file's robot: and its margins
                result = EpisodeSafety.of(SafetySettingsReader.read(yaml, safety, t.robot()), new SafetyLog(err));
                try (Scene scene = Scene.build(new Task(t).sceneSpec())) {
                    result.wrap(scene);
                } catch (IllegalArgumentException e) {
                    throw new InputException("--safety " + safety + ": " + e.getMessage());
                }
            }
        }
        return result;
    }

    /** --safety as given: a file, {@code default} or {@code off}. */
    public String safetyName() {
        return safety;
    }

    /** The text of the --safety file, empty for {@code default} and {@code off}. */
    public String safetyYamlText() {
        return safety.equals("default") || safety.equals("off") ? "" : safetyYaml();
    }

    private String safetyYaml() {
        Path file = Path.of(safety);
        if (!Files.isRegularFile(file)) {
            throw new InputException("--safety " + safety + ": no such file; give a safety YAML file, default or off");
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InputException("--safety " + safety + ": cannot read the file (" + e.getMessage() + ")");
        }
    }

    /** --seed. */
    public long seed() {
        return seed;
    }

    /** --spark, or null to run on local threads. */
    public String spark() {
        return spark;
    }

    /**
     * Worker threads: --workers, or every core.
     *
     * @throws InputException outside 1..256
     */
    public int threads() {
        int threads = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        if (threads < 1 || threads > 256) {
            throw new InputException("--workers " + threads + ": give 1 to 256");
        }
        return threads;
    }
}
