package dev.mantis.launch.deploy;

import dev.mantis.robot.ros.msg.mantis_msgs.TaskStatus;
import dev.mantis.robot.spec.Observation;

/**
 * Decides whether an episode run over ROS succeeded ({@code mantis collect --autonomous --success
 * predicate|FILE.onnx|key}): the cell's predicate ({@link PredicateDetector}), a success classifier
 * ({@link ClassifierDetector}) or a person ({@link KeyPressDetector}). A {@link Deployment} asks
 * it on every frame, before the frame's action, whether the episode ends after that action as a
 * success, and once the episode has ended, for its label.
 */
interface SuccessDetector extends AutoCloseable {

    /** A label: the success, the detector's probability of success (0..1), and the cell's predicate then. */
    record Label(boolean success, double confidence, boolean predicate) {
    }

    /** Whether the cell's predicate ends the episode when it holds (only for {@link PredicateDetector}). */
    default boolean predicateEnds() {
        return false;
    }

    /**
     * Before the action of a frame, with the robot's observation and the cell's status of that
     * frame: whether the episode ends after this action as a success the detector is sure of (by
     * default never: only a classifier trained to stop early decides before the episode's end).
     */
    default boolean endsAfter(Observation robot, TaskStatus status) {
        return false;
    }

    /**
     * The label of the episode that has just ended, with the cell's status after its last action;
     * {@code failed}: the cell reported a failure (then not a success).
     *
     * @throws LabelsEnded when no label can be had (a person's input ended)
     */
    boolean succeeded(TaskStatus status, boolean failed);

    /** The last episode's label, or null if it ended before it was labelled (robot lost); forgets it. */
    Label take();

    @Override
    default void close() {
    }

    /** No more labels: a person's standard input ended; the run stops, the unlabelled episode unrecorded. */
    final class LabelsEnded extends RuntimeException {

        private static final long serialVersionUID = 1L;

        LabelsEnded(String message) {
            super(message);
        }
    }
}
