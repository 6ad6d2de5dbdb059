package dev.mantis.launch.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mantis.sim.task.Goal;
import dev.mantis.sim.task.TaskObject;
import dev.mantis.sim.task.TaskSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mantis tasks}: list and show the bundled tasks. */
@Command(name = "tasks", mixinStandardHelpOptions = true, description = "List and show manipulation tasks.",
        footer = {"", "Examples:", "  mantis tasks list", "  mantis tasks show pick_place",
            "  mantis tasks generate --count 200 --seed 1 --out generated/"},
        subcommands = {TasksCommand.List.class, TasksCommand.Show.class, TasksCommand.Generate.class})
public final class TasksCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing verb; see 'mantis tasks --help'");
    }

    /** {@code mantis tasks list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Table of the tasks of a suite.",
            footer = {"", "Example:", "  mantis tasks list --json"})
    static final class List implements Callable<Integer> {

        @Option(names = "--suite", defaultValue = TaskSource.CORE, description = "Suite (default: ${DEFAULT-VALUE}).")
        String suite;

        @Option(names = "--json", description = "Print one JSON object instead of a table.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            java.util.List<TaskSpec> tasks = TaskSource.suite(suite);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                java.util.List<Map<String, Object>> rows = new ArrayList<>();
                for (TaskSpec t : tasks) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", t.id());
                    row.put("robot", t.robot());
                    row.put("objects", t.objects().stream().map(TaskObject::name).toList());
                    row.put("horizon", t.horizon());
                    row.put("instruction", t.instruction());
                    row.put("oracle_success", dev.mantis.assets.BundledTasks.oracleSuccess(t.id()).orElse(null));
                    rows.add(row);
                }
                out.println(new ObjectMapper().writeValueAsString(Map.of("tasks", rows)));
            } else {
                out.printf(Locale.ROOT, "%-16s %-8s %-24s %8s %8s  %s%n", "id", "robot", "objects", "horizon",
                        "oracle", "instruction");
                for (TaskSpec t : tasks) {
                    out.printf(Locale.ROOT, "%-16s %-8s %-24s %8d %8s  %s%n", t.id(), t.robot(),
                            String.join(",", t.objects().stream().map(TaskObject::name).toList()), t.horizon(),
                            dev.mantis.assets.BundledTasks.oracleSuccess(t.id()).orElse("-"), t.instruction());
                }
                out.println("oracle: successes of the scripted oracle over measured episodes (100 seeds), '-' if not "
                        + "measured");
            }
            out.flush();
            return 0;
        }
    }

    /** {@code mantis tasks show}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one task: objects, goal, horizon.",
            footer = {"", "Example:", "  mantis tasks show reach"})
    static final class Show implements Callable<Integer> {

        @Parameters(paramLabel = "ID|FILE", description = "A bundled task id or a task YAML file.")
        String task;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            TaskSpec t = TaskSource.task(task);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "task %s  (%s)%n  instruction: %s%n  robot: %s, controller: %s, horizon: %d steps "
                    + "at 20 Hz%n", t.id(), t.source(), t.instruction(), t.robot(), t.controller(), t.horizon());
            for (TaskObject o : t.objects()) {
                out.printf(Locale.ROOT, "  object %s: %s, %.3f kg, x %s, y %s, yaw %s%n", o.name(), o.shape(), o.mass(),
                        range(o.x()), range(o.y()), range(o.yaw()));
            }
            if (t.goal() instanceof Goal.Reach r) {
                out.printf(Locale.ROOT, "  goal: reach a point in x %s, y %s, z %s within %.3f m%n", range(r.x()),
                        range(r.y()), range(r.z()), r.tolerance());
            } else if (t.goal() instanceof Goal.Place p) {
                out.printf(Locale.ROOT, "  goal: place %s at a point in x %s, y %s within %.3f m, at least %.2f m from "
                        + "its start%n", p.object(), range(p.x()), range(p.y()), p.tolerance(), p.minDistance());
            } else {
                out.println("  goal: " + describe(t.goal()));
            }
            for (var f : t.fixtures()) {
                out.printf(Locale.ROOT, "  fixture %s: %d parts, x %s, y %s, yaw %s%n", f.name(), f.parts().size(),
                        range(f.x()), range(f.y()), range(f.yaw()));
            }
            for (var a : t.articulated()) {
                out.printf(Locale.ROOT, "  articulated %s: %s (%d movable joints), x %s, y %s, yaw %s%n", a.name(),
                        a.urdf(), a.model().joints().stream().filter(j -> j.type()
                        != dev.mantis.robot.model.JointType.FIXED).count(), range(a.x()), range(a.y()), range(a.yaw()));
            }
            out.flush();
            return 0;
        }

        /** One line for the goal kinds without a line of their own above. */
        private static String describe(Goal g) {
            if (g instanceof Goal.Push p) {
                return String.format(Locale.ROOT, "push %s along the table to a point in x %s, y %s within %.3f m, at "
                        + "least %.2f m from its start", p.object(), range(p.x()), range(p.y()), p.tolerance(),
                        p.minDistance());
            }
            if (g instanceof Goal.Lift l) {
                return String.format(Locale.ROOT, "lift %s at least %.3f m above where it rested", l.object(),
                        l.height());
            }
            if (g instanceof Goal.LiftOne l) {
                return String.format(Locale.ROOT, "lift one of %s (drawn per episode, set in x %s, y %s) at least "
                        + "%.3f m above where it rested", l.objects(), range(l.x()), range(l.y()), l.height());
            }
            if (g instanceof Goal.Stack st) {
                return String.format(Locale.ROOT, "put %s on %s, centred within %.3f m, released", st.object(),
                        st.onto(), st.tolerance());
            }
            if (g instanceof Goal.Arrange a) {
                return String.format(Locale.ROOT, "arrange %s around an anchor in x %s, y %s, each within %.3f m",
                        a.targets().stream().map(Goal.Arrange.Target::object).toList(), range(a.x()), range(a.y()),
                        a.tolerance());
            }
            if (g instanceof Goal.Into in) {
                return String.format(Locale.ROOT, "put %s into %s (one drawn per episode when several), within %s m%s",
                        in.objects(), in.fixture(), java.util.Arrays.toString(in.tolerance()),
                        Double.isFinite(in.yawTolerance()) ? String.format(Locale.ROOT, ", yaw within %.3f rad",
                        in.yawTolerance()) : "");
            }
            if (g instanceof Goal.Hanoi h) {
                return String.format(Locale.ROOT, "move the tower %s on %s to the last position by the rules, each "
                        + "disk within %.3f m", h.disks(), h.fixture(), h.tolerance());
            }
            Goal.Articulate a = (Goal.Articulate) g;
            return String.format(Locale.ROOT, "drive joint %s of %s from %s into %s", a.joint(), a.object(),
                    range(a.start()), range(a.target()));
        }

        private static String range(double[] r) {
            return String.format(Locale.ROOT, "[%.3f, %.3f]", r[0], r[1]);
        }
    }

    /** {@code mantis tasks generate}. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Compose new tasks from templates and keep those that validate, reset without "
                    + "interpenetration, are solved by the oracle in 3 of 4 episodes and are not duplicates.",
            footer = {"", "Example:", "  mantis tasks generate --count 50 --seed 7 --out generated/",
                "  mantis eval --task generated/gen_0003_stack.yaml --episodes 20",
                "  mantis tasks generate --count 5000 --seed 7 --out generated/ --spark spark://head:7077"})
    static final class Generate implements Callable<Integer> {

        @Option(names = "--count", defaultValue = "20", description = "Candidates to compose (default: ${DEFAULT-VALUE}).")
        int count;

        @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where accepted tasks are written.")
        java.nio.file.Path out;

        @Option(names = "--workers", description = "Worker threads (default: all cores).")
        Integer workers;

        @Option(names = "--spark", paramLabel = "MASTER", description = "Check the candidates on Apache Spark: "
                + "local[K], spark://HOST:PORT, yarn or k8s://URL; the same tasks are accepted as without it.")
        String spark;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (count < 1 || count > 100_000) {
                throw new dev.mantis.launch.InputException("--count " + count + ": give 1 to 100000");
            }
            try {
                java.nio.file.Files.createDirectories(out);
            } catch (java.io.IOException e) {
                throw new dev.mantis.launch.InputException("--out " + out + ": cannot create the directory ("
                        + e.getMessage() + ")");
            }
            int threads = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
            ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), true, "candidates");
            java.util.List<dev.mantis.sim.task.TaskGenerator.Candidate> candidates;
            if (spark != null) {
                try (SparkRun run = SparkRun.start(spark)) {
                    candidates = run.generate(count, seed, TaskSource.suite(TaskSource.CORE), bar);
                }
            } else {
                candidates = dev.mantis.sim.task.TaskGenerator.generate(count, seed, threads,
                        TaskSource.suite(TaskSource.CORE), bar::update);
            }
            bar.finish();
            Map<String, Integer> rejected = new java.util.TreeMap<>();
            int accepted = 0;
            for (var c : candidates) {
                if (c.accepted()) {
                    java.nio.file.Files.writeString(out.resolve(c.id() + ".yaml"), c.yaml());
                    accepted++;
                } else {
                    rejected.merge(c.rejection(), 1, Integer::sum);
                }
            }
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "%d candidates: %d accepted (written to %s), %d rejected%n", count, accepted, out,
                    count - accepted);
            rejected.forEach((why, n) -> w.printf(Locale.ROOT, "  rejected %4d: %s%n", n, why));
            w.flush();
            return 0;
        }
    }
}
