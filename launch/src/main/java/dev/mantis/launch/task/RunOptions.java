package dev.mantis.launch.task;

import dev.mantis.launch.InputException;
import java.util.List;
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
