"""Is there a display to open a window on?  Asked before QApplication exists.

Without one, Qt's xcb plugin aborts the process (a core dump) after blaming a
missing ``libxcb-cursor0``, which sends people hunting for a package.  This
looks at the same environment Qt does and returns one plain sentence instead.
Pure Python: nothing here imports Qt.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

_LOCAL_X = re.compile(r"^(?:unix)?:(\d+)(?:\.\d+)?$")


def _x_server_listens(number: str) -> bool:
    """A local X server has its socket in /tmp/.X11-unix, or only in the abstract namespace."""
    path = f"/tmp/.X11-unix/X{number}"
    if Path(path).exists():
        return True
    import socket  # only on this rare path: start-up cost

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        try:
            sock.connect("\0" + path)
        except OSError:
            return False
    return True


def _x_problem(display: str) -> str | None:
    if not display:
        return "DISPLAY is not set"
    local = _LOCAL_X.match(display)
    if local and not _x_server_listens(local.group(1)):
        return f"no X server is running on DISPLAY={display}"
    return None


def _wayland_problem(env: Mapping[str, str]) -> str | None:
    name = env.get("WAYLAND_DISPLAY", "")
    if not name:
        return "WAYLAND_DISPLAY is not set"
    socket = Path(name) if name.startswith("/") else Path(env.get("XDG_RUNTIME_DIR", "")) / name
    if not socket.exists():
        return f"no Wayland compositor is listening at {socket}"
    return None


def display_problem(env: Mapping[str, str] | None = None) -> str | None:
    """Why no window can open here, as one sentence; None when a display is there."""
    if not sys.platform.startswith("linux"):
        return None  # macOS and Windows always have their window system
    env = os.environ if env is None else env
    # Qt takes a list ("wayland;xcb") and tries each; plugin options follow a colon.
    chosen = [p.split(":", 1)[0].strip() for p in env.get("QT_QPA_PLATFORM", "").split(";")]
    chosen = [p for p in chosen if p]
    if not chosen and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return "cannot open a window: neither DISPLAY nor WAYLAND_DISPLAY is set"
    if not chosen:  # Qt's own choice: whichever of the two the session has
        chosen = ["wayland"] * bool(env.get("WAYLAND_DISPLAY")) + ["xcb"] * bool(env.get("DISPLAY"))
    problems: list[str] = []
    for platform in chosen:
        if platform.startswith("wayland"):
            problem = _wayland_problem(env)
        elif platform == "xcb":
            problem = _x_problem(env.get("DISPLAY", ""))
        else:
            return None  # headless (offscreen, vnc, ...) or a plugin Qt judges itself
        if problem is None:
            return None
        problems.append(problem)
    return f"cannot open a window: {'; '.join(problems)}"


HINT = (
    "Start CrampCoach inside a desktop session; the other commands work without one "
    "(crampcoach --help)"
)
