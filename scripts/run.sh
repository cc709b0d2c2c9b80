#!/usr/bin/env bash
# Install Annotator (if needed) and start it: on the demo project, or on the project given.
#   bash scripts/run.sh [PROJECT.annot]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --gui
exec .venv/bin/python main.py "$@"
