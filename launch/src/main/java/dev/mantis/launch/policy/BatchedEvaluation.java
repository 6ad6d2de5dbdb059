package dev.mantis.launch.policy;

import dev.mantis.launch.InputException;
import dev.mantis.policies.PolicyOptions;
import dev.mantis.policies.onnx.OnnxPolicy;
import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.Observation;
import dev.mantis.sim.record.TaskObservation;
import dev.mantis.robot.safety.SafeRobot;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.EpisodeSafety;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.EpisodeSeeds;
import dev.mantis.sim.task.EpisodeStepper;
import dev.mantis.sim.task.Evaluation;
import dev.mantis.sim.task.StepRecorder;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates an ONNX policy on K scenes of a task in lockstep on one thread, so that each control
 * step is one ONNX Runtime call over the K observations. Episode k of a task is seeded
 * {@link EpisodeSeeds#of}(seed, task, k) as in {@link Evaluation}; a scene whose episode ends
 * takes the next episode (the policy's state for that scene is reset), an idle scene is fed its
 * last observation and its action ignored.
 */
public final class BatchedEvaluation {

    private BatchedEvaluation() {
    }

    /** The results, ordered by task then episode index. */
    public static List<EpisodeResult> run(List<TaskSpec> tasks, int episodes, long seed, int batch, Path model,
            PolicyOptions options, EpisodeSafety safety, Evaluation.Progress progress) {
        List<EpisodeResult> results = new ArrayList<>();
        int total = tasks.size() * episodes;
        int[] done = {0, 0};
        for (TaskSpec spec : tasks) {
            EpisodeResult[] mine = new EpisodeResult[episodes];
            List<Task> taskOf = new ArrayList<>();
            List<Scene> scenes = new ArrayList<>();
            List<Optional<SafeRobot>> safes = new ArrayList<>();
            List<TaskObservation> views = new ArrayList<>();
            int[] widths = PolicySource.widths(model);
            try {
                for (int i = 0; i < batch; i++) {
                    Task task = new Task(spec);
                    Scene scene = Scene.build(task.sceneSpec());
                    taskOf.add(task);
                    scenes.add(scene);
                    safes.add(safety.wrap(scene));
                    views.add(PolicySource.view(task, scene.robot(0).observationSpec(), widths));
                }
                try (OnnxPolicy policy = load(model, scenes.get(0), views.get(0), options)) {
                    lockstep(spec, episodes, seed, policy, taskOf, scenes, safes, views, mine, () -> {
                        done[0]++;
                        progress.update(done[0], done[1], total);
                    }, () -> done[1]++);
                }
            } finally {
                scenes.forEach(Scene::close);
            }
            results.addAll(List.of(mine));
        }
        return results;
    }

    private static OnnxPolicy load(Path model, Scene scene, TaskObservation view, PolicyOptions options) {
        try {
            return OnnxPolicy.load(model, scene.robot(0).robotType(), view.spec(), view.goalSpec(),
                    scene.robot(0).actionSpec(), options);
        } catch (IOException e) {
            throw new InputException(e.getMessage());
        }
    }

    private static void lockstep(TaskSpec spec, int episodes, long seed, OnnxPolicy policy, List<Task> tasks,
            List<Scene> scenes, List<Optional<SafeRobot>> safes, List<TaskObservation> views, EpisodeResult[] results,
            Runnable finished, Runnable succeeded) {
        int k = scenes.size();
        EpisodeStepper[] running = new EpisodeStepper[k];
        Observation[] observations = new Observation[k];
        Observation[] goals = new Observation[k];
        int next = 0;
        for (int i = 0; i < k; i++) {
            next = startNext(spec, episodes, seed, next, i, policy, tasks, scenes, safes, views, running, observations,
                    goals, results, finished, succeeded);
        }
        while (anyRunning(running)) {
            for (int i = 0; i < k; i++) {
                if (running[i] != null) {
                    running[i].beforeAct();
                    observations[i] = views.get(i).observe(scenes.get(i));
                }
            }
            Action[] actions = policy.actBatch(observations, goals);
            for (int i = 0; i < k; i++) {
                if (running[i] == null) {
                    continue;
                }
                running[i].step(actions[i]);
                if (running[i].finished()) {
                    EpisodeResult r = running[i].result();
                    results[r.episode()] = r;
                    finished.run();
                    if (r.success()) {
                        succeeded.run();
                    }
                    running[i] = null;
                    next = startNext(spec, episodes, seed, next, i, policy, tasks, scenes, safes, views, running,
                            observations, goals, results, finished, succeeded);
                }
            }
        }
    }

    /** Starts the next episode (if any) in scene {@code i}; returns the next episode index. */
    private static int startNext(TaskSpec spec, int episodes, long seed, int next, int i, OnnxPolicy policy,
            List<Task> tasks, List<Scene> scenes, List<Optional<SafeRobot>> safes, List<TaskObservation> views,
            EpisodeStepper[] running,
            Observation[] observations, Observation[] goals, EpisodeResult[] results, Runnable finished,
            Runnable succeeded) {
        while (next < episodes) {
            int episode = next++;
            long episodeSeed = EpisodeSeeds.of(seed, spec.id(), episode);
            EpisodeStepper e = EpisodeStepper.start(tasks.get(i), scenes.get(i), safes.get(i), episode, episodeSeed,
                    StepRecorder.NONE);
            if (e.finished()) { // unplaceable
                results[episode] = e.result();
                finished.run();
                continue;
            }
            policy.reset(i, episodeSeed);
            running[i] = e;
            goals[i] = views.get(i).goal();
            observations[i] = views.get(i).observe(scenes.get(i));
            return next;
        }
        if (observations[i] == null) { // more scenes than episodes: feed something valid, ignore the result
            observations[i] = views.get(i).observe(scenes.get(i));
            goals[i] = views.get(i).goal();
        }
        return next;
    }

    private static boolean anyRunning(EpisodeStepper[] running) {
        for (EpisodeStepper e : running) {
            if (e != null) {
                return true;
            }
        }
        return false;
    }
}
