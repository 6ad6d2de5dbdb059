#!/usr/bin/env bash
# JMH: an oracle episode with and without recording it to a LeRobot dataset, in one run;
# prints the recording overhead as a ratio to the baseline (issue: must be <= 1.15).
# Usage: bench/run-recording.sh [JMH args, default: -f 1 -wi 2 -w 10s -i 5 -r 10s]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && mvn -q -B -DskipTests -pl bench -am package)
out="$root/bench/target/recording.txt"
if [ $# -eq 0 ]; then set -- -f 1 -wi 2 -w 10s -i 5 -r 10s; fi
java -jar "$root/bench/target/benchmarks.jar" RecordingBenchmark "$@" | tee "$out"
awk '/RecordingBenchmark\.episode /{base=$(NF-3)} /RecordingBenchmark\.recordedEpisode /{rec=$(NF-3)}
     END {if (base > 0) printf "\nrecorded / plain episode time: %.3f (%.2f ms vs %.2f ms)\n", rec / base, rec, base}' "$out"
