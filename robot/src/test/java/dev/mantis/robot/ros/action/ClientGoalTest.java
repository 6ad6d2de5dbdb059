package dev.mantis.robot.ros.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.ros.RosException;
import dev.mantis.robot.ros.msg.actionlib.TestFeedback;
import dev.mantis.robot.ros.msg.actionlib.TestResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client goal's state from reports that arrive out of order on the status, feedback and result topics. */
class ClientGoalTest {

    @Test
    void aStaleReportDoesNotMoveTheStateBack() {
        List<Integer> feedback = new ArrayList<>();
        ClientGoal<TestFeedback, TestResult> goal = new ClientGoal<>(null, "g1", f -> feedback.add(f.feedback));
        assertEquals(GoalState.PENDING, goal.state());
        assertFalse(goal.isAcknowledged());
        TestFeedback f = new TestFeedback();
        f.feedback = 5;
        goal.onFeedback(GoalState.ACTIVE, f);
        goal.onStatus(GoalState.PENDING); // a status array sent before the server accepted
        assertEquals(GoalState.ACTIVE, goal.state());
        goal.onStatus(GoalState.PREEMPTING);
        assertEquals(GoalState.PREEMPTING, goal.state());
        TestResult r = new TestResult();
        goal.onResult(new GoalOutcome<>(GoalState.PREEMPTED, "stopped", r));
        goal.onStatus(GoalState.ACTIVE);
        goal.onFeedback(GoalState.ACTIVE, f); // feedback sent before the result, delivered after it
        assertEquals(GoalState.PREEMPTED, goal.state());
        assertEquals(List.of(5, 5), feedback);
        assertTrue(goal.isDone());
    }

    @Test
    void onlyAGoalTheStatusListedBeforeIsLostWhenItDisappears() throws Exception {
        ClientGoal<TestFeedback, TestResult> goal = new ClientGoal<>(null, "g2", null);
        goal.onMissing("/arm");
        goal.onFeedback(GoalState.ACTIVE, new TestFeedback());
        goal.onMissing("/arm"); // the status that lists it may still be on its way
        assertFalse(goal.isDone());
        goal.onStatus(GoalState.ACTIVE);
        goal.onMissing("/arm");
        assertEquals(GoalState.LOST, goal.state());
        RosException e = assertThrows(RosException.class, () -> goal.awaitResult(Duration.ofSeconds(1)));
        assertEquals("goal g2 on /arm was lost: the action server no longer lists it and sent no result", e.getMessage());
    }

    @Test
    void aGoalWhoseServerReportedItEndedWaitsForTheResult() throws Exception {
        ClientGoal<TestFeedback, TestResult> goal = new ClientGoal<>(null, "g3", null);
        goal.onStatus(GoalState.SUCCEEDED);
        goal.onMissing("/arm");
        assertFalse(goal.isDone());
        assertTrue(goal.awaitResult(Duration.ZERO).isEmpty());
    }
}
