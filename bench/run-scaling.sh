#!/usr/bin/env bash
# Scaling of collection (issue 11: 2 workers vs 1 >= 1.8x on 2 free cores): the same core-suite
# collection (18 tasks x 11 episodes = 198 episodes, oracle, seed 0) with 1 and 2 worker threads,
# then on an embedded Spark with 1 and 2 executor cores, all in one run; and, as the reference
# without recording, `mantis eval` of the same episodes with 1 and 2 workers. Prints each run's
# episodes per second (the summary's: from the first episode to the closed dataset, without JVM or
# Spark start-up) and each pair's ratio. Checks that all four collections wrote the same dataset.
# The load average is printed before and after each pair: the ratios only mean something on
# otherwise idle cores.
# Usage: bench/run-scaling.sh [EPISODES_PER_TASK, default 11]   (MANTIS_BENCH_NO_BUILD=1 skips the build)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
episodes="${1:-11}"
if [ "${MANTIS_BENCH_NO_BUILD:-}" != 1 ]; then
  (cd "$root" && mvn -q -B -DskipTests -pl launch -am package)
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="$root/bench/target/scaling.txt"
mkdir -p "$(dirname "$out")"
: > "$out"
mantis() { java -Dmantis.home="$root" -jar "$root/launch/target/mantis.jar" "$@"; }
load() { echo "load average $1: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" | tee -a "$out" >&2; }
collect() { # NAME FLAGS...: collects into $work/NAME, prints the episodes per second of the summary
  local name="$1"; shift
  mantis collect --suite core --episodes "$episodes" --seed 0 --out "$work/$name" "$@" 2>/dev/null \
    | grep '^ran ' | tee -a "$out" | sed -n 's/.*s (\([0-9.]*\)\/s on .*/\1/p'
}
evaluate() { # WORKERS: prints the episodes per second of mantis eval
  mantis eval --suite core --episodes "$episodes" --seed 0 --workers "$1" 2>/dev/null \
    | grep 'episodes/s' | tee -a "$out" | sed -n 's/^ *\([0-9.]*\) episodes\/s.*/\1/p'
}
ratio() { # LABEL A B
  awk -v l="$1" -v a="$2" -v b="$3" 'BEGIN {printf "%-42s 1: %6.2f/s  2: %6.2f/s  ratio %.2fx\n", l, a, b, b / a}'
}
load "before threads"
t1="$(collect threads1 --workers 1)"
t2="$(collect threads2 --workers 2)"
load "after threads, before Spark"
s1="$(collect spark1 --spark 'local[1]')"
s2="$(collect spark2 --spark 'local[2]')"
load "after Spark, before eval"
e1="$(evaluate 1)"
e2="$(evaluate 2)"
load "after eval"
for d in threads2 spark1 spark2; do
  diff -r "$work/threads1" "$work/$d" >/dev/null || { echo "run-scaling: datasets threads1 and $d differ" >&2; exit 1; }
done
{
  echo
  echo "episodes/s, 1 vs 2 workers (same 198-episode core suite; the 4 datasets are byte-identical):"
  ratio "mantis collect --workers 1|2" "$t1" "$t2"
  ratio "mantis collect --spark local[1|2]" "$s1" "$s2"
  ratio "mantis eval --workers 1|2 (no recording)" "$e1" "$e2"
} | tee -a "$out"
