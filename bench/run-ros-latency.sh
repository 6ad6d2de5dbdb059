#!/usr/bin/env bash
# ROS 1 latency over loopback: sensor_msgs/JointState (7 joints) at 1 kHz from one process to
# another, Mantis's Java client (Java -> Java) against rospy (rospy -> rospy) in the same run, on a
# roscore this script starts. Prints p50/p99 of (arrival - header.stamp) and the ratio of the p99s.
# No roscpp pair yet (issue 9 names roscpp -> roscpp as the reference; goal Mantis p99 / roscpp p99 <= 1.2).
# Usage: bench/run-ros-latency.sh [COUNT, default 5000] [RATE_HZ, default 1000]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-5000}"
rate="${2:-1000}"
warmup=3000
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$root" && mvn -q -B -DskipTests -pl bench -am package)
fi
command -v roscore >/dev/null || { echo "run-ros-latency: roscore missing; run scripts/install-deps.sh" >&2; exit 1; }
port="$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])')"
work="$(mktemp -d)"
export ROS_MASTER_URI="http://localhost:$port/" ROS_HOSTNAME=localhost ROS_HOME="$work" ROS_LOG_DIR="$work/log"
roscore -p "$port" >"$work/roscore.log" 2>&1 &
core=$!
trap 'kill "$core" 2>/dev/null || true; wait "$core" 2>/dev/null || true; rm -rf "$work"' EXIT
until rosparam list >/dev/null 2>&1; do
  kill -0 "$core" 2>/dev/null || { cat "$work/roscore.log" >&2; exit 1; }
  sleep 0.2
done

java_cmd=(java -cp "$root/bench/target/benchmarks.jar" dev.mantis.bench.ros.RosLatency)
py_cmd=(/usr/bin/python3 "$root/bench/ros/latency.py")

pair() { # name, command...
  local name="$1"; shift
  "$@" sub "/latency_$name" "$rate" "$count" "$warmup" >"$work/$name.txt" &
  local sub=$!
  sleep 1
  "$@" pub "/latency_$name" "$rate" "$count" "$warmup" >/dev/null
  wait "$sub"
  echo "$name: $(cat "$work/$name.txt")"
}

pair java "${java_cmd[@]}" | tee "$work/summary.txt"
pair rospy "${py_cmd[@]}" | tee -a "$work/summary.txt"
awk '/^java:/ { j = $5 } /^rospy:/ { r = $5 }
  END { if (r > 0) printf "Mantis (Java->Java) p99 / rospy p99: %.2f (%d us vs %d us)\n", j / r, j, r }' "$work/summary.txt"
