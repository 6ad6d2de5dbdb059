"""A rospy peer for Mantis's ROS interoperability tests.

Reads one JSON command per line on stdin and writes one JSON event per line on stdout:
  {"op": "pub", "topic", "type", "msg", "latch"}      publish (the publisher is kept)
  {"op": "sub", "topic", "type"}                       subscribe; prints {"event": "msg", ...}
  {"op": "srv", "name", "type", "md5", "req", "resp"}  serve: response = {"success": data, "message": ...}
  {"op": "call", "name", "type", "md5", "req", "resp", "args"}   call; prints {"event": "response"}
  {"op": "get_param", "key"} / {"op": "set_param", "key", "value"}
  {"op": "subscribers", "topic"}                       prints the publisher's connection count
  {"op": "stream", "topic", "prefix", "rate"}          publishes std_msgs/String PREFIX+N at RATE Hz
Every command answers {"event": "done", "op": ...} or {"event": "error", "error": ...}.
"""
import importlib
import json
import sys
import threading

import genpy
import genpy.dynamic
import genpy.message
import rospy

out_lock = threading.Lock()
publishers = {}


def emit(obj):
    with out_lock:
        sys.stdout.write(json.dumps(obj) + "\n")
        sys.stdout.flush()


def to_json(value):
    if isinstance(value, genpy.Message):
        return {slot: to_json(getattr(value, slot)) for slot in value.__slots__}
    if isinstance(value, (genpy.Time, genpy.Duration)):
        return {"secs": value.secs, "nsecs": value.nsecs}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, bytes):
        return list(value)
    return value


def message_class(type_name):
    pkg, name = type_name.split("/")
    return getattr(importlib.import_module(pkg + ".msg"), name)


def service_class(cmd):
    classes = genpy.dynamic.generate_dynamic(cmd["type"] + "Request", cmd["req"])
    request = classes[cmd["type"] + "Request"]
    classes = genpy.dynamic.generate_dynamic(cmd["type"] + "Response", cmd["resp"])
    response = classes[cmd["type"] + "Response"]
    return type("Service", (object,), {"_type": cmd["type"], "_md5sum": cmd["md5"],
                                       "_request_class": request, "_response_class": response})


def fill(cls, values):
    msg = cls()
    genpy.message.fill_message_args(msg, [values])
    return msg


def handle(cmd):
    op = cmd["op"]
    if op == "pub":
        key = cmd["topic"]
        if key not in publishers:
            publishers[key] = rospy.Publisher(cmd["topic"], message_class(cmd["type"]), queue_size=100,
                                              latch=cmd.get("latch", False))
        publishers[key].publish(fill(message_class(cmd["type"]), cmd["msg"]))
    elif op == "sub":
        topic = cmd["topic"]
        rospy.Subscriber(topic, message_class(cmd["type"]),
                         lambda m, t=topic: emit({"event": "msg", "topic": t, "msg": to_json(m)}))
    elif op == "subscribers":
        emit({"event": "subscribers", "topic": cmd["topic"],
              "count": publishers[cmd["topic"]].get_num_connections()})
    elif op == "stream":
        from std_msgs.msg import String
        pub = rospy.Publisher(cmd["topic"], String, queue_size=10)
        publishers[cmd["topic"]] = pub

        def loop():
            rate = rospy.Rate(cmd["rate"])
            n = 0
            while not rospy.is_shutdown():
                pub.publish(String(data="%s%d" % (cmd["prefix"], n)))
                n += 1
                rate.sleep()
        threading.Thread(target=loop, daemon=True).start()
    elif op == "srv":
        cls = service_class(cmd)
        rospy.Service(cmd["name"], cls, lambda req: cls._response_class(
            success=req.data, message="rospy got %s" % req.data))
    elif op == "call":
        cls = service_class(cmd)
        rospy.wait_for_service(cmd["name"], timeout=10)
        response = rospy.ServiceProxy(cmd["name"], cls)(fill(cls._request_class, cmd["args"]))
        emit({"event": "response", "msg": to_json(response)})
    elif op == "get_param":
        emit({"event": "param", "key": cmd["key"], "value": rospy.get_param(cmd["key"])})
    elif op == "set_param":
        rospy.set_param(cmd["key"], cmd["value"])
    emit({"event": "done", "op": op})


def main():
    rospy.init_node(sys.argv[1] if len(sys.argv) > 1 else "mantis_peer", disable_signals=True)
    emit({"event": "up", "node": rospy.get_name()})
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            handle(json.loads(line))
        except Exception as e:  # report and keep serving the test
            emit({"event": "error", "error": "%s: %s" % (type(e).__name__, e)})
    rospy.signal_shutdown("stdin closed")


if __name__ == "__main__":
    main()
