package dev.mantis.policies.spec;

import dev.mantis.policies.PolicyException;
import dev.mantis.robot.spec.ActionSpec;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.robot.spec.ObservationSpec;
import java.util.List;
import java.util.stream.Collectors;

/** Checks a {@link PolicySpec} against the robot and task it is about to drive. */
final class RobotMatch {

    private final PolicySpec spec;

    RobotMatch(PolicySpec spec) {
        this.spec = spec;
    }

    void check(String robotType, ObservationSpec observation, ObservationSpec goal, ActionSpec action)
            throws PolicyException {
        robot(robotType);
        if (spec.controller() != null && !spec.controller().equals(action.controller())) {
            throw fail("trained for controller '" + spec.controller() + "', this robot uses '" + action.controller()
                    + "'");
        }
        features("observation", spec.observation(), observation);
        features("goal", spec.goal(), goal);
        ActionFeature a = spec.action();
        if (a.size() != action.size()) {
            throw fail("the policy outputs " + a.size() + " action elements but the robot's controller '"
                    + action.controller() + "' takes " + action.size());
        }
        List<String> robotNames = action.action().names();
        if (!a.names().isEmpty() && !robotNames.isEmpty() && !a.names().equals(robotNames)) {
            throw fail("the policy's action elements are " + a.names() + " but the robot's are " + robotNames);
        }
    }

    /** The robot type and the observation and goal features, without the action (all a classifier needs). */
    void checkInputs(String robotType, ObservationSpec observation, ObservationSpec goal) throws PolicyException {
        robot(robotType);
        features("observation", spec.observation(), observation);
        features("goal", spec.goal(), goal);
    }

    private void robot(String robotType) throws PolicyException {
        if (!spec.robotType().equals(robotType)) {
            throw fail("trained for robot '" + spec.robotType() + "', this robot is '" + robotType + "'");
        }
    }

    private void features(String kind, List<FeatureSize> needed, ObservationSpec provided) throws PolicyException {
        List<FeatureSpec> available = provided == null ? List.of() : provided.features();
        for (FeatureSize f : needed) {
            boolean found = available.stream().anyMatch(p -> p.name().equals(f.name()) && p.size() == f.size());
            if (!found) {
                String list = available.stream().map(p -> p.name() + " (" + p.size() + ")")
                        .collect(Collectors.joining(", ", "[", "]"));
                throw fail((spec.family() instanceof Classifier ? "the classifier" : "the policy") + " needs " + kind + " feature '" + f.name() + "' (" + f.size()
                        + ") but the robot/task provide " + list);
            }
        }
    }

    private PolicyException fail(String what) {
        return new PolicyException(spec.source() + ": " + what);
    }
}
