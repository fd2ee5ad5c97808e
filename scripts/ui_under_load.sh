#!/usr/bin/env bash
# Run the UI test suite N times in a row (default 10) while another process keeps one core
# busy: a callback reaching a closed window, or a test that depends on timing, shows up here
# long before it shows up on CI. Prints one line per run and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
python=${PYTHON:-.venv/bin/python}
"$python" -c "while 1: pass" &
burner=$!
trap 'kill $burner 2>/dev/null' EXIT
failed=0
for i in $(seq 1 "$runs"); do
  if out=$("$python" -m pytest -q -p no:cacheprovider tests/ui 2>&1); then
    echo "run $i: $(echo "$out" | tail -1)"
  else
    failed=$((failed + 1))
    echo "run $i FAILED: $(echo "$out" | tail -1)"
    echo "$out" | grep -E "^(FAILED|ERROR)" | sed 's/^/    /'
  fi
done
echo "$failed of $runs runs failed"
[ "$failed" = 0 ]
