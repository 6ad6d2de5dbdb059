#!/usr/bin/env bash
# Spark scale-out: the same core-suite collection (18 tasks x 11 episodes = 198 episodes, oracle,
# seed 0) on an embedded Spark with 1 executor core and with 2, in one run; prints each run's
# episodes per second (the job's, without Spark's start-up) and their ratio (issue 11: >= 1.8 on
# 2 free cores). Checks that both runs wrote the same dataset. The load average is printed
# because the ratio is only meaningful on otherwise idle cores.
# Usage: bench/run-spark.sh [EPISODES_PER_TASK, default 11]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
episodes="${1:-11}"
(cd "$root" && mvn -q -B -DskipTests -pl launch -am package)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="$root/bench/target/spark.txt"
mkdir -p "$(dirname "$out")"
: > "$out"
rate() { # K: collects with local[K], prints the episodes per second of the summary
  java -Dmantis.home="$root" -jar "$root/launch/target/mantis.jar" collect --suite core --episodes "$episodes" \
    --seed 0 --out "$work/local$1" --spark "local[$1]" 2>/dev/null | tee -a "$out" \
    | sed -n 's/.*s (\([0-9.]*\)\/s on .*/\1/p'
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" | tee -a "$out"
one="$(rate 1)"
two="$(rate 2)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
diff -r "$work/local1" "$work/local2" >/dev/null || { echo "run-spark: local[1] and local[2] datasets differ" >&2; exit 1; }
awk -v a="$one" -v b="$two" 'BEGIN {printf "\nepisodes/s: local[1] %.2f, local[2] %.2f; 2 / 1 executor cores: %.2fx\n", a, b, b / a}' \
  | tee -a "$out"
