#!/usr/bin/env bash
# Sanity checks for the MuJoCo benchmark scenes: loads each arm_boxes_N.xml (warnings fail),
# compares its baked link frames with MuJoCo's own import of panda.urdf at q_hold, simulates
# SECONDS (default 20) and checks that the arm holds still, that nothing touches the arm and
# that the boxes stay at rest. Needs Debian's libmujoco-dev and a C compiler.
# Usage: bench/mujoco/check.sh [SECONDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
urdf="$here/../../assets/src/main/resources/mantis/robots/panda/panda.urdf"
if [ ! -f /usr/include/mujoco/mujoco.h ]; then
  echo "check.sh: needs MuJoCo's headers: apt-get install -y libmujoco-dev" >&2
  exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cc -O2 -Wall -o "$work/check_scene" "$here/check_scene.c" -lmujoco -lm
status=0
for n in 10 50 200; do
  echo "== arm_boxes_$n.xml"
  "$work/check_scene" "$here/arm_boxes_$n.xml" "${1:-20}" "$urdf" || status=1
done
exit "$status"
