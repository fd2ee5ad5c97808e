#!/usr/bin/env bash
# Set up this checkout on a fresh machine: the system libraries Qt needs (Debian/Ubuntu,
# when run as root or with password-less sudo), a virtual environment in .venv, and sqdesk
# installed into it (editable) with its test tools. Safe to run again: it only adds what
# is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's xcb/offscreen platforms, fonts for Chinese and emoji, Xvfb for screenshots, and
# PostgreSQL's server binaries for the tests that run the core on PostgreSQL too, and
# pdftoppm and zbarimg for the tests that read printed QR codes back from the PDF.
DEB_PACKAGES=(
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xinerama0 libxcb-xkb1
  libxcb-randr0 libxcb-shape0 libxcb-xfixes0
  xvfb xauth fonts-noto-cjk fonts-noto-color-emoji
  postgresql poppler-utils zbar-tools
)

if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    if [ "$(id -u)" != 0 ]; then
      if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
        echo "setup: please install these Debian packages first: ${missing[*]}" >&2
        exit 1
      fi
    fi
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

PYTHON=${PYTHON:-}
if [ -z "$PYTHON" ]; then
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      PYTHON=$candidate; break
    fi
  done
fi
if [ -z "$PYTHON" ]; then
  echo "setup: sqdesk needs Python 3.11 or newer" >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
echo "setup: ready ($(.venv/bin/python --version), sqdesk in .venv)"
