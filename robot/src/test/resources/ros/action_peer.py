"""A rospy actionlib peer for Mantis's action interoperability tests.

    action_peer.py NODE ROLE ACTION NS [DEFINITION_FILE]

ROLE is "server" (a SimpleActionServer) or "client" (a SimpleActionClient running a fixed script of
goals 7, 99 and -3; ACTION "test" only).
ACTION is "test" (actionlib/Test from python3-actionlib) or "fjt" (control_msgs/FollowJointTrajectory,
whose classes genpy builds at run time from DEFINITION_FILE, the full text of
FollowJointTrajectoryAction as Mantis sends it; genmsg computes the MD5 sums itself).
Writes one JSON event per line on stdout; {"event": "up"} once serving or connected; the client
writes {"event": "sent", "goal": N} once its send_goal returned.
"""
import json
import sys
import threading

import actionlib
import genpy
import genpy.dynamic
import rospy

node, role, action, ns = sys.argv[1:5]


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def to_json(value):
    if isinstance(value, genpy.Message):
        return {slot: to_json(getattr(value, slot)) for slot in value.__slots__}
    if isinstance(value, (genpy.Time, genpy.Duration)):
        return {"secs": value.secs, "nsecs": value.nsecs}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    return value


if action == "test":
    from actionlib.msg import TestAction as Action, TestFeedback as Feedback, TestGoal as Goal, \
        TestResult as Result
else:
    with open(sys.argv[5]) as f:
        classes = genpy.dynamic.generate_dynamic("control_msgs/FollowJointTrajectoryAction", f.read())
    Action = classes["control_msgs/FollowJointTrajectoryAction"]
    Goal = classes["control_msgs/FollowJointTrajectoryGoal"]
    Feedback = classes["control_msgs/FollowJointTrajectoryFeedback"]
    Result = classes["control_msgs/FollowJointTrajectoryResult"]

rospy.init_node(node, disable_signals=True)


def serve_test(server, goal):
    # goal < 0: aborted; 99: feedback until canceled; otherwise three feedbacks and a result
    if goal.goal < 0:
        server.set_aborted(Result(result=goal.goal), "negative goal %d" % goal.goal)
        return
    for i in range(1, 4):
        server.publish_feedback(Feedback(feedback=goal.goal * 10 + i))
    if goal.goal == 99:
        rate = rospy.Rate(50)
        while not server.is_preempt_requested():
            server.publish_feedback(Feedback(feedback=990))
            rate.sleep()
        server.set_preempted(Result(result=-99), "preempted by the client")
        return
    server.set_succeeded(Result(result=goal.goal * 2), "done %d" % goal.goal)


def serve_fjt(server, goal):
    # echoes the goal: feedback with the first and last points, a result with the whole goal as JSON
    points = goal.trajectory.points
    feedback = Feedback()
    feedback.header.frame_id = goal.trajectory.header.frame_id
    feedback.header.stamp = goal.trajectory.header.stamp
    feedback.joint_names = goal.trajectory.joint_names
    feedback.desired = points[-1]
    feedback.actual = points[0]
    server.publish_feedback(feedback)
    server.set_succeeded(Result(error_code=len(points), error_string=json.dumps(to_json(goal))), "echoed")


def run_client():
    # goal 7: three feedbacks (announced, so the server can finish after they arrived), then a result;
    # goal 99: canceled after its first feedback; goal -3: rejected by the server
    client = actionlib.SimpleActionClient(ns, Action)
    if not client.wait_for_server(rospy.Duration(20)):
        emit({"event": "error", "error": "no action server at " + ns})
        return
    emit({"event": "up"})
    for value in (7, 99, -3):
        feedback = []
        first = threading.Event()

        def on_feedback(fb, feedback=feedback, first=first, value=value):
            feedback.append(fb.feedback)
            first.set()
            if len(feedback) == 3:
                emit({"event": "feedback", "goal": value, "feedback": feedback})

        client.send_goal(Goal(goal=value), feedback_cb=on_feedback)
        # SimpleActionClient drops status and feedback that arrive before send_goal returns
        # (ros/actionlib#206), so a test server answers only once it has read this
        emit({"event": "sent", "goal": value})
        if value == 99:
            if not first.wait(10):
                emit({"event": "error", "error": "no feedback for goal 99"})
                return
            client.cancel_goal()
        if not client.wait_for_result(rospy.Duration(10)):
            emit({"event": "error", "error": "no result for goal %d" % value})
            return
        result = client.get_result()
        emit({"event": "outcome", "goal": value, "state": client.get_state(), "text": client.get_goal_status_text(),
              "result": None if result is None else result.result, "feedback": feedback})


if role == "server":
    serve = serve_test if action == "test" else serve_fjt
    server = actionlib.SimpleActionServer(ns, Action, execute_cb=lambda goal: serve(server, goal), auto_start=False)
    server.start()
    emit({"event": "up"})
    if action == "fjt":
        emit({"event": "md5", "types": {name: cls._md5sum for name, cls in classes.items()}})
    rospy.spin()
else:
    run_client()
