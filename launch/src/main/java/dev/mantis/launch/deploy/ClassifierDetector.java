package dev.mantis.launch.deploy;

import dev.mantis.policies.onnx.SuccessClassifier;
import dev.mantis.robot.ros.msg.mantis_msgs.TaskStatus;
import dev.mantis.robot.spec.Observation;
import dev.mantis.sim.record.TaskObservation;

/**
 * Success from a classifier ({@code --success FILE.onnx}), as on a real robot, where no predicate
 * exists: every frame is scored before its action (one ONNX call, microseconds for an MLP), and
 * the episode's label is its last frame's probability against the model's threshold. By default
 * the episode runs to its horizon, so that the robot has come to rest where its policy left it
 * when it is judged; a model whose spec sets {@code confirm_frames} N > 0 ends an episode early,
 * as a success, after N frames in a row at or above the threshold (the last one's action applied).
 * That saves time on a robot that reaches its goals, but a classifier that fires on the approach
 * ends episodes a step short of the goal; train_success.py's report ({@code first_fire}) says how
 * often. The cell's predicate neither ends the episode nor sets the label; it is kept beside the
 * label so that the classifier can be measured.
 */
final class ClassifierDetector implements SuccessDetector {

    private final SuccessClassifier classifier;
    private final TaskObservation view;
    private double last;
    private int inRow;
    private int episode = -1;
    private Label label;

    /** {@code view}: the task observation the classifier was trained on (the recording's). */
    ClassifierDetector(SuccessClassifier classifier, TaskObservation view) {
        this.classifier = classifier;
        this.view = view;
    }

    @Override
    public boolean endsAfter(Observation robot, TaskStatus status) {
        if (status.episode != episode) { // an episode cut off before its label starts no run of frames
            episode = status.episode;
            inRow = 0;
        }
        last = classifier.probability(view.observe(robot, status.environment_state, status.environment_joints),
                view.goal(status.goal_state));
        inRow = last >= classifier.threshold() ? inRow + 1 : 0;
        return classifier.confirmFrames() > 0 && inRow >= classifier.confirmFrames();
    }

    @Override
    public boolean succeeded(TaskStatus status, boolean failed) {
        boolean success = !failed && last >= classifier.threshold();
        label = new Label(success, last, status.success);
        inRow = 0;
        return success;
    }

    @Override
    public Label take() {
        Label l = label;
        label = null;
        return l;
    }

    @Override
    public void close() {
        classifier.close();
    }
}
