#!/usr/bin/env bash
# Physics speed, Mantis (Bullet) against MuJoCo 2.2.2, on the same scene: the Panda arm holding
# q_hold on a table with N free cubes (N = 10, 50, 200), 240 Hz, one thread.
#
# Usage: bench/compare-mujoco.sh [SECONDS]
#   SECONDS  simulated seconds per run (default 20, i.e. 4800 steps at 240 Hz), the same for both.
# Environment: MUJOCO_REPEATS (default 3): runs per N of each engine; the medians are compared.
#
# Mantis side: ./mantis sim bench --robot panda --objects N --seconds S --json (one JSON object,
# field steps_per_s). MuJoCo side: mujoco-testspeed bench/mujoco/arm_boxes_N.xml STEPS 1 0
# (Debian libmujoco-samples; installed here with apt-get if missing and we are root). The MJCF
# scenes are regenerated from panda.urdf by bench/mujoco/make_scene.py; see bench/mujoco/README.md.
# Prints: objects | mantis steps/s | mujoco steps/s | ratio (mantis / mujoco).
# Exit status: 0 all measured; 1 a Mantis or MuJoCo run failed (the table shows what was measured);
# 2 setup failed (no MuJoCo and not root, bad argument).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-20}"
repeats="${MUJOCO_REPEATS:-3}"
hz=240
counts=(10 50 200)

if ! [[ "$seconds" =~ ^[0-9]+([.][0-9]+)?$ ]] || [ "$(python3 -c "print(int(float('$seconds')*$hz))")" -lt 1 ]; then
  echo "compare-mujoco: SECONDS must be a positive number of simulated seconds, got '$seconds'" >&2
  exit 2
fi
if ! [[ "$repeats" =~ ^[1-9][0-9]*$ ]]; then
  echo "compare-mujoco: MUJOCO_REPEATS must be a positive integer, got '$repeats'" >&2
  exit 2
fi
steps="$(python3 -c "print(round(float('$seconds') * $hz))")"

# --- MuJoCo ----------------------------------------------------------------------------------
if ! command -v mujoco-testspeed >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "compare-mujoco: mujoco-testspeed is missing and we are not root; install it with" >&2
    echo "  sudo apt-get update && sudo apt-get install -y libmujoco-samples" >&2
    exit 2
  fi
  echo "compare-mujoco: installing libmujoco-samples (MuJoCo's testspeed)..." >&2
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libmujoco-samples; } >&2; then
    echo "compare-mujoco: apt-get install libmujoco-samples failed" >&2
    exit 2
  fi
  command -v mujoco-testspeed >/dev/null 2>&1 || { echo "compare-mujoco: still no mujoco-testspeed" >&2; exit 2; }
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Regenerate the scenes from the URDF so the comparison follows the robot description; say so
# if the committed copies are stale.
python3 "$root/bench/mujoco/make_scene.py" --quiet --out-dir "$work" "${counts[@]}"
for n in "${counts[@]}"; do
  if ! cmp -s "$work/arm_boxes_$n.xml" "$root/bench/mujoco/arm_boxes_$n.xml"; then
    echo "compare-mujoco: note: bench/mujoco/arm_boxes_$n.xml is out of date with make_scene.py" \
         "or panda.urdf; using a fresh copy (rerun: python3 bench/mujoco/make_scene.py --all)" >&2
  fi
done

# Prints "STEPS_PER_S CONTACTS_PER_STEP CONSTRAINTS_PER_STEP" from testspeed's output on stdin.
parse_testspeed() {
  python3 -c '
import re, sys
text = sys.stdin.read()
def num(label):
    m = re.search(r"^\s*(?:Total\s+)?" + label + r"\s*:\s*([0-9.eE+-]+)", text, re.M | re.I)
    return m.group(1) if m else None
sps = num("Steps per second")
if sps is None or float(sps) <= 0:
    sys.exit(1)
print(sps, num("Contacts per step") or "?", num("Constraints per step") or "?")
'
}

mujoco_run() { # N -> prints the median steps/s and the contact counts of the last run
  local n="$1" model="$work/arm_boxes_$1.xml" results=() out parsed c="" k=""
  for ((r = 0; r < repeats; r++)); do
    if ! out="$(mujoco-testspeed "$model" "$steps" 1 0 2>&1)"; then
      echo "compare-mujoco: mujoco-testspeed failed on arm_boxes_$n.xml:" >&2
      echo "$out" | tail -n 5 >&2
      return 1
    fi
    if ! parsed="$(printf '%s\n' "$out" | parse_testspeed)"; then
      echo "compare-mujoco: cannot find 'Steps per second' in testspeed's output:" >&2
      echo "$out" >&2
      return 1
    fi
    read -r sps c k <<<"$parsed"
    results+=("$sps")
  done
  printf '%s %s %s\n' "$(printf '%s\n' "${results[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" "$c" "$k"
}

# --- Mantis ----------------------------------------------------------------------------------
mantis_ok=1
mantis_why=""
mantis_run() { # N -> prints the median steps_per_s of $repeats runs
  local n="$1" results=() one
  for ((r = 0; r < repeats; r++)); do
    one="$(mantis_once "$n")" || return 1
    results+=("$one")
  done
  printf '%s\n' "${results[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

mantis_once() { # N -> prints steps_per_s; on failure the reason is in $work/mantis_err
  local n="$1" rc=0
  if ! "$root/mantis" sim bench --robot panda --objects "$n" --seconds "$seconds" --json \
        >"$work/mantis_out" 2>"$work/mantis_err"; then
    return 1
  fi
  python3 - "$work/mantis_out" "$n" "$steps" "$hz" 2>>"$work/mantis_err" <<'EOF' || rc=1
import json, sys
path, n, steps, hz = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
obj = None
for line in open(path, encoding="utf-8"):
    line = line.strip()
    if line.startswith("{"):
        try:
            obj = json.loads(line)
        except ValueError:
            pass
if obj is None:
    try:
        obj = json.loads(open(path, encoding="utf-8").read())
    except ValueError:
        print("no JSON object on stdout", file=sys.stderr)
        sys.exit(1)
sps = obj.get("steps_per_s")
if not isinstance(sps, (int, float)) or sps <= 0:
    print(f"no positive steps_per_s in {obj}", file=sys.stderr)
    sys.exit(1)
for key, want in (("objects", n), ("physics_hz", hz), ("steps", steps)):
    if key in obj and obj[key] != want:
        print(f"compare-mujoco: warning: mantis reported {key}={obj[key]}, expected {want}",
              file=sys.stderr)
print(sps)
EOF
  grep -h '^compare-mujoco: warning' "$work/mantis_err" >&2 || true
  return "$rc"
}

echo "Physics steps per second, one thread, ${seconds} s simulated (${steps} steps at ${hz} Hz) per run." >&2
echo "MuJoCo: $(dpkg-query -W -f='libmujoco-samples ${Version}' libmujoco-samples 2>/dev/null || echo 'mujoco-testspeed'); median of $repeats runs of each engine." >&2

rows=()
status=0
for n in "${counts[@]}"; do
  m_sps="n/a"
  if [ "$mantis_ok" = 1 ]; then
    echo "  mantis sim bench, $n objects (the first call may build the CLI with Maven)..." >&2
    if m_sps="$(mantis_run "$n")"; then
      :
    else
      m_sps="n/a"
      mantis_ok=0
      mantis_why="$(tail -n 8 "$work/mantis_err")"
      status=1
    fi
  fi
  echo "  mujoco-testspeed, $n objects..." >&2
  if mj="$(mujoco_run "$n")"; then
    read -r j_sps j_con j_efc <<<"$mj"
  else
    j_sps="n/a"; j_con="?"; j_efc="?"
    status=1
  fi
  rows+=("$n $m_sps $j_sps $j_con $j_efc")
done

echo
printf '%-8s | %15s | %15s | %6s\n' "objects" "mantis steps/s" "mujoco steps/s" "ratio"
printf '%s\n' "---------+-----------------+-----------------+-------"
for row in "${rows[@]}"; do
  read -r n m j c k <<<"$row"
  ratio="$(python3 -c "
m, j = '$m', '$j'
print('n/a' if 'n/a' in (m, j) else f'{float(m) / float(j):.2f}')")"
  fm="$m"; fj="$j"
  [ "$m" != "n/a" ] && fm="$(printf '%.0f' "$m")"
  [ "$j" != "n/a" ] && fj="$(printf '%.0f' "$j")"
  printf '%-8s | %15s | %15s | %6s\n' "$n" "$fm" "$fj" "$ratio"
done
echo
echo "ratio = mantis / mujoco (above 1: Mantis steps faster). MuJoCo contacts/constraint rows per step:"
for row in "${rows[@]}"; do
  read -r n m j c k <<<"$row"
  echo "  $n objects: $c contacts, $k constraint rows"
done
if [ "$mantis_ok" = 0 ]; then
  echo
  echo "MANTIS NOT MEASURED: './mantis sim bench --robot panda --objects N --seconds $seconds --json' failed"
  echo "(it may not exist yet). Its last output:"
  printf '%s\n' "$mantis_why" | sed 's/^/  | /'
fi
exit "$status"
