package dev.mantis.launch.policy;

import dev.mantis.launch.InputException;
import dev.mantis.robot.dataset.DatasetReader;
import dev.mantis.robot.dataset.NpzExport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mantis train bc|success}: train a goal-conditioned behaviour-cloning policy, or a success
 * classifier, from datasets and export it to ONNX.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a policy (bc) or a success classifier (success) from Mantis datasets with the PyTorch "
                + "scripts in policies/train/ and export it as an ONNX model with its mantis.policy spec.",
        footer = {"", "Examples:", "  mantis train bc --data data/reach --out reach_bc.onnx --epochs 200",
            "  mantis train bc --data data/push-demos --data data/push-auto-her --out push_v2.onnx",
            "  mantis train success --data data/push-auto --data data/push-demos --out push_success.onnx",
            "  mantis train success --data data/reach-ok --data data/reach-fail --out reach_stop.onnx --early-stop"})
public final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "bc|success", description = "The method: bc (goal-conditioned behaviour "
            + "cloning, policies/train/train_bc.py) or success (a success classifier for mantis collect --autonomous "
            + "--success, policies/train/train_success.py; needs successful and failed episodes).")
    String method;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The dataset to learn from; repeat "
            + "it to mix datasets of one task (e.g. demonstrations and relabelled autonomous episodes).")
    List<Path> data;

    @Option(names = "--out", required = true, paramLabel = "FILE.onnx", description = "The model to write.")
    Path out;

    @Option(names = "--epochs", description = "Training epochs (the script's default if absent).")
    Integer epochs;

    @Option(names = "--seed", defaultValue = "0", description = "Training seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--observation", paramLabel = "FEATURES", description = "Comma-separated observation features "
            + "the model sees (the script's default if absent: observation.state,observation.environment_state for bc, "
            + "and observation.ee_pose too for success).")
    String observation;

    @Option(names = "--early-stop", description = "With success: a classifier that ends autonomous episodes at their "
            + "first confident frame, instead of labelling them at their horizon (train_success.py --early-stop).")
    boolean earlyStop;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** policies/train/NAME of the checkout: under -Dmantis.home (set by ./mantis), else above the working directory. */
    private static Path script(String name) {
        String home = System.getProperty("mantis.home");
        Path dir = Path.of(home != null ? home : System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = home != null ? null : d.getParent()) {
            Path script = d.resolve("policies/train/" + name);
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new InputException("policies/train/" + name + " not found under " + dir
                + "; run mantis from its source checkout (./mantis sets -Dmantis.home)");
    }

    /** The controller the dataset's actions are for: that of the tasks it was collected from (meta/mantis/tasks/). */
    private static String controller(Path data) throws java.io.IOException {
        Path dir = data.resolve("meta/mantis/tasks");
        java.util.Set<String> controllers = new java.util.TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    controllers.add(dev.mantis.sim.task.TaskSpecReader.read(Files.readString(f), f.toString())
                            .controller());
                }
            }
        }
        if (controllers.size() != 1) {
            throw new InputException(data + ": cannot tell which controller recorded the actions (tasks in "
                    + dir + " name " + controllers + "); train with policies/train/train_bc.py --controller NAME");
        }
        return controllers.iterator().next();
    }

    @Override
    public Integer call() throws Exception {
        if (!method.equals("bc") && !method.equals("success")) {
            throw new InputException("train " + method + ": unknown method; available: bc, success");
        }
        boolean bc = method.equals("bc");
        if (bc && earlyStop) {
            throw new InputException("--early-stop is for train success (a success classifier), not bc");
        }
        if (!out.toString().endsWith(".onnx")) {
            throw new InputException("--out " + out + ": the model file must end in .onnx");
        }
        Path script = script(bc ? "train_bc.py" : "train_success.py");
        java.util.Set<String> controllers = new java.util.TreeSet<>();
        for (Path d : data) {
            controllers.add(controller(d));
        }
        if (controllers.size() != 1) { // a classifier reads no actions, but mixes datasets of one task and robot too
            throw new InputException("--data " + data + ": the datasets' actions are for different controllers "
                    + controllers + "; mix datasets of one task and robot");
        }
        List<Path> npzs = new ArrayList<>();
        int episodes = 0;
        try {
            for (Path d : data) {
                DatasetReader reader = DatasetReader.open(d);
                episodes += reader.episodes().size();
                Path npz = Files.createTempFile("mantis-train-", ".npz");
                npzs.add(npz);
                NpzExport.write(reader, npz);
            }
            List<String> cmd = new ArrayList<>(List.of(Python.executable(), script.toString(), "--data",
                    String.join(",", npzs.stream().map(Path::toString).toList()), "--out", out.toString(), "--seed",
                    Long.toString(seed)));
            if (bc) {
                cmd.addAll(List.of("--controller", controllers.iterator().next()));
            }
            if (earlyStop) {
                cmd.add("--early-stop");
            }
            if (epochs != null) {
                cmd.addAll(List.of("--epochs", Integer.toString(epochs)));
            }
            if (observation != null) {
                cmd.addAll(List.of("--observation", observation));
            }
            PrintWriter err = spec.commandLine().getErr();
            Process p;
            try {
                p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            } catch (java.io.IOException e) {
                throw new InputException("python3 is not installed; run scripts/install-deps.sh");
            }
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    err.println(line);
                    err.flush();
                }
            }
            int code = p.waitFor();
            if (code != 0) {
                throw new InputException(script + " failed (exit " + code + "); its output is above");
            }
        } finally {
            for (Path npz : npzs) {
                Files.deleteIfExists(npz);
            }
        }
        spec.commandLine().getOut().println(out + ": trained on " + episodes + " episodes");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
