#!/usr/bin/env bash
# Install Annotator into ./.venv with its test tools, and the system libraries Qt needs.
#   bash scripts/setup.sh          libraries for running offscreen (tests, CI)
#   bash scripts/setup.sh --gui    also the X11 libraries and a Chinese font for the window
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

# Shared libraries PySide6's wheels load that a minimal Debian lacks.
packages=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libx11-6)
if [ "${1:-}" = "--gui" ]; then
  packages+=(libxcb-cursor0 libxkbcommon-x11-0 libx11-xcb1 libxcb-icccm4 libxcb-keysyms1
             libxcb-shape0 libxcb-render-util0 libxcb-image0 libxcb-randr0 fonts-noto-cjk)
fi
"$PYTHON" -c "import ensurepip, venv" 2>/dev/null || packages+=(python3-venv)

missing=()
if command -v dpkg >/dev/null 2>&1; then
  for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
