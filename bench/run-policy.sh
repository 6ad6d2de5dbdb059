#!/usr/bin/env bash
# JMH: OnnxPolicy.act against a raw OrtSession.run on the same MLP (batch 1) and actBatch over 64
# environments against its raw baseline, in one run with -prof gc; prints act/raw (target <= 1.1),
# the actions per second of the batch and the allocation per operation.
# Usage: bench/run-policy.sh [JMH args, default: -f 1 -wi 3 -w 2s -i 5 -r 2s]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$root" && mvn -q -B -DskipTests -pl bench -am package)
fi
out="$root/bench/target/policy.txt"
if [ $# -eq 0 ]; then set -- -f 1 -wi 3 -w 2s -i 5 -r 2s; fi
java -jar "$root/bench/target/benchmarks.jar" OnnxPolicyBenchmark -prof gc "$@" | tee "$out"
awk '
  /^# Benchmark: / { k = split($3, parts, "."); current = parts[k] }
  /^Iteration/ && current != "" { v = $3 + 0; if (!(current in best) || v < best[current]) best[current] = v }
  $1 ~ /OnnxPolicyBenchmark\.[A-Za-z0-9]+$/ && $2 == "avgt" { split($1, n, "."); t[n[2]] = $4 }
  $1 ~ /OnnxPolicyBenchmark\.[A-Za-z0-9]+:gc\.alloc\.rate\.norm$/ { split($1, n, "[.:]"); a[n[2]] = $4 }
  END {
    if (t["raw"] > 0) printf "\nact / raw (batch 1): %.3f (%.2f us vs %.2f us; target <= 1.1)\n", t["act"] / t["raw"], t["act"], t["raw"]
    if (best["raw"] > 0) printf "act / raw, best iterations (robust to a busy machine): %.3f (%.2f us vs %.2f us)\n", best["act"] / best["raw"], best["act"], best["raw"]
    if (t["rawBatch64"] > 0) printf "actBatch64 / rawBatch64: %.3f (%.2f us vs %.2f us)\n", t["actBatch64"] / t["rawBatch64"], t["actBatch64"], t["rawBatch64"]
    if (t["actBatch64"] > 0) printf "actBatch64 throughput: %.0f actions/s\n", 64e6 / t["actBatch64"]
    printf "allocation per op (bytes): act %s, raw %s, actBatch64 %s, rawBatch64 %s\n", a["act"], a["raw"], a["actBatch64"], a["rawBatch64"]
  }' "$out"
