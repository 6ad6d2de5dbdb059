package dev.mantis.robot.ros.action;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.ros.msg.MessageType;
import dev.mantis.robot.ros.msg.RosDuration;
import dev.mantis.robot.ros.msg.RosTime;
import dev.mantis.robot.ros.msg.control_msgs.FollowJointTrajectory;
import dev.mantis.robot.ros.msg.control_msgs.FollowJointTrajectoryActionGoal;
import dev.mantis.robot.ros.msg.control_msgs.FollowJointTrajectoryActionResult;
import dev.mantis.robot.ros.msg.control_msgs.FollowJointTrajectoryGoal;
import dev.mantis.robot.ros.msg.control_msgs.FollowJointTrajectoryResult;
import dev.mantis.robot.ros.msg.control_msgs.JointTolerance;
import dev.mantis.robot.ros.msg.trajectory_msgs.JointTrajectoryPoint;
import org.junit.jupiter.api.Test;

/** The action's topic messages for any goal, feedback and result class equal the generated wrappers on the wire. */
class ActionMessagesTest {

    @Test
    void goalWrapperIsByteIdenticalToTheGeneratedActionGoal() {
        FollowJointTrajectoryActionGoal generated = new FollowJointTrajectoryActionGoal();
        generated.header.stamp = new RosTime(5, 6);
        generated.goal_id.stamp = new RosTime(7, 8);
        generated.goal_id.id = "node-1-7.000000008";
        fill(generated.goal);
        MessageType<ActionGoalMessage<FollowJointTrajectoryGoal>> type = ActionGoalMessage.type(FollowJointTrajectory.TYPE);
        FollowJointTrajectoryGoal goal = new FollowJointTrajectoryGoal();
        fill(goal);
        ActionGoalMessage<FollowJointTrajectoryGoal> wrapped = ActionGoalMessage.wrap(type, goal);
        wrapped.header.stamp = new RosTime(5, 6);
        wrapped.goal_id.stamp = new RosTime(7, 8);
        wrapped.goal_id.id = "node-1-7.000000008";
        byte[] bytes = FollowJointTrajectoryActionGoal.TYPE.toBytes(generated);
        assertArrayEquals(bytes, type.toBytes(wrapped));
        ActionGoalMessage<FollowJointTrajectoryGoal> back = type.fromBytes(bytes);
        assertEquals("node-1-7.000000008", back.goal_id.id);
        assertArrayEquals(goal.trajectory.points[1].positions, back.goal.trajectory.points[1].positions);
        assertEquals(FollowJointTrajectoryActionGoal.TYPE.md5(), type.md5());
        assertEquals(FollowJointTrajectoryActionGoal.TYPE.definition(), type.definition());
    }

    @Test
    void resultWrapperIsByteIdenticalToTheGeneratedActionResult() {
        FollowJointTrajectoryActionResult generated = new FollowJointTrajectoryActionResult();
        generated.status.goal_id.id = "g";
        generated.status.status = GoalState.ABORTED.code();
        generated.status.text = "path tolerance";
        generated.result.error_code = FollowJointTrajectoryResult.PATH_TOLERANCE_VIOLATED;
        generated.result.error_string = "panda_joint4 off by 0.06 rad";
        MessageType<ActionReplyMessage<FollowJointTrajectoryResult>> type = ActionReplyMessage.type(
                FollowJointTrajectory.TYPE.actionResult(), FollowJointTrajectory.TYPE.result());
        ActionReplyMessage<FollowJointTrajectoryResult> back = type.fromBytes(FollowJointTrajectoryActionResult.TYPE.toBytes(generated));
        assertEquals(GoalState.ABORTED, GoalState.of(back.status.status));
        assertEquals("panda_joint4 off by 0.06 rad", back.body.error_string);
        assertArrayEquals(FollowJointTrajectoryActionResult.TYPE.toBytes(generated), type.toBytes(back));
    }

    @Test
    void goalStatesMirrorActionlibCodes() {
        assertEquals(GoalState.RECALLED, GoalState.of(8));
        assertTrue(GoalState.PREEMPTED.isTerminal());
        assertFalse(GoalState.PREEMPTING.isTerminal());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoalState.of(12));
        assertEquals("goal status 12 is not an actionlib_msgs/GoalStatus code (0..9)", e.getMessage());
    }

    static void fill(FollowJointTrajectoryGoal goal) {
        goal.trajectory.header.frame_id = "base_link";
        goal.trajectory.header.stamp = new RosTime(12, 345);
        goal.trajectory.joint_names = new String[] {"panda_joint1", "panda_joint2", "panda_joint3", "panda_joint4",
            "panda_joint5", "panda_joint6", "panda_joint7"};
        JointTrajectoryPoint start = new JointTrajectoryPoint();
        start.positions = new double[] {0, -Math.PI / 4, 0, -3 * Math.PI / 4, 0, Math.PI / 2, Math.PI / 4};
        start.velocities = new double[7];
        start.time_from_start = RosDuration.ZERO;
        JointTrajectoryPoint end = new JointTrajectoryPoint();
        end.positions = new double[] {0.1 + 0.2, -0.7853981633974483, 1e-300, -2.356, -0.0, 1.5707963267948966, 0.785};
        end.velocities = new double[] {1e-9, 0, 0, 0, 0, 0, -1e-9};
        end.accelerations = new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        end.effort = new double[] {87};
        end.time_from_start = new RosDuration(2, 250_000_000);
        goal.trajectory.points = new JointTrajectoryPoint[] {start, end};
        JointTolerance path = new JointTolerance();
        path.name = "panda_joint4";
        path.position = 0.05;
        path.velocity = 0.5;
        path.acceleration = -1;
        goal.path_tolerance = new JointTolerance[] {path};
        JointTolerance end4 = new JointTolerance();
        end4.name = "panda_joint4";
        end4.position = 0.01;
        goal.goal_tolerance = new JointTolerance[] {end4};
        goal.goal_time_tolerance = new RosDuration(0, 200_000_000);
    }
}
