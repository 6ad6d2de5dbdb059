#!/usr/bin/env bash
# Scaling of collection (issue 11: 2 workers vs 1 >= 1.8x on 2 free cores): the same core-suite
# collection (18 tasks x 11 episodes = 198 episodes, oracle, seed 0) with 1 and 2 worker threads,
# then on an embedded Spark with 1 and 2 executor cores; and, as the reference without recording,
# `mantis eval` of the same episodes with 1 and 2 workers; and, as the machine's own ceiling, a
# CPU-bound Python loop in 1 and 2 processes at once (2 virtual cores need not give 2x). Each
# Mantis run is a fresh `mantis` JVM with the launcher's JVM options (MANTIS_JAVA_OPTS), as a user
# would start it. Prints each run's episodes per second (the summary's: from the start of the run
# to the closed dataset, without JVM or Spark start-up) and, per pair, the ratio of the medians over
# ROUNDS rounds, the ratio of the best rounds (another guest on the host only ever slows a run
# down, so each side's best is its least disturbed) and, for collections, the ratio of the median
# end-to-end rates (episodes over the whole process's wall time, JVM and Spark start-up and stop
# included). The 1- and 2-worker runs alternate in order from round to round, so that a drift in
# the machine's speed does not favour one side. Checks that all collections wrote the same
# dataset. The load average is printed around each round: the ratios only mean something on
# otherwise idle cores.
# Usage: bench/run-scaling.sh [EPISODES_PER_TASK, default 11] [ROUNDS, default 3]
# (MANTIS_BENCH_NO_BUILD=1 skips the build; KINDS="threads spark eval loop", the default, picks the pairs)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
episodes="${1:-11}"
rounds="${2:-3}"
if [ "${MANTIS_BENCH_NO_BUILD:-}" != 1 ]; then
  (cd "$root" && mvn -q -B -DskipTests -pl launch -am package)
  touch "$root/launch/target/mantis.jar" # the launcher must not rebuild (nor install) it
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="$root/bench/target/scaling.txt"
mkdir -p "$(dirname "$out")"
: > "$out"
load() { echo "load average $1: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" | tee -a "$out" >&2; }
collect() { # NAME FLAGS...: collects into $work/NAME, prints the summary's episodes per second, then the end-to-end one
  local name="$1" t0 rate; shift
  rm -rf "${work:?}/$name"
  t0="$(date +%s.%N)"
  rate="$("$root/mantis" collect --suite core --episodes "$episodes" --seed 0 --out "$work/$name" "$@" 2>/dev/null \
    | grep '^ran ' | tee -a "$out" | sed -n 's/.*s (\([0-9.]*\)\/s on .*/\1/p')"
  echo "$rate $(awk -v n="$((18 * episodes))" -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", n / (b - a)}')"
}
evaluate() { # WORKERS: prints the episodes per second of mantis eval
  "$root/mantis" eval --suite core --episodes "$episodes" --seed 0 --workers "$1" 2>/dev/null \
    | grep 'episodes/s' | tee -a "$out" | sed -n 's/^ *\([0-9.]*\) episodes\/s.*/\1/p'
}
loop() { # WORKERS: the machine's own ceiling: a CPU-bound Python loop in WORKERS processes at once, loops per second
  local t
  t="$(for ((i = 0; i < $1; i++)); do
    /usr/bin/python3 -c 'import time
t = time.perf_counter(); s = 0
for i in range(20_000_000): s += i * i
print(time.perf_counter() - t)' &
  done; wait)"
  echo "$t" | sort -g | tail -1 | awk -v n="$1" '{printf "%.4f\n", n / $1}'
}
run() { # KIND WORKERS: one run, its episodes per second
  case "$1" in
    threads) collect "threads$2" --workers "$2" ;;
    spark) collect "spark$2" --spark "local[$2]" ;;
    eval) evaluate "$2" ;;
    loop) loop "$2" ;;
  esac
}
median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
best() { tr ' ' '\n' | grep . | sort -g | tail -1; }
declare -A rate
kinds="${KINDS:-threads spark eval loop}"
for kind in $kinds; do
  for w in 1 2; do
    rate[$kind.$w]=""
    rate[$kind.$w.e2e]=""
  done
done
for ((r = 1; r <= rounds; r++)); do
  load "before round $r"
  for kind in $kinds; do
    order="1 2"
    [ $((r % 2)) = 0 ] && order="2 1"
    for w in $order; do
      read -r one whole < <(run "$kind" "$w")
      rate[$kind.$w]+=" $one"
      [ -z "${whole:-}" ] || rate[$kind.$w.e2e]+=" $whole"
    done
    if [ "$kind" = threads ] || [ "$kind" = spark ]; then
      diff -r "$work/threads1" "$work/${kind}2" >/dev/null 2>&1 || [ ! -d "$work/threads1" ] || {
        echo "run-scaling: datasets threads1 and ${kind}2 differ" >&2; exit 1; }
      diff -r "$work/threads1" "$work/${kind}1" >/dev/null 2>&1 || [ ! -d "$work/threads1" ] || {
        echo "run-scaling: datasets threads1 and ${kind}1 differ" >&2; exit 1; }
    fi
  done
done
load "after round $rounds"
ratio() { # LABEL KIND
  local a b e1 e2
  a="$(echo "${rate[$2.1]}" | median)"
  b="$(echo "${rate[$2.2]}" | median)"
  awk -v l="$1" -v a="$a" -v b="$b" -v r1="${rate[$2.1]}" -v r2="${rate[$2.2]}" \
    -v ba="$(echo "${rate[$2.1]}" | best)" -v bb="$(echo "${rate[$2.2]}" | best)" \
    'BEGIN {printf "%-42s 1: %6.2f/s  2: %6.2f/s  ratio %.2fx  best rounds %.2fx  (rounds 1:%s  2:%s)\n",
            l, a, b, b / a, bb / ba, r1, r2}'
  if [ -n "${rate[$2.1.e2e]}" ]; then
    e1="$(echo "${rate[$2.1.e2e]}" | median)"
    e2="$(echo "${rate[$2.2.e2e]}" | median)"
    awk -v e1="$e1" -v e2="$e2" -v r1="${rate[$2.1.e2e]}" -v r2="${rate[$2.2.e2e]}" \
      'BEGIN {printf "%-42s 1: %6.2f/s  2: %6.2f/s  ratio %.2fx  (rounds 1:%s  2:%s)\n",
              "  end to end (whole process)", e1, e2, e2 / e1, r1, r2}'
  fi
}
{
  echo
  echo "episodes/s, 1 vs 2 workers, medians of $rounds rounds (same $((18 * episodes))-episode core suite; every dataset"
  echo "byte-identical), JVM options: ${MANTIS_JAVA_OPTS:-launcher defaults}"
  for kind in $kinds; do
    case "$kind" in
      threads) ratio "mantis collect --workers 1|2" threads ;;
      spark) ratio "mantis collect --spark local[1|2]" spark ;;
      eval) ratio "mantis eval --workers 1|2 (no recording)" eval ;;
      loop) ratio "the machine: a CPU-bound loop, 1|2 processes" loop ;;
    esac
  done
} | tee -a "$out"
