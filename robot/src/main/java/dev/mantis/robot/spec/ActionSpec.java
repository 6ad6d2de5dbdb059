package dev.mantis.robot.spec;

/**
 * What a robot accepts: the controller that interprets actions (e.g. {@code pd_joint_pos}) and
 * the {@code action} vector feature with its element names, unit and bounds.
 */
public record ActionSpec(String controller, FeatureSpec action) {

    /** Number of action elements. */
    public int size() {
        return action.size();
    }
}
