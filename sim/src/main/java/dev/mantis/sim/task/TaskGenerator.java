package dev.mantis.sim.task;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.model.Material;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.scene.StepStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Composes new task specs from templates (goal relation x object set x count x distractors x
 * placement ranges) and keeps those that pass acceptance: the spec validates (written as YAML and
 * read back), 10 seeded resets place everything without interpenetration, the oracle succeeds in
 * at least 3 of 4 seeded episodes, and its canonical form is new.
 */
public final class TaskGenerator {

    /** What became of one candidate: accepted (rejection empty) with its YAML, or why not. */
    public record Candidate(int index, String id, String yaml, String rejection) {
        /** Whether it was accepted. */
        public boolean accepted() {
            return rejection.isEmpty();
        }
    }

    private static final String[] COLOURS = {"red", "green", "blue", "yellow", "purple", "orange"};
    private static final String[] KINDS = {"place", "push", "lift", "stack", "tower", "row", "sort"};

    private TaskGenerator() {
    }

    /**
     * A drawn candidate as the acceptance checks take it: plain text, so it can be checked in
     * another JVM.
     *
     * @param index its position among the candidates
     * @param id its task id
     * @param yaml its spec
     * @param source the file name its spec is reported under
     */
    public record Draft(int index, String id, String yaml, String source) {
    }

    /** Runs the acceptance checks ({@link #check}) of many drafts: on local threads, or elsewhere. */
    public interface Checks {
        /** The verdicts, in the drafts' order; {@code progress} is told as drafts are checked. */
        List<Candidate> check(List<Draft> drafts, Evaluation.Progress progress);
    }

    /**
     * Generates {@code count} candidates from {@code seed} on {@code workers} threads; duplicates
     * of {@code existing} canonical forms (or of an earlier candidate) are rejected.
     */
    public static List<Candidate> generate(int count, long seed, int workers, Collection<TaskSpec> existing,
            Evaluation.Progress progress) {
        return generate(count, seed, existing, onThreads(workers), progress);
    }

    /**
     * Generates {@code count} candidates from {@code seed}, checked by {@code checks}; duplicates
     * of {@code existing} canonical forms (or of an earlier candidate) are rejected, in index
     * order, so the outcome does not depend on how the checks ran.
     */
    public static List<Candidate> generate(int count, long seed, Collection<TaskSpec> existing, Checks checks,
            Evaluation.Progress progress) {
        List<Proposal> proposals = new ArrayList<>();
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Proposal p = propose(i, new SplittableRandom(EpisodeSeeds.of(seed, "generate", i)));
            proposals.add(p);
            drafts.add(new Draft(i, p.spec.id(), p.yaml, p.spec.source()));
        }
        List<Candidate> results = checks.check(drafts, progress);
        Set<String> seen = new HashSet<>();
        existing.forEach(t -> seen.add(canonical(t)));
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Candidate c = results.get(i);
            if (c.accepted() && !seen.add(canonical(proposals.get(i).spec))) {
                c = new Candidate(c.index(), c.id(), c.yaml(), "duplicate of an existing task");
            }
            out.add(c);
        }
        return out;
    }

    /** The checks on {@code workers} threads of this JVM. */
    public static Checks onThreads(int workers) {
        return (drafts, progress) -> {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
                Thread t = new Thread(r, "mantis-generate");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Candidate>> futures = new ArrayList<>();
                for (Draft d : drafts) {
                    futures.add(pool.submit(() -> check(d)));
                }
                List<Candidate> results = new ArrayList<>();
                int accepted = 0;
                for (Future<Candidate> f : futures) {
                    Candidate c = f.get();
                    results.add(c);
                    accepted += c.accepted() ? 1 : 0;
                    progress.update(results.size(), accepted, drafts.size());
                }
                return results;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("generation interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        };
    }

    /** One drawn task spec and its YAML. */
    private record Proposal(int index, TaskSpec spec, String yaml) {
    }

    private static Proposal propose(int index, SplittableRandom rng) {
        String kind = KINDS[rng.nextInt(KINDS.length)];
        int main = switch (kind) {
            case "stack", "row" -> 2;
            case "tower" -> 3;
            case "sort" -> 4;
            default -> 1;
        };
        int distractors = kind.equals("sort") || kind.equals("row") || kind.equals("tower") ? 0 : rng.nextInt(3);
        List<String> colours = new ArrayList<>(List.of(COLOURS));
        java.util.Collections.shuffle(colours, new java.util.Random(rng.nextLong()));
        double xHalf = 0.06 + 0.02 * rng.nextInt(3);
        double yHalf = 0.12 + 0.04 * rng.nextInt(3);
        List<TaskObject> objects = new ArrayList<>();
        Map<String, String> colourOf = new LinkedHashMap<>();
        for (int k = 0; k < main + distractors; k++) {
            String name = k < main ? "block" + (k + 1) : "distractor" + (k - main + 1);
            String colour = kind.equals("sort") ? (k < 2 ? colours.get(0) : colours.get(1)) : colours.get(k);
            double edge = kind.equals("tower") || kind.equals("row") || kind.equals("sort") ? 0.04
                    : 0.035 + 0.005 * rng.nextInt(4);
            // arrangements need room around their targets: their blocks start anywhere on the table
            boolean arrange = kind.equals("tower") || kind.equals("row");
            double[] xs = arrange ? new double[] {-0.12, 0.12} : new double[] {-xHalf, xHalf};
            double[] ys = kind.equals("sort") ? new double[] {-0.1, 0.1}
                    : arrange ? new double[] {-0.22, 0.22} : new double[] {-yHalf, yHalf};
            objects.add(new TaskObject(name, new Geometry.Box(new Vec3(edge, edge, edge)), 0.05 + 0.05 * rng.nextInt(3),
                    0.8, colourRgba(colour), xs, ys, new double[] {-0.7, 0.7}));
            colourOf.put(name, colour);
        }
        String first = colourOf.get("block1");
        Goal goal;
        String instruction;
        int horizon;
        switch (kind) {
            case "place" -> {
                goal = new Goal.Place("block1", new double[] {-0.08, 0.08}, new double[] {-0.18, 0.18}, 0.02, 0.1);
                instruction = "put the " + first + " block on the target";
                horizon = 200;
            }
            case "push" -> {
                goal = new Goal.Push("block1", new double[] {-0.08, 0.08}, new double[] {-0.15, 0.15}, 0.03, 0.1);
                instruction = "push the " + first + " block to the target";
                horizon = 250;
            }
            case "lift" -> {
                double h = 0.1 + 0.05 * rng.nextInt(3);
                goal = new Goal.Lift("block1", h);
                instruction = "lift the " + first + " block";
                horizon = 100;
            }
            case "stack" -> {
                goal = new Goal.Stack("block1", "block2", 0.015);
                instruction = "put the " + first + " block on the " + colourOf.get("block2") + " block";
                horizon = 200;
            }
            case "tower" -> {
                goal = new Goal.Arrange(new double[] {-0.06, 0.06}, new double[] {-0.12, 0.12}, 0.015, List.of(
                        new Goal.Arrange.Target("block1", 0, 0, 0), new Goal.Arrange.Target("block2", 0, 0, 0.04),
                        new Goal.Arrange.Target("block3", 0, 0, 0.08)));
                instruction = "stack the " + first + ", " + colourOf.get("block2") + " and " + colourOf.get("block3")
                        + " blocks into a tower";
                horizon = 600;
            }
            case "row" -> {
                goal = new Goal.Arrange(new double[] {-0.06, 0.06}, new double[] {-0.1, 0.1}, 0.015, List.of(
                        new Goal.Arrange.Target("block1", 0, -0.04, 0), new Goal.Arrange.Target("block2", 0, 0.04, 0)));
                instruction = "put the " + first + " and " + colourOf.get("block2") + " blocks side by side";
                horizon = 400;
            }
            default -> {
                goal = new Goal.Arrange(new double[] {-0.05, 0.05}, new double[] {-0.01, 0.01}, 0.02, List.of(
                        new Goal.Arrange.Target("block1", -0.04, 0.19, 0), new Goal.Arrange.Target("block2", 0.04, 0.19, 0),
                        new Goal.Arrange.Target("block3", -0.04, -0.19, 0),
                        new Goal.Arrange.Target("block4", 0.04, -0.19, 0)));
                instruction = "put the " + first + " blocks on the left and the " + colourOf.get("block3")
                        + " blocks on the right";
                horizon = 700;
            }
        }
        String id = String.format(java.util.Locale.ROOT, "gen_%04d_%s", index, kind);
        TaskSpec spec = new TaskSpec(id, id + ".yaml", instruction, "panda", "pd_ee_delta_pose", horizon, objects, goal);
        return new Proposal(index, spec, TaskSpecWriter.write(spec, colourOf));
    }

    private static Material.Rgba colourRgba(String name) {
        return TaskSpecReader.colour(name);
    }

    /** The acceptance checks of one draft; returns the candidate with its verdict. */
    public static Candidate check(Draft p) {
        TaskSpec spec;
        try {
            spec = TaskSpecReader.read(p.yaml, p.source);
        } catch (TaskSpecException e) {
            return new Candidate(p.index, p.id, p.yaml, "invalid spec");
        }
        Task task = new Task(spec);
        try (Scene scene = Scene.build(task.sceneSpec())) {
            for (int k = 0; k < 10; k++) {
                long seed = EpisodeSeeds.of(k, spec.id(), 0);
                scene.reset(seed);
                try {
                    task.reset(scene, new SplittableRandom(seed));
                } catch (PlacementException e) {
                    return new Candidate(p.index, spec.id(), p.yaml, "cannot place the objects");
                }
                Map<String, Vec3> before = new TreeMap<>();
                spec.objects().forEach(o -> before.put(o.name(), scene.objectPose(o.name()).translation()));
                if (scene.stepPhysics() != StepStatus.OK) {
                    return new Candidate(p.index, spec.id(), p.yaml, "diverged at reset");
                }
                for (TaskObject o : spec.objects()) {
                    Vec3 a = before.get(o.name());
                    Vec3 b = scene.objectPose(o.name()).translation();
                    if (Math.abs(a.x() - b.x()) + Math.abs(a.y() - b.y()) + Math.abs(a.z() - b.z()) > 1e-3) {
                        return new Candidate(p.index, spec.id(), p.yaml, "interpenetration at reset");
                    }
                }
            }
            int successes = 0;
            for (int k = 0; k < 4; k++) {
                EpisodeResult r = EpisodeRunner.run(task, scene, k, EpisodeSeeds.of(100 + k, spec.id(), k), task::oracle);
                if (r.failure().equals("unplaceable")) {
                    return new Candidate(p.index, spec.id(), p.yaml, "cannot place the objects");
                }
                successes += r.success() ? 1 : 0;
            }
            if (successes < 3) {
                return new Candidate(p.index, spec.id(), p.yaml, "oracle solved fewer than 3 of 4 episodes");
            }
        }
        return new Candidate(p.index, spec.id(), p.yaml, "");
    }

    /**
     * The canonical form of a task: its goal relation, objects (shape, size, mass, colour) in
     * their roles, and ranges, rounded; equal forms are the same task under another name.
     */
    static String canonical(TaskSpec t) {
        StringBuilder b = new StringBuilder(t.goal().getClass().getSimpleName());
        List<String> objects = new ArrayList<>();
        for (TaskObject o : t.objects()) {
            objects.add(o.shape() + "/" + TaskSpecWriter.num(o.mass()) + "/" + o.color() + "/"
                    + TaskSpecWriter.num(o.x()[0]) + ":" + TaskSpecWriter.num(o.x()[1]) + "/"
                    + TaskSpecWriter.num(o.y()[0]) + ":" + TaskSpecWriter.num(o.y()[1]));
        }
        java.util.Collections.sort(objects);
        b.append(objects);
        b.append(TaskSpecWriter.write(new TaskSpec("x", "x", "x", t.robot(), t.controller(), t.horizon(), List.of(),
                t.goal()), Map.of()).replaceAll("(?m)^(id|instruction|# ).*$", ""));
        return b.toString();
    }
}
