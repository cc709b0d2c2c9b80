#!/usr/bin/env bash
# Install Annotator (if needed) and run every check: the tests (offscreen), ruff, mypy.
# The same command runs locally and in CI (.ci/run). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
