"""The rospy side of bench/run-ros-latency.sh: the same JointState (7 joints) publisher and
latency-measuring subscriber as dev.mantis.bench.ros.RosLatency.

Usage: latency.py pub|sub TOPIC RATE_HZ COUNT WARMUP (ROS_MASTER_URI set)
"""
import sys
import threading
import time

import rospy
from sensor_msgs.msg import JointState


def publish(topic, rate, total):
    rospy.init_node("latency_pub_py", disable_signals=True)
    pub = rospy.Publisher(topic, JointState, queue_size=total, tcp_nodelay=True)
    while pub.get_num_connections() == 0:
        time.sleep(0.01)
    time.sleep(0.5)
    js = JointState(name=["panda_joint%d" % (i + 1) for i in range(7)], position=[0.0] * 7,
                    velocity=[0.0] * 7, effort=[0.0] * 7)
    period = 1.0 / rate
    next_t = time.perf_counter()
    for n in range(total):
        js.position = [0.001 * n + i for i in range(7)]
        js.header.stamp = rospy.Time.from_sec(time.time())
        pub.publish(js)
        next_t += period
        wait = next_t - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
    time.sleep(1.0)


def subscribe(topic, count, warmup):
    rospy.init_node("latency_sub_py", disable_signals=True)
    latency = []
    done = threading.Event()
    received = [0]

    def on_message(js):
        now = time.time()
        received[0] += 1
        if received[0] > warmup and len(latency) < count:
            latency.append(int((now - js.header.stamp.to_sec()) * 1e6))
            if len(latency) == count:
                done.set()

    rospy.Subscriber(topic, JointState, on_message, queue_size=10000, tcp_nodelay=True)
    if not done.wait(120):
        sys.stderr.write("latency sub: only %d messages received\n" % received[0])
        sys.exit(1)
    latency.sort()
    print("p50_us %d p99_us %d n %d" % (latency[count // 2], latency[int(count * 0.99)], count))
    rospy.signal_shutdown("done")


if __name__ == "__main__":
    role, topic, rate, count, warmup = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    if role == "pub":
        publish(topic, rate, count + warmup)
    else:
        subscribe(topic, count, warmup)
