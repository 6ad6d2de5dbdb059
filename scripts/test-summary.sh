#!/usr/bin/env bash
# Adds up the Surefire reports of all modules and prints the totals as the closing lines.
set -euo pipefail
cd "$(dirname "$0")/.."
tests=0; failures=0; errors=0; skipped=0
shopt -s nullglob
for f in */target/surefire-reports/TEST-*.xml; do
  line=$(grep -m1 -o '<testsuite [^>]*>' "$f")
  get() { echo "$line" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  tests=$((tests + $(get tests))); failures=$((failures + $(get failures)))
  errors=$((errors + $(get errors))); skipped=$((skipped + $(get skipped)))
done
echo "[INFO] Results (all modules):"
echo "[INFO] Tests run: $tests, Failures: $failures, Errors: $errors, Skipped: $skipped"
echo "$((tests - failures - errors - skipped)) passed, $((failures + errors)) failed, $skipped skipped"
