#!/usr/bin/env bash
# Installs what Mantis needs to build and test, idempotently. Safe to run again.
# Today: a JDK 17 and Maven. Later issues add ros-core, xvfb, python3-torch here.
set -euo pipefail

need=()
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing ${need[*]}; run as root or: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
fi

javac -version 2>&1 | grep -Eq 'javac (1[7-9]|[2-9][0-9])' || {
  echo "install-deps: Java 17 or newer is needed, found: $(javac -version 2>&1)" >&2
  exit 1
}
echo "install-deps: $(javac -version 2>&1), $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"
