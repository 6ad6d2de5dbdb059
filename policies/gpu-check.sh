#!/usr/bin/env bash
# On a machine with an NVIDIA GPU (driver, CUDA 12 and cuDNN 9 libraries, as onnxruntime_gpu
# needs): builds the policies module with -Pcuda (onnxruntime_gpu instead of onnxruntime) and
# checks that the example feedforward model loads with Device.CUDA, runs on the CUDA provider and
# reproduces its reference (GpuCheckTest). Fails with a clear line where there is no GPU.
# Usage: policies/gpu-check.sh [extra Maven args, e.g. -o]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if ! command -v nvidia-smi >/dev/null 2>&1 || ! nvidia-smi -L >/dev/null 2>&1; then
  echo "gpu-check: FAILED: no NVIDIA GPU here (nvidia-smi is missing or lists no GPU); run this on a GPU machine" >&2
  exit 1
fi
nvidia-smi -L
cd "$root"
if ! mvn -B -q -Pcuda -pl policies -am test -Dtest=GpuCheckTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dmantis.gpu=true "$@"; then
  echo "gpu-check: FAILED: see the test output above (policies/target/surefire-reports/*GpuCheckTest*)" >&2
  exit 1
fi
grep -q 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0' \
  policies/target/surefire-reports/dev.mantis.policies.onnx.GpuCheckTest.txt \
  || { echo "gpu-check: FAILED: GpuCheckTest did not run" >&2; exit 1; }
echo "gpu-check: OK: the policy host runs on CUDA"
