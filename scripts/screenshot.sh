#!/usr/bin/env bash
# Screenshot the real app window under Xvfb (Debian: xvfb, imagemagick, fonts-noto-cjk).
#   scripts/screenshot.sh OUT.png [sqdesk options...]     e.g. --demo --lang zh_CN
set -euo pipefail
out=$(realpath -m "$1"); shift
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
xvfb-run -a -s "-screen 0 1180x760x24" bash -c '
  "$0" -m sqdesk "$@" & pid=$!
  sleep "${SHOT_DELAY:-5}"
  import -window root -crop 1180x760+0+0 "'"$out"'"
  kill $pid; wait $pid 2>/dev/null || true
' "$PY" "$@"
echo "saved $out"
