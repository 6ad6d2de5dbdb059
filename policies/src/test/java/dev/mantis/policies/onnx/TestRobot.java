package dev.mantis.policies.onnx;

import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.ActionSpec;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.robot.spec.Observation;
import dev.mantis.robot.spec.ObservationSpec;
import java.util.List;

/**
 * The small robot and task the hand-built test models are made for: robot 'panda',
 * observation.state (2) + observation.environment_state (1), goal observation.goal.state (2),
 * controller pd_joint_pos with 2 action elements bounded to [-10, 10].
 */
final class TestRobot {

    static final String TYPE = "panda";
    static final ObservationSpec OBSERVATION = new ObservationSpec(List.of(
            FeatureSpec.vector("observation.state", List.of("q0", "q1"), "rad"),
            FeatureSpec.vector("observation.environment_state", List.of("x"), "m")));
    static final ObservationSpec GOAL = new ObservationSpec(List.of(
            FeatureSpec.vector("observation.goal.state", List.of("g0", "g1"), "m")));
    static final ActionSpec ACTION = new ActionSpec("pd_joint_pos", FeatureSpec.vector("action",
            List.of("j0", "j1"), "rad", new double[] {-10, -10}, new double[] {10, 10}));

    /** An observation with state (s0, s1) and environment state e. */
    static Observation observation(double s0, double s1, double e) {
        return new Observation(OBSERVATION, 0, new double[][] {{s0, s1}, {e}});
    }

    /** A goal (g0, g1). */
    static Observation goal(double g0, double g1) {
        return new Observation(GOAL, 0, new double[][] {{g0, g1}});
    }

    /** The elements of an action. */
    static double[] values(Action a) {
        return a.toArray();
    }

    private TestRobot() {
    }
}
