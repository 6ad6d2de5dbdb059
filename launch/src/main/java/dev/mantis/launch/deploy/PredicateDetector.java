package dev.mantis.launch.deploy;

import dev.mantis.robot.ros.msg.mantis_msgs.TaskStatus;

/**
 * Success from the cell's predicate ({@code TaskStatus.success}, {@code --success predicate}, the
 * default): the episode ends when it holds, and the predicate is certain (confidence 1 or 0).
 */
final class PredicateDetector implements SuccessDetector {

    private Label label;

    @Override
    public boolean predicateEnds() {
        return true;
    }

    @Override
    public boolean succeeded(TaskStatus status, boolean failed) {
        label = new Label(status.success, status.success ? 1.0 : 0.0, status.success);
        return status.success;
    }

    @Override
    public Label take() {
        Label l = label;
        label = null;
        return l;
    }
}
