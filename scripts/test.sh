#!/usr/bin/env bash
# The whole test suite, as CI runs it: everything on SQLite (the UI on an offscreen
# display), then the core suite again on a real PostgreSQL server that the tests start
# themselves (tests/pg.py). Extra arguments go to both pytest runs.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pytest "$@"
SQDESK_TEST_DB=postgresql .venv/bin/python -m pytest tests/core -p no:cacheprovider -q "$@"
