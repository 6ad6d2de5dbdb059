package dev.mantis.launch.policy;

import dev.mantis.policies.Policy;
import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.Observation;
import dev.mantis.sim.record.TaskObservation;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.Oracle;

/** Drives one episode with a {@link Policy}: each step it sees the task's observation and the episode's goal. */
final class PolicyOracle implements Oracle {

    private final Policy policy;
    private final TaskObservation view;
    private final Observation goal;

    /** Resets {@code policy} with the episode's seed; the task must already be reset. */
    PolicyOracle(Policy policy, TaskObservation view, long seed) {
        this.policy = policy;
        this.view = view;
        this.goal = view.goal();
        policy.reset(seed);
    }

    @Override
    public Action act(Scene scene) {
        return policy.act(view.observe(scene), goal);
    }
}
