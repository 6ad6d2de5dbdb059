package dev.mantis.robot.ros.definition;

import java.util.List;

/**
 * A parsed action definition (one .action file) expanded by genmsg's genaction rules into its
 * seven messages: {@code NameGoal}, {@code NameResult}, {@code NameFeedback} (the three sections
 * of the file), the wrappers sent on the action's topics {@code NameActionGoal} (header, goal_id,
 * goal), {@code NameActionResult} (header, status, result), {@code NameActionFeedback} (header,
 * status, feedback), and {@code NameAction}, which holds one of each wrapper.
 *
 * @param type full name, e.g. {@code control_msgs/FollowJointTrajectory}
 */
public record ActionSpec(String type, MessageSpec goal, MessageSpec result, MessageSpec feedback,
        MessageSpec actionGoal, MessageSpec actionResult, MessageSpec actionFeedback, MessageSpec action) {

    /** The seven messages, the three sections first. */
    public List<MessageSpec> messages() {
        return List.of(goal, result, feedback, actionGoal, actionResult, actionFeedback, action);
    }
}
