"""'Start at login': the XDG autostart entry (``$XDG_CONFIG_HOME/autostart/crampcoach.desktop``).

Pure Python (no Qt import), so ``crampcoach settings set autostart true`` can
use it without starting the GUI.  The entry is the shipped desktop entry with
an absolute ``Exec`` for this installation (:func:`crampcoach.desktop.entry_text`),
because a venv or ``pip --user`` install rarely puts ``crampcoach`` on the
login session's PATH, and with ``--hidden``: at login the app goes straight to
the tray instead of opening its window.
"""

from __future__ import annotations

import os
from pathlib import Path

from crampcoach import desktop

FILE_NAME = "crampcoach.desktop"


def entry_path() -> Path:
    """Where the autostart entry lives (XDG Base Directory spec)."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / FILE_NAME


def entry_text() -> str:
    """The autostart entry's contents."""
    return desktop.entry_text(autostart=True)


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
