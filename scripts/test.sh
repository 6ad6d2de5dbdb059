#!/usr/bin/env bash
# Runs every test of every module (the README's test command) and closes with the totals.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh >/dev/null
set +e
mvn -B test "$@"
status=$?
set -e
scripts/test-summary.sh
exit "$status"
