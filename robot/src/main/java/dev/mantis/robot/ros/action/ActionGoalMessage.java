package dev.mantis.robot.ros.action;

import dev.mantis.robot.ros.msg.ActionType;
import dev.mantis.robot.ros.msg.Message;
import dev.mantis.robot.ros.msg.MessageInput;
import dev.mantis.robot.ros.msg.MessageOutput;
import dev.mantis.robot.ros.msg.MessageType;
import dev.mantis.robot.ros.msg.actionlib_msgs.GoalID;
import dev.mantis.robot.ros.msg.std_msgs.Header;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The message on an action's goal topic ({@code NameActionGoal}: header, goal_id, goal) for any
 * goal class, with the wire type's name, MD5 sum and definition.
 *
 * @param <G> goal class
 */
final class ActionGoalMessage<G extends Message> implements Message {

    final Header header = new Header();
    final GoalID goal_id = new GoalID();
    final G goal;
    private final MessageType<ActionGoalMessage<G>> type;

    private ActionGoalMessage(MessageType<ActionGoalMessage<G>> type, G goal) {
        this.type = type;
        this.goal = goal;
    }

    /** The type of the action's goal wrapper, making instances that hold the action's goal class. */
    static <G extends Message> MessageType<ActionGoalMessage<G>> type(ActionType<G, ?, ?> action) {
        MessageType<?> wire = action.actionGoal();
        AtomicReference<MessageType<ActionGoalMessage<G>>> self = new AtomicReference<>();
        self.set(new MessageType<>(wire.name(), wire.md5(), wire.definition(), wire.minSize(),
                () -> new ActionGoalMessage<>(self.get(), action.goal().create())));
        return self.get();
    }

    /** A wrapper of {@code goal}. */
    static <G extends Message> ActionGoalMessage<G> wrap(MessageType<ActionGoalMessage<G>> type, G goal) {
        return new ActionGoalMessage<>(type, goal);
    }

    @Override
    public MessageType<ActionGoalMessage<G>> type() {
        return type;
    }

    @Override
    public void write(MessageOutput out) {
        header.write(out);
        goal_id.write(out);
        goal.write(out);
    }

    @Override
    public void read(MessageInput in) {
        header.read(in);
        goal_id.read(in);
        goal.read(in);
    }
}
