#!/usr/bin/env bash
# Set up everything CrampCoach needs on Debian/Ubuntu, then run the app or the tests.
#   scripts/dev.sh run [ARGS...]   set up, then start the app (ARGS go to crampcoach)
#   scripts/dev.sh test [PYTEST ARGS...]  set up, then lint, type-check and run all tests
# Idempotent: a second run installs nothing new and starts at once.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

# Debian packages Qt needs (see shared/design/platform.md): offscreen and xcb
# platform plugins, QtMultimedia's libpulse, Xvfb + a private D-Bus + dunst for
# the end-to-end tests, poppler for looking at the PDF export.
RUN_PKGS=(libglib2.0-0 libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libpulse0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxkbcommon-x11-0 fonts-dejavu-core)
TEST_PKGS=(xvfb xauth dbus-daemon dbus-bin dunst trayer libnotify-bin poppler-utils pulseaudio)

apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ! "$PYTHON" -c "import ensurepip" 2>/dev/null; then missing+=(python3-venv); fi
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  # Wait for a concurrent apt/dpkg run rather than failing on its lock.
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    --no-install-recommends "${missing[@]}"
}

setup_venv() {
  local extra=$1
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e ".$extra"
}

cmd=${1:-run}
shift || true
case "$cmd" in
  run)
    apt_install "${RUN_PKGS[@]}"
    setup_venv ""
    exec "$VENV/bin/crampcoach" "$@"
    ;;
  test)
    apt_install "${RUN_PKGS[@]}" "${TEST_PKGS[@]}"
    setup_venv "[test]"
    echo "== ruff"; "$VENV/bin/ruff" check . && "$VENV/bin/ruff" format --check .
    echo "== mypy"; "$VENV/bin/mypy"
    echo "== pytest"; exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: scripts/dev.sh run|test [ARGS...]" >&2
    exit 2
    ;;
esac
