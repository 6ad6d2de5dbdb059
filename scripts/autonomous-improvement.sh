#!/usr/bin/env bash
# Autonomous self-improvement on push-to-goal, driven over ROS (issue 10's experiment):
#  1. 20 oracle demonstrations (mantis collect) -> behaviour cloning (mantis train bc) -> policy v0;
#  2. v0 evaluated on 100 held-out seeds (mantis eval);
#  3. roscore + mantis sim serve-ros --task push; v0 collects unattended over ROS
#     (mantis collect --robot ros:franka --autonomous), every attempt recorded;
#  4. hindsight relabelling of those attempts (mantis dataset relabel --hindsight);
#  5. demonstrations + relabelled attempts -> policy v1, evaluated on the same 100 held-out seeds.
# Prints the before/after table. Needs ROS 1 (scripts/install-deps.sh) and python3-torch.
# Usage: scripts/autonomous-improvement.sh [WORKDIR]; DEMOS, AUTO, EVAL, EPOCHS override the sizes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
demos="${DEMOS:-20}"
auto="${AUTO:-500}"
eval_episodes="${EVAL:-100}"
epochs="${EPOCHS:-100}"
mantis() { "$root/mantis" "$@"; }
features=observation.state,observation.ee_pose,observation.environment_state
mkdir -p "$work"
command -v roscore >/dev/null || { echo "autonomous-improvement: roscore missing; run scripts/install-deps.sh" >&2; exit 1; }

rate() { # the success rate of an eval --json report
  /usr/bin/python3 -c 'import json, sys; r = json.load(sys.stdin)["tasks"][0]; print("%d %d" % (r["successes"], r["episodes"]))'
}

echo "== 1. $demos oracle demonstrations, behaviour cloning"
[ -d "$work/demos" ] || mantis collect --task push --episodes "$demos" --seed 11 --out "$work/demos"
[ -f "$work/push_v0.onnx" ] || mantis train bc --data "$work/demos" --out "$work/push_v0.onnx" \
  --observation "$features" --epochs "$epochs" 2>"$work/train_v0.log"
echo "== 2. v0 on $eval_episodes held-out seeds"
before="$(mantis eval --task push --policy "$work/push_v0.onnx" --episodes "$eval_episodes" --seed 777 --json | rate)"

echo "== 3. $auto autonomous episodes over ROS"
port="$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])')"
export ROS_MASTER_URI="http://localhost:$port/" ROS_HOSTNAME=localhost ROS_HOME="$work/ros" ROS_LOG_DIR="$work/ros/log"
roscore -p "$port" >"$work/roscore.log" 2>&1 &
core=$!
sim=""
trap 'kill $sim $core 2>/dev/null || true; wait 2>/dev/null || true' EXIT
until rosparam list >/dev/null 2>&1; do sleep 0.2; done
"$root/mantis" sim serve-ros --robot panda --profile franka --task push >"$work/serve-ros.log" 2>&1 & # not the function: $! must be the JVM
sim=$!
resume=""
[ -d "$work/auto" ] && resume="--resume"
mantis collect --robot ros:franka --autonomous --task push --policy "$work/push_v0.onnx" --episodes "$auto" \
  --seed 21 --out "$work/auto" --state-timeout 10 $resume
kill "$sim" 2>/dev/null || true

echo "== 4. hindsight relabelling"
rm -rf "$work/auto-her"
mantis dataset relabel "$work/auto" --hindsight --out "$work/auto-her"
echo "== 5. demonstrations + relabelled attempts -> v1 on the same held-out seeds"
mantis train bc --data "$work/demos" --data "$work/auto-her" --out "$work/push_v1.onnx" \
  --observation "$features" --epochs "$epochs" 2>"$work/train_v1.log"
after="$(mantis eval --task push --policy "$work/push_v1.onnx" --episodes "$eval_episodes" --seed 777 --json | rate)"

read -r b_ok b_n <<<"$before"
read -r a_ok a_n <<<"$after"
relabelled="$(mantis dataset info "$work/auto-her" --json | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["episodes"])')"
printf '\n| policy | trained on | push success, %d held-out seeds |\n|---|---|---|\n' "$eval_episodes"
printf '| v0 | %d oracle demonstrations | %d/%d (%.0f%%) |\n' "$demos" "$b_ok" "$b_n" "$(echo "100*$b_ok/$b_n" | bc -l)"
printf '| v1 | + %s hindsight-relabelled of %d autonomous episodes over ROS | %d/%d (%.0f%%) |\n' \
  "$relabelled" "$auto" "$a_ok" "$a_n" "$(echo "100*$a_ok/$a_n" | bc -l)"
printf 'change: %+.0f percentage points\n' "$(echo "100*$a_ok/$a_n - 100*$b_ok/$b_n" | bc -l)"
