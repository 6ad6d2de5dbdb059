#!/usr/bin/env bash
# Regenerates the viewer screenshots in docs/ (README, "Viewer"): live views with the overlay and
# goal ghosts, and one rendered frame per task family. Needs a display (Xvfb works) and the CLI
# jar: mvn -o -q -B -DskipTests -pl launch -am package
set -euo pipefail
cd "$(dirname "$0")/.."
mantis() { java -Dmantis.home="$PWD" -jar launch/target/mantis.jar "$@"; }
size=960x540
mantis view --task hanoi --frame 120 --size "$size" --screenshot docs/viewer-hanoi.png
mantis view --task open_drawer --frame 25 --size "$size" --screenshot docs/viewer-open_drawer.png
mantis view --task stack_three --frame 60 --size "$size" --screenshot docs/viewer-stack_three.png
mantis render --task push --frame 30 --size "$size" --out docs/render-push.png
mantis render --task pick_place --frame 45 --size "$size" --out docs/render-pick_place.png
mantis render --task block_in_bowl --frame 50 --size "$size" --out docs/render-block_in_bowl.png
mantis render --task insertion --frame 60 --size "$size" --out docs/render-insertion.png
mantis render --task press_button --frame 20 --size "$size" --out docs/render-press_button.png
mantis render --task hanoi --frame 300 --size "$size" --out docs/render-hanoi.png
mantis render --task hand_place --frame 90 --size "$size" --out docs/render-hand_place.png
mantis view --task hand_lift --frame 70 --size "$size" --screenshot docs/viewer-hand_lift.png
