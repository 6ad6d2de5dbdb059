package dev.mantis.launch.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mantis.launch.InputException;
import dev.mantis.launch.robot.RobotSource;
import dev.mantis.sim.bench.BenchmarkScene;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.scene.StepStatus;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mantis sim bench}: physics steps per second of the standard benchmark scene, one thread. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Step the benchmark scene (the 7-DoF arm holding a pose above a table with N free boxes, "
                + "240 Hz) on one thread and print physics steps per second.",
        footer = {"", "Examples:", "  mantis sim bench", "  mantis sim bench --objects 200 --seconds 20 --json"})
public final class SimBenchCommand implements Callable<Integer> {

    @Option(names = "--robot", defaultValue = "panda", description = "Bundled 7-DoF arm id (default: ${DEFAULT-VALUE}).")
    String robot;

    @Option(names = "--objects", defaultValue = "10", description = "Free boxes, 0-200 (default: ${DEFAULT-VALUE}).")
    int objects;

    @Option(names = "--seconds", defaultValue = "10",
            description = "Simulated seconds to step (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Physics steps run before timing starts. */
    static final int WARMUP_STEPS = 5000;

    @Override
    public Integer call() throws Exception {
        if (objects < 0 || objects > 200) {
            throw new InputException("--objects " + objects + ": give 0 to 200 boxes");
        }
        if (!(seconds > 0) || seconds > 3600) {
            throw new InputException("--seconds " + seconds + ": give a duration in (0, 3600] simulated seconds");
        }
        if (!robot.equals("panda")) {
            throw new InputException("--robot " + robot + ": the benchmark scene is defined for the 7-DoF arm 'panda'");
        }
        var model = RobotSource.load(robot, List.of(), null);
        try (Scene scene = Scene.build(BenchmarkScene.spec(model, objects))) {
            scene.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
            double hz = scene.spec().physics().physicsHz();
            long steps = Math.round(seconds * hz);
            // warm-up, not timed: long enough for the JIT to compile the control and stepping code
            for (int i = 0; i < WARMUP_STEPS; i++) {
                scene.stepPhysics();
            }
            scene.reset(0);
            long start = System.nanoTime();
            StepStatus status = StepStatus.OK;
            for (long i = 0; i < steps && status == StepStatus.OK; i++) {
                status = scene.stepPhysics();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (status != StepStatus.OK) {
                throw new IllegalStateException("the benchmark scene diverged: " + scene.divergence());
            }
            double rate = steps / elapsed;
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("robot", robot);
                o.put("objects", objects);
                o.put("physics_hz", hz);
                o.put("steps", steps);
                o.put("seconds", elapsed);
                o.put("steps_per_s", rate);
                out.println(new ObjectMapper().writeValueAsString(o));
            } else {
                out.printf(Locale.ROOT, "%s + %d boxes, %.0f Hz: %d steps in %.2f s wall = %.0f steps/s (%.1fx real time)%n",
                        robot, objects, hz, steps, elapsed, rate, rate / hz);
            }
            out.flush();
        }
        return 0;
    }
}
