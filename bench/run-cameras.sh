#!/usr/bin/env bash
# Camera throughput in one run: two 128x128 RGB-D cameras rendering a core-suite scene (frames per
# second), and a collection with those cameras recorded as AV1 videos against one without (ratio).
# Needs an X display (Xvfb) and ffmpeg; starts Xvfb on a free display when DISPLAY is unset.
# Usage: bench/run-cameras.sh [TASK [EPISODES [ROUNDS [CODEC]]]]   (default: push 6 2 av1)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && mvn -q -B -DskipTests -pl bench -am package)
xvfb_pid=""
if [ -z "${DISPLAY:-}" ]; then
  for n in $(seq 90 120); do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then
      Xvfb ":$n" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
      xvfb_pid=$!
      export DISPLAY=":$n"
      sleep 1
      break
    fi
  done
fi
trap '[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true' EXIT
out="$root/bench/target/cameras.txt"
java -cp "$root/bench/target/benchmarks.jar" dev.mantis.bench.render.CameraBenchmark "$@" 2>/dev/null | tee "$out"
