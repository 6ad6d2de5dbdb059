package dev.mantis.robot.ros.msg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mantis.robot.ros.RosInstallation;
import dev.mantis.robot.ros.definition.ActionSpec;
import dev.mantis.robot.ros.definition.DefinitionException;
import dev.mantis.robot.ros.definition.DefinitionParser;
import dev.mantis.robot.ros.definition.FieldSpec;
import dev.mantis.robot.ros.msg.control_msgs.FollowJointTrajectory;
import dev.mantis.robot.ros.msg.control_msgs.FollowJointTrajectoryResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The messages rosgen makes of .action files (genaction's rules) and their MD5 sums. */
class ActionDefinitionsTest {

    /** MD5 sums of ROS Noetic's control_msgs 1.5 (what franka_ros and ur_robot_driver check). */
    private static final Map<String, String> FOLLOW_JOINT_TRAJECTORY = Map.of(
            "control_msgs/FollowJointTrajectoryGoal", "69636787b6ecbde4d61d711979bc7ecb",
            "control_msgs/FollowJointTrajectoryResult", "493383b18409bfb604b4e26c676401d2",
            "control_msgs/FollowJointTrajectoryFeedback", "10817c60c2486ef6b33e97dcd87f4474",
            "control_msgs/FollowJointTrajectoryActionGoal", "cff5c1d533bf2f82dd0138d57f4304bb",
            "control_msgs/FollowJointTrajectoryActionResult", "c4fb3b000dc9da4fd99699380efcc5d9",
            "control_msgs/FollowJointTrajectoryActionFeedback", "d8920dc4eae9fc107e00999cce4be641",
            "control_msgs/FollowJointTrajectoryAction", "bc4f9b743838566551c0390c65f1a248",
            "control_msgs/JointTolerance", "f544fe9c16cf04547e135dd6063ff5be");

    /** MD5 sums of actionlib's test actions as Debian's python3-actionlib ships them. */
    private static final Map<String, String> ACTIONLIB_TEST = Map.of(
            "actionlib/TestGoal", "18df0149936b7aa95588e3862476ebde",
            "actionlib/TestActionGoal", "348369c5b403676156094e8c159720bf",
            "actionlib/TestActionFeedback", "6d3d0bf7fb3dda24779c010a9f3eb7cb",
            "actionlib/TestAction", "991e87a72802262dfbe5d1b3cf6efc9a",
            "actionlib/TwoIntsFeedback", "d41d8cd98f00b204e9800998ecf8427e",
            "actionlib/TwoIntsActionResult", "3ba7dea8b8cddcae4528ade4ef74b6e7",
            "actionlib/TwoIntsAction", "6d1aa538c4bd6183a2dfb7fcac41ee50");

    @Test
    void followJointTrajectoryMd5SumsMatchRosNoetic() {
        FOLLOW_JOINT_TRAJECTORY.forEach((type, md5) -> assertEquals(md5, MessageTypes.message(type).md5(), type));
        ActionType<?, ?, ?> action = FollowJointTrajectory.TYPE;
        assertSame(action, MessageTypes.action("control_msgs/FollowJointTrajectory"));
        assertEquals("cff5c1d533bf2f82dd0138d57f4304bb", action.actionGoal().md5());
        assertEquals("d8920dc4eae9fc107e00999cce4be641", action.actionFeedback().md5());
        assertEquals("c4fb3b000dc9da4fd99699380efcc5d9", action.actionResult().md5());
        assertEquals(-4, FollowJointTrajectoryResult.PATH_TOLERANCE_VIOLATED);
    }

    @Test
    void testOnlyActionsMatchActionlibsOwn() {
        ACTIONLIB_TEST.forEach((type, md5) -> assertEquals(md5, TestMessageTypes.message(type).md5(), type));
        assertEquals(List.of("actionlib/Test", "actionlib/TwoInts"), List.copyOf(TestMessageTypes.actionNames()));
        assertEquals(14, TestMessageTypes.messageNames().size());
    }

    @Test
    void testOnlyActionsMatchRospyForEveryMessage() throws Exception {
        RosInstallation.requirePython("actionlib.msg", "python3-actionlib");
        Map<String, String> rospy = rospyMd5s("from actionlib.msg import *\n", "globals()[t.split('/')[1]]._md5sum",
                TestMessageTypes.messageNames());
        assertEquals(14, rospy.size());
        rospy.forEach((type, md5) -> assertEquals(md5, TestMessageTypes.message(type).md5(), type));
    }

    @Test
    void genmsgComputesTheSameMd5sFromTheDefinitionsMantisSends() throws Exception {
        // control_msgs is not packaged for Debian: genpy builds the classes from the full definition
        // text in our connection headers, and genmsg computes their MD5 sums independently of rosgen
        RosInstallation.requirePython("genpy.dynamic", "python3-genpy");
        StringBuilder setup = new StringBuilder("import genpy.dynamic\ndefs = {\n");
        for (String type : FOLLOW_JOINT_TRAJECTORY.keySet()) {
            setup.append("    '").append(type).append("': ").append(pythonString(MessageTypes.message(type).definition()))
                    .append(",\n");
        }
        setup.append("}\n");
        Map<String, String> genmsg = rospyMd5s(setup.toString(), "genpy.dynamic.generate_dynamic(t, defs[t])[t]._md5sum",
                FOLLOW_JOINT_TRAJECTORY.keySet());
        assertEquals(FOLLOW_JOINT_TRAJECTORY, genmsg);
    }

    @Test
    void anActionExpandsIntoItsSevenMessages() {
        ActionSpec spec = DefinitionParser.parseAction("demo/Move", "float64 x # m\n---\nbool ok\n---\nfloat64 left\n", "Move.action");
        assertEquals(List.of("demo/MoveGoal", "demo/MoveResult", "demo/MoveFeedback", "demo/MoveActionGoal",
                "demo/MoveActionResult", "demo/MoveActionFeedback", "demo/MoveAction"),
                spec.messages().stream().map(m -> m.type()).toList());
        assertEquals(List.of("std_msgs/Header header", "actionlib_msgs/GoalID goal_id", "demo/MoveGoal goal"),
                fields(spec.actionGoal().fields()));
        assertEquals(List.of("std_msgs/Header header", "actionlib_msgs/GoalStatus status", "demo/MoveFeedback feedback"),
                fields(spec.actionFeedback().fields()));
        assertEquals(List.of("demo/MoveActionGoal action_goal", "demo/MoveActionResult action_result",
                "demo/MoveActionFeedback action_feedback"), fields(spec.action().fields()));
    }

    @Test
    void aBadActionFileGetsOneLineNamingTheFileAndLine() {
        DefinitionException sections = assertThrows(DefinitionException.class,
                () -> DefinitionParser.parseAction("demo/Move", "float64 x\n---\nbool ok\n", "Move.action"));
        assertEquals("Move.action: an action needs exactly two '---' lines (goal, result, feedback), found 1",
                sections.getMessage());
        DefinitionException field = assertThrows(DefinitionException.class,
                () -> DefinitionParser.parseAction("demo/Move", "float64 x\n---\nbool ok\n---\n\nfloat64 left right\n",
                        "Move.action"));
        assertEquals("Move.action:6: expected 'type name', got 'float64 left right'", field.getMessage());
    }

    private static List<String> fields(List<FieldSpec> fields) {
        return fields.stream().map(f -> f.type() + " " + f.name()).toList();
    }

    /** Runs {@code setup}, then prints "TYPE MD5" for each type with {@code md5Expression} (t is the type). */
    private static Map<String, String> rospyMd5s(String setup, String md5Expression, Iterable<String> types)
            throws Exception {
        StringBuilder program = new StringBuilder(setup).append("for t in [");
        for (String type : types) {
            program.append("'").append(type).append("', ");
        }
        program.append("]:\n    print(t, ").append(md5Expression).append(")\n");
        Map<String, String> out = new HashMap<>();
        for (String line : RosInstallation.runPython(program.toString())) {
            String[] kv = line.split(" ");
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    private static String pythonString(String text) {
        StringBuilder s = new StringBuilder("'");
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '\'') {
                s.append('\\').append(c);
            } else if (c == '\n') {
                s.append("\\n");
            } else {
                s.append(c);
            }
        }
        return s.append('\'').toString();
    }
}
