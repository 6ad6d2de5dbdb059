#!/usr/bin/env bash
# Installs what Mantis needs to build and test, idempotently. Safe to run again.
# Today: a JDK 17 and Maven; PyTorch, onnx and NumPy for /usr/bin/python3 (policies/train/), with
# OpenBLAS (training on the CPU is about 10x faster than with the reference BLAS).
# Xvfb, xauth and Mesa's software OpenGL (llvmpipe) for the off-screen cameras (sim/render); .ci/run
# starts Xvfb. FFmpeg (libx264, SVT-AV1) for episode videos. ROS 1 from Debian (roscore, rospy, the
# message packages, rostopic, actionlib's Python client and server, roscpp and sensor_msgs headers and
# g++ to build roscpp peers) for the ROS client's interoperability tests, which start their own
# roscore on a free port (robot/.../ros/Roscore.java), and for the roscpp pair of
# bench/run-ros-latency.sh.
set -euo pipefail

# Debian's python3-* packages install for /usr/bin/python3, whatever python3 comes first on PATH.
python_versions() {
  /usr/bin/python3 -c 'import torch, onnx, numpy
print("torch", torch.__version__, "onnx", onnx.__version__, "numpy", numpy.__version__)' 2>/dev/null
}

need=()
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
python="$(python_versions)" || need+=(python3-torch python3-onnx python3-numpy)
[ -e /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 ] || [ "$(uname -m)" != x86_64 ] \
  || need+=(libopenblas0-pthread)
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
command -v xauth >/dev/null 2>&1 || need+=(xauth)
# Mesa's DRI drivers (swrast/llvmpipe); dpkg-query because the path differs between architectures
dpkg-query -W -f='${Status}' libgl1-mesa-dri 2>/dev/null | grep -q 'ok installed' || need+=(libgl1-mesa-dri)
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
command -v roscore >/dev/null 2>&1 || need+=(ros-core)
for pkg in python3-rospy python3-rostopic python3-std-msgs python3-sensor-msgs python3-geometry-msgs \
  python3-trajectory-msgs python3-rosgraph-msgs python3-actionlib python3-actionlib-msgs python3-genpy \
  libroscpp-dev libstd-msgs-dev libsensor-msgs-dev g++ pkg-config; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || need+=("$pkg")
done

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing ${need[*]}; run as root or: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
  python="$(python_versions)" || {
    echo "install-deps: /usr/bin/python3 still cannot import torch, onnx and numpy; run" \
      "/usr/bin/python3 -c 'import torch, onnx, numpy' to see why" >&2
    exit 1
  }
fi

javac -version 2>&1 | grep -Eq 'javac (1[7-9]|[2-9][0-9])' || {
  echo "install-deps: Java 17 or newer is needed, found: $(javac -version 2>&1)" >&2
  exit 1
}
echo "install-deps: $(javac -version 2>&1), $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g'), $python"
