package dev.mantis.sim.task;

import dev.mantis.robot.safety.SafeRobot;
import dev.mantis.sim.scene.Scene;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs K episodes of each task with the oracle on W worker threads, each with its own simulator
 * per task and keeping to one task at a time ({@link TaskJobs}). Episode k of a task always uses {@link EpisodeSeeds#of}(seed, task, k), so results do
 * not depend on W or on the order workers take episodes, and come back ordered by task and index.
 */
public final class Evaluation {

    /** Told after each episode: episodes finished, of which successes, out of the total. */
    public interface Progress {
        /** Called from worker threads, one call at a time. */
        void update(int done, int successes, int total);
    }

    private Evaluation() {
    }

    /** Runs the episodes with each task's oracle; results ordered by task then episode index. */
    public static List<EpisodeResult> run(List<TaskSpec> tasks, int episodes, long seed, int workers,
            Progress progress) {
        return run(tasks, episodes, seed, workers, PolicyFactory.ORACLE, progress);
    }

    /** Runs the episodes with the policies {@code policy} makes; results ordered by task then episode index. */
    public static List<EpisodeResult> run(List<TaskSpec> tasks, int episodes, long seed, int workers,
            PolicyFactory policy, Progress progress) {
        return run(tasks, episodes, seed, workers, policy, EpisodeSafety.OFF, progress);
    }

    /** {@link #run(List, int, long, int, PolicyFactory, Progress)} behind {@code safety}. */
    public static List<EpisodeResult> run(List<TaskSpec> tasks, int episodes, long seed, int workers,
            PolicyFactory policy, EpisodeSafety safety, Progress progress) {
        int total = tasks.size() * episodes;
        EpisodeResult[] results = new EpisodeResult[total];
        TaskJobs jobs = new TaskJobs(tasks.size(), episodes, 0, Integer.MAX_VALUE);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger successes = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "mantis-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < Math.max(1, workers); w++) {
                futures.add(pool.submit(() -> {
                    Map<String, Task> taskOf = new HashMap<>();
                    Map<String, Scene> sceneOf = new HashMap<>();
                    Map<String, Optional<SafeRobot>> safeOf = new HashMap<>();
                    try {
                        for (int job = jobs.poll(-1); job >= 0; job = jobs.poll(job / episodes)) {
                            TaskSpec spec = tasks.get(job / episodes);
                            int k = job % episodes;
                            Task task = taskOf.computeIfAbsent(spec.id(), id -> new Task(spec));
                            Scene scene = sceneOf.computeIfAbsent(spec.id(), id -> Scene.build(task.sceneSpec()));
                            long episodeSeed = EpisodeSeeds.of(seed, spec.id(), k);
                            Optional<SafeRobot> safe = safeOf.computeIfAbsent(spec.id(), id -> safety.wrap(scene));
                            EpisodeResult r = EpisodeRunner.run(task, scene, safe, k, episodeSeed,
                                    s -> policy.create(task, s, episodeSeed), StepRecorder.NONE);
                            results[job] = r;
                            int ok = r.success() ? successes.incrementAndGet() : successes.get();
                            synchronized (progress) {
                                progress.update(done.incrementAndGet(), ok, total);
                            }
                        }
                    } finally {
                        sceneOf.values().forEach(Scene::close);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return List.of(results);
    }
}
