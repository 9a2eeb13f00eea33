"""'Start at login': the XDG autostart entry (``$XDG_CONFIG_HOME/autostart/crampcoach.desktop``).

Pure Python (no Qt import), so ``crampcoach settings set autostart true`` can
use it without starting the GUI.  The entry is the shipped
``assets/crampcoach.desktop`` with ``Exec`` pointing at the interpreter that
runs now, because a venv or ``pip --user`` install rarely puts ``crampcoach``
on the login session's PATH, and with ``--hidden``: at login the app goes
straight to the tray instead of opening its window.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from crampcoach import resources

FILE_NAME = "crampcoach.desktop"


def entry_path() -> Path:
    """Where the autostart entry lives (XDG Base Directory spec)."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / FILE_NAME


def entry_text() -> str:
    """The autostart entry's contents."""
    exec_line = f"{shlex.quote(sys.executable)} -m crampcoach --hidden"
    out: list[str] = []
    section = ""
    for line in resources.read_text("assets", FILE_NAME).splitlines():
        if line.startswith("["):
            section = line
            if section != "[Desktop Entry]":
                break  # desktop actions make no sense at login
        if line.startswith(("Exec=", "TryExec=", "Actions=")):
            if line.startswith("Exec="):
                out.append(f"Exec={exec_line}")
            continue
        out.append(line)
    out.append("X-GNOME-Autostart-enabled=true")
    return "\n".join(out).rstrip("\n") + "\n"


def is_enabled() -> bool:
    """Whether the entry exists."""
    return entry_path().is_file()


def set_enabled(enabled: bool) -> Path:
    """Create or remove the entry; returns its path."""
    path = entry_path()
    if enabled:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(entry_text(), encoding="utf-8")
        tmp.replace(path)
    else:
        path.unlink(missing_ok=True)
    return path
