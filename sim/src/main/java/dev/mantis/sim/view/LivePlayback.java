package dev.mantis.sim.view;

import dev.mantis.robot.spec.Action;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.EpisodeSeeds;
import dev.mantis.sim.task.EpisodeStepper;
import dev.mantis.sim.task.Oracle;
import dev.mantis.sim.task.PolicyFactory;
import dev.mantis.sim.task.StepRecorder;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;

/**
 * A live run of a task with a policy, one control step per frame, through the same
 * {@link EpisodeStepper} as {@code mantis eval}: episode k is seeded {@link EpisodeSeeds#of}(run
 * seed, task, k) and its policy is made right after the reset, so the viewer shows exactly the
 * episode eval runs for that seed, whatever the frame rate.
 */
public final class LivePlayback implements Playback {

    private final Task task;
    private final Scene scene;
    private final GoalScene goal;
    private final PolicyFactory policies;
    private final String policyName;
    private final long runSeed;
    private final Tally tally = new Tally();
    private int episode;
    private long seed;
    private EpisodeStepper stepper;
    private Oracle policy;
    private int frame;

    /**
     * Starts episode {@code episode} of {@code spec}'s task with the policies {@code policies} makes.
     *
     * @param policyName the policy's name for the overlay
     */
    public LivePlayback(TaskSpec spec, PolicyFactory policies, String policyName, long runSeed, int episode) {
        this.task = new Task(spec);
        this.policies = policies;
        this.policyName = policyName;
        this.runSeed = runSeed;
        Scene built = Scene.build(task.sceneSpec());
        try {
            this.goal = new GoalScene(spec);
        } catch (RuntimeException e) {
            built.close();
            throw e;
        }
        this.scene = built;
        start(episode);
    }

    private void start(int k) {
        episode = k;
        seed = EpisodeSeeds.of(runSeed, task.spec().id(), k);
        tally.clear();
        frame = 0;
        stepper = EpisodeStepper.start(task, scene, k, seed, tally);
        policy = stepper.finished() ? null : policies.create(task, scene, seed);
        goal.show(seed);
    }

    @Override
    public Scene scene() {
        return scene;
    }

    @Override
    public GoalScene goal() {
        return goal;
    }

    @Override
    public double framesPerSecond() {
        return Task.CONTROL_HZ;
    }

    @Override
    public boolean advance() {
        if (stepper.finished()) {
            return false;
        }
        stepper.beforeAct();
        stepper.step(policy.act(scene));
        frame++;
        return true;
    }

    @Override
    public void seek(int target) {
        while (frame < target && advance()) {
            // simulate up to the frame
        }
    }

    @Override
    public int frame() {
        return frame;
    }

    @Override
    public void reset() {
        start(episode + 1);
    }

    /** The finished episode's result, or null while it runs. */
    public EpisodeResult result() {
        return stepper.finished() ? stepper.result() : null;
    }

    @Override
    public ViewStatus status() {
        String ended = "";
        if (stepper.finished()) {
            EpisodeResult r = stepper.result();
            ended = r.success() ? "success" : r.failure();
        }
        return new ViewStatus(task.spec().id(), policyName, episode, seed, frame, task.spec().horizon(),
                tally.reward, tally.success, ended);
    }

    @Override
    public void close() {
        try {
            goal.close();
        } finally {
            scene.close();
        }
    }

    /** Sums the rewards of the steps taken. */
    private static final class Tally implements StepRecorder {
        double reward;
        boolean success;

        void clear() {
            reward = 0;
            success = false;
        }

        @Override
        public void after(Action applied, double r, boolean done, boolean s) {
            reward += r;
            success = s;
        }
    }
}
