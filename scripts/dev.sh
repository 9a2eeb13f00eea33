#!/usr/bin/env bash
# Set up everything CrampCoach needs on Debian/Ubuntu, then run the app or the tests.
#   scripts/dev.sh run [ARGS...]   set up, then start the app (ARGS go to crampcoach)
#   scripts/dev.sh test [PYTEST ARGS...]  set up, then lint, type-check, check the layers,
#                                  dead code and complexity, and run all tests
# Idempotent: a later run with nothing changed checks the Debian packages in one
# dpkg-query, skips pip (see stamp_key) and starts in about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

# Debian packages Qt needs (see shared/design/platform.md): offscreen and xcb
# platform plugins, QtMultimedia's libpulse, Xvfb + a private D-Bus + dunst for
# the end-to-end tests, poppler for looking at the PDF export, syncthing for
# the two-computer sync test, the freedesktop validators for the menu entry and
# the AppStream metainfo, unshare/nsenter/mount for the full-disk tests' small
# tmpfs (setpriv/runuser for the unprivileged ones).
RUN_PKGS=(libglib2.0-0 libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libpulse0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxkbcommon-x11-0 fonts-dejavu-core)
TEST_PKGS=(xvfb xauth dbus-daemon dbus-bin dunst trayer libnotify-bin poppler-utils pulseaudio
  syncthing desktop-file-utils appstream util-linux mount)

apt_install() {
  # One dpkg-query for the whole list: a later run checks ~25 packages in ~20 ms.
  local missing=()
  mapfile -t missing < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "$@" 2>/dev/null |
    awk -v want="$*" '$2 == "installed" {ok[$1] = 1}
      END {n = split(want, w, " "); for (i = 1; i <= n; i++) if (!ok[w[i]]) print w[i]}')
  [ -x "$VENV/bin/python" ] || "$PYTHON" -c "import ensurepip" 2>/dev/null || missing+=(python3-venv)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "== Installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  # Wait for a concurrent apt/dpkg run rather than failing on its lock.
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    --no-install-recommends "${missing[@]}"
}

# pip runs only when what it would install changed: the stamp holds a hash of
# pyproject.toml, the extra and the venv's interpreter.  The project itself is
# an editable install, so edits to the code need no pip run.
stamp_file() { echo "$VENV/.crampcoach-stamp${1//[^a-z]/}"; }
stamp_key() {
  { cat pyproject.toml; echo "$1"; readlink -f "$VENV/bin/python"; } | sha256sum | cut -d' ' -f1
}

venv_current() {
  # Usable as it is: the stamp for $1 (or, for the app alone, the test extra's,
  # which installs more) matches.
  local extras=("$1") extra
  [ -z "$1" ] && extras+=("[test]")
  [ -x "$VENV/bin/python" ] && [ -x "$VENV/bin/crampcoach" ] || return 1
  for extra in "${extras[@]}"; do
    [ "$(cat "$(stamp_file "$extra")" 2>/dev/null)" = "$(stamp_key "$extra")" ] && return 0
  done
  return 1
}

setup_venv() {
  local extra=$1
  venv_current "$extra" && return 0
  if [ ! -x "$VENV/bin/python" ]; then
    echo "== Creating the virtual environment in $VENV (first run: about a minute in all)"
    "$PYTHON" -m venv "$VENV"
  fi
  echo "== Installing Python packages into $VENV (first run, or pyproject.toml changed)"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  # pip's "Collecting ..." lines are the progress of the long step; all of its
  # output is kept in the log for when it fails.
  "$VENV/bin/python" -m pip install -e ".$extra" 2>&1 | tee "$VENV/pip.log" |
    sed -u -n -E 's/^(Collecting|Successfully installed) /   \1 /p' ||
    { echo "pip failed; its output is in $VENV/pip.log:" >&2; tail -n 20 "$VENV/pip.log" >&2; exit 1; }
  stamp_key "$extra" >"$(stamp_file "$extra")"
  echo "== Python packages ready"
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
    # The layers and cycles (contracts in pyproject.toml), dead code, and no
    # function more complex than radon's C (nothing ranked D or worse).
    echo "== lint-imports"; "$VENV/bin/lint-imports" --no-cache
    echo "== vulture"; "$VENV/bin/vulture"
    echo "== radon"
    too_complex=$("$VENV/bin/radon" cc -n D -s crampcoach benchmarks scripts tests)
    if [ -n "$too_complex" ]; then
      echo "$too_complex"
      echo "radon: the functions above are ranked D or worse; split them (at most C)" >&2
      exit 1
    fi
    echo "== pytest"; exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: scripts/dev.sh run|test [ARGS...]" >&2
    exit 2
    ;;
esac
