#!/usr/bin/env bash
# JMH: forward kinematics, Jacobian and IK of the 7-DoF arm, with allocation per operation.
# Usage: bench/run-kinematics.sh [extra JMH args]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && mvn -q -B -DskipTests -pl bench -am package)
java -jar "$root/bench/target/benchmarks.jar" KinematicsBenchmark -prof gc -f 1 -wi 3 -w 2s -i 5 -r 2s "$@" \
  | tee "$root/bench/target/kinematics.txt"
echo
echo "allocation per operation (bytes; must be ~0 for forward and forwardAndJacobian):"
grep -E 'gc.alloc.rate.norm' "$root/bench/target/kinematics.txt" || true
